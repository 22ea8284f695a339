/// Money spent over some set of jobs.
///
/// ``usd`` adds up the provider's figures (`Job.costUSD`); a completed job with no provider figure
/// yet counts its estimate in ``estimatedUSD`` instead, never in ``usd``.
public struct SpendFigure: Sendable, Equatable {
    /// The provider's figures, added up (USD).
    public var usd: Double
    /// How many jobs have a provider figure (a failed job at $0 is one of them).
    public var jobs: Int
    /// Estimates of completed jobs the provider has not given a figure for yet (USD).
    public var estimatedUSD: Double
    /// How many jobs ``estimatedUSD`` covers.
    public var estimatedJobs: Int

    public init(usd: Double = 0, jobs: Int = 0, estimatedUSD: Double = 0, estimatedJobs: Int = 0) {
        self.usd = usd
        self.jobs = jobs
        self.estimatedUSD = estimatedUSD
        self.estimatedJobs = estimatedJobs
    }

    /// Counts one job: its provider figure, else (when completed) its estimate.
    public mutating func add(_ job: Job) {
        if let cost = job.costUSD {
            usd += cost
            jobs += 1
        } else if job.phase == .completed, let estimate = job.estimatedUSD {
            estimatedUSD += estimate
            estimatedJobs += 1
        }
    }
}
