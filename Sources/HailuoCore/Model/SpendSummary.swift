import Foundation

/// What the jobs of a store cost: today, this month (the machine's calendar), all time, and per
/// model; optionally since a given moment.
public struct SpendSummary: Sendable, Equatable {
    public var today: SpendFigure
    public var month: SpendFigure
    public var total: SpendFigure
    /// Jobs made at or after ``sinceDate``, when one was asked for.
    public var since: SpendFigure?
    public var sinceDate: Date?
    /// Per model id (since ``sinceDate`` when given, else all time), only models with a figure.
    public var perModel: [String: SpendFigure]

    public init(
        today: SpendFigure = .init(), month: SpendFigure = .init(), total: SpendFigure = .init(),
        since: SpendFigure? = nil, sinceDate: Date? = nil, perModel: [String: SpendFigure] = [:]
    ) {
        self.today = today
        self.month = month
        self.total = total
        self.since = since
        self.sinceDate = sinceDate
        self.perModel = perModel
    }

    /// Adds up `jobs` by when each was made (`createdAt`), in `calendar` (the machine's by default).
    public static func of(
        _ jobs: [Job], since: Date? = nil, now: Date = Date(), calendar: Calendar = .current
    ) -> SpendSummary {
        let startOfDay = calendar.startOfDay(for: now)
        let startOfMonth = calendar.dateInterval(of: .month, for: now)?.start ?? startOfDay
        var summary = SpendSummary(since: since.map { _ in SpendFigure() }, sinceDate: since)
        for job in jobs where job.costUSD != nil || (job.phase == .completed && job.estimatedUSD != nil) {
            summary.total.add(job)
            if job.createdAt >= startOfMonth { summary.month.add(job) }
            if job.createdAt >= startOfDay { summary.today.add(job) }
            if let since, job.createdAt < since { continue }
            summary.since?.add(job)
            summary.perModel[job.parameters.model.rawValue, default: SpendFigure()].add(job)
        }
        return summary
    }
}
