import Foundation
import HailuoCore

/// One entry of a job's history: a phase or provider status it reached, and when.
public struct JobEvent: Sendable, Equatable {
    public var jobID: String
    public var at: Date
    public var phase: JobPhase
    public var providerStatus: String?
    /// Why, in words, when there is more to say (an error, "resumed", "downloaded").
    public var note: String?

    public init(jobID: String, at: Date, phase: JobPhase, providerStatus: String?, note: String?) {
        self.jobID = jobID
        self.at = at
        self.phase = phase
        self.providerStatus = providerStatus
        self.note = note
    }
}
