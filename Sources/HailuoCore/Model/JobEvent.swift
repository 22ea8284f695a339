import Foundation

/// One entry of a job's history: a phase or provider status it reached, and when.
public struct JobEvent: Sendable, Equatable {
    /// The local id of the job.
    public var jobID: String
    /// When the job reached this phase or status.
    public var at: Date
    /// The phase it was in.
    public var phase: JobPhase
    /// The provider's status word at that moment, if it had sent one.
    public var providerStatus: String?
    /// Why, in words, when there is more to say (an error, "resumed", "downloaded").
    public var note: String?

    /// Creates a history entry.
    public init(jobID: String, at: Date, phase: JobPhase, providerStatus: String?, note: String?) {
        self.jobID = jobID
        self.at = at
        self.phase = phase
        self.providerStatus = providerStatus
        self.note = note
    }
}
