import Foundation
import HailuoCore
import HailuoTUI

/// How a submission ended, as the engine reports it to the screen.
public enum EngineSubmission: Sendable, Equatable {
    /// The job exists (accepted, unconfirmed, or failed upstream).
    case stored(Job)
    /// Validation refused it; nothing was sent.
    case invalid([ValidationIssue])
    /// A local problem; nothing was sent.
    case failed(String)
}

/// How a submission of several jobs (variants) ended, as the engine reports it to the screen.
public enum EngineGroupSubmission: Sendable, Equatable {
    /// The group and its jobs exist (each accepted, unconfirmed, or failed upstream).
    case stored(JobGroup, [Job])
    /// Validation refused the request; nothing was sent.
    case invalid([ValidationIssue])
    /// A local problem or the budget; nothing was sent.
    case failed(String)
}

/// What the screen's runtime asks of the generation engine: its actions, its queries and its
/// events. The `hailuo` executable conforms the real engine; tests use a fake. Every job is
/// changed through these actions, and read through these queries, never from the store.
public protocol ScreenEngine: Sendable {
    /// Validates, stores and sends one job.
    func submit(_ parameters: GenerationParameters) async -> EngineSubmission
    /// Polls a pending job now; `false` when another process is polling it.
    func pollNow(_ id: String) async throws -> Bool
    /// Downloads a completed job's video.
    func download(_ id: String) async throws -> Job
    /// A new job with the same parameters.
    func retry(_ id: String) async throws -> Job
    /// Resends an unconfirmed or failed job (an explicit user action).
    func resubmit(_ id: String) async throws -> Job
    /// Marks an unconfirmed job as dismissed.
    func dismiss(_ id: String) async throws -> Job
    func setHidden(_ id: String, _ hidden: Bool) async throws -> Job
    /// Every job, hidden ones included, newest first; at most `limit` when given.
    func jobs(limit: Int?) async throws -> [Job]
    /// A job's status history, oldest first.
    func history(jobID: String) async throws -> [JobEvent]
    /// What the clip of `parameters` would cost (the catalogue, cached for a day; never more than
    /// a short wait).
    func quote(_ parameters: GenerationParameters) async -> PriceQuote
    /// Which models the provider still lists (cached for a day; the built-in table when offline).
    func modelRoster(refresh: Bool) async -> ModelRoster
    /// Seconds after acceptance in which a job like this usually finishes.
    func expectedGenerationWindow(for job: Job) -> ClosedRange<Double>
    /// Sends `count` jobs of the same request as one group of kind ``JobGroup/Kind/variants``
    /// (each its own job); the budget is checked for all of them before anything is sent.
    func submitVariants(_ parameters: GenerationParameters, count: Int) async -> EngineGroupSubmission
    /// Marks a job as a favourite, or not (stored).
    func setFavourite(jobID: String, _ favourite: Bool) async throws -> Job
    /// Every group of jobs (batches and variants), newest first.
    func groups() async throws -> [JobGroup]
    /// Job changes, store changes by other processes, the connection and downloads, in order.
    func events() -> AsyncStream<EngineEvent>
}
