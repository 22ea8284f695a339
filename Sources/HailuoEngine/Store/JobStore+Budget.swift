import Foundation
import GRDB
import HailuoCore

/// When the budget's periods began: the start of today and of this month (local time).
public struct BudgetPeriods: Sendable, Equatable {
    /// The start of the day.
    public var dayStart: Date
    /// The start of the month.
    public var monthStart: Date

    /// Periods with these starts.
    public init(dayStart: Date, monthStart: Date) {
        self.dayStart = dayStart
        self.monthStart = monthStart
    }

    /// The calendar day and month around `now` in `calendar` (the user's, by default).
    public init(now: Date, calendar: Calendar = .current) {
        dayStart = calendar.startOfDay(for: now)
        monthStart = calendar.dateInterval(of: .month, for: now)?.start ?? dayStart
    }
}

/// Budget checks that hold across processes: the sums and the write happen in one `IMMEDIATE`
/// transaction, so a second process submitting at the same moment waits for the first and then
/// sees its job in the sums.
extension JobStore {
    /// Inserts `job` (as ``insert(_:leaseOwner:leaseSeconds:note:)``) only when `admit`, given the
    /// sums of the jobs already stored, returns `nil`; otherwise writes nothing and returns what
    /// `admit` said.
    public func insert(
        _ job: Job, leaseOwner: String?, leaseSeconds: Double, note: String?, periods: BudgetPeriods,
        admit: (BudgetLedger) -> String?
    ) throws -> String? {
        try immediate { db in
            if let refusal = admit(try Self.ledger(db, periods: periods, excluding: nil)) { return refusal }
            try Self.insertRow(db, job, leaseOwner: leaseOwner, leaseSeconds: leaseSeconds, note: note)
            return nil
        }
    }

    /// Changes job `id` (as ``update(_:note:now:_:)``) only when `admit`, given the sums of the
    /// other jobs, returns `nil`. Returns the new job, or what `admit` said.
    public func update(
        _ id: String, note: String?, periods: BudgetPeriods, admit: (BudgetLedger) -> String?,
        _ change: @Sendable (inout Job) -> Void
    ) throws -> Result<Job, BudgetRefusal> {
        try immediate { db in
            if let refusal = admit(try Self.ledger(db, periods: periods, excluding: id)) {
                return .failure(BudgetRefusal(sentence: refusal))
            }
            return .success(try Self.updateRow(db, id, note: note, now: Date(), change))
        }
    }

    /// The budget sums as the store holds them now.
    public func ledger(periods: BudgetPeriods) throws -> BudgetLedger {
        try pool.read { db in try Self.ledger(db, periods: periods, excluding: nil) }
    }

    static func ledger(_ db: Database, periods: BudgetPeriods, excluding id: String?) throws -> BudgetLedger {
        let spent = """
            SELECT COALESCE(SUM(COALESCE(cost_usd, estimated_usd, 0)), 0) FROM jobs
            WHERE phase = '\(JobPhase.completed.rawValue)' AND created_at >= ? AND id IS NOT ?
            """
        let waiting = [JobPhase.submitting, .pending, .unconfirmed].map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let pending = """
            SELECT COALESCE(SUM(COALESCE(cost_usd, estimated_usd, 0)), 0) FROM jobs
            WHERE phase IN (\(waiting)) AND id IS NOT ?
            """
        return BudgetLedger(
            spentToday: try Double.fetchOne(
                db, sql: spent, arguments: [periods.dayStart.timeIntervalSince1970, id]) ?? 0,
            spentThisMonth: try Double.fetchOne(
                db, sql: spent, arguments: [periods.monthStart.timeIntervalSince1970, id]) ?? 0,
            pending: try Double.fetchOne(db, sql: pending, arguments: [id]) ?? 0)
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken before anything is
    /// read, so no other process can write between the sums and the row.
    func immediate<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw StoreError("the budget transaction produced nothing") }
            return result
        }
    }
}

/// A job refused by the budget, in one sentence naming the cap and the figures.
public struct BudgetRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sentence.
    public var sentence: String
    /// The sentence.
    public var description: String { sentence }
}
