import Foundation
import GRDB
import HailuoCore

/// Money: what the stored jobs cost.
extension JobStore {
    /// Every job that counts towards spending, hidden ones included (hiding a job does not
    /// refund it): those with a provider figure, and completed ones with only an estimate.
    public func jobsWithCost() throws -> [Job] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(JobRow.selectList) FROM jobs
                    WHERE cost_usd IS NOT NULL OR (phase = ? AND estimated_usd IS NOT NULL)
                    ORDER BY created_at DESC, id DESC
                    """,
                arguments: [JobPhase.completed.rawValue]
            ).map(JobRow.job(from:))
        }
    }

    /// USD spent today, this month (both in `calendar`, the machine's by default), all time and
    /// per model, from the provider's figures; completed jobs without one count their estimate,
    /// apart. See ``SpendSummary/of(_:since:now:calendar:)``.
    public func spend(since: Date? = nil, now: Date = Date(), calendar: Calendar = .current) throws -> SpendSummary {
        SpendSummary.of(try jobsWithCost(), since: since, now: now, calendar: calendar)
    }
}
