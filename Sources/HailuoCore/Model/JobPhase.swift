/// Where a job stands, as this client knows it.
public enum JobPhase: String, Sendable, Codable, CaseIterable {
    /// Stored, waiting for its turn (a batch row or a variant paced under `--max-in-flight`);
    /// never sent. Nothing polls it; the process pacing its group sends it when a slot frees.
    case waiting
    /// The row is written and the POST is on its way (write-ahead).
    case submitting
    /// The POST may have reached the provider but its answer was lost. It may be billed and may
    /// exist upstream; it is never resent without an explicit user action.
    case unconfirmed
    /// Accepted by the provider; `providerStatus` says queued, generating, or something unknown.
    case pending
    /// Finished with a video URL.
    case completed
    /// Failed upstream, refused by the provider, or completed without a URL.
    case failed
    /// An unconfirmed submission the user chose to dismiss (kept, never deleted).
    case dismissed

    /// Whether the scheduler still has work for this job (it is pending).
    public var isActive: Bool { self == .pending }
    /// Whether the job is under way: being sent (submitting) or accepted and not yet done
    /// (pending). An unconfirmed job is not: nothing goes on for it until the user acts.
    public var isRunning: Bool { self == .submitting || self == .pending }
    /// Whether the request was never sent and never will be by itself: waiting for its turn.
    public var isWaiting: Bool { self == .waiting }
    /// Whether nothing more will happen to the job on its own.
    public var isFinished: Bool { self == .completed || self == .failed || self == .dismissed }

    /// The phases of a job under way (``isRunning``), for queries.
    public static let running: Set<JobPhase> = Set(allCases.filter(\.isRunning))
}
