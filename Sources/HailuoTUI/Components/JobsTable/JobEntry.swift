import Foundation
import HailuoCore

/// A job as the screen shows it: the engine's job plus the expected generation window.
public struct JobEntry: Sendable, Equatable, Identifiable {
    public var job: Job
    /// Seconds after acceptance in which a job like this usually finishes (learned or typical).
    public var expected: ClosedRange<Double>?

    public init(job: Job, expected: ClosedRange<Double>? = nil) {
        self.job = job
        self.expected = expected
    }

    public var id: String { job.id }
}
