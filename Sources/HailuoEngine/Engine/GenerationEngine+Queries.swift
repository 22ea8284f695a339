import Foundation
import HailuoCore

/// What front ends may read. The store itself stays inside the engine, so every change to a job
/// goes through the engine's rules (write-ahead, leases, events).
extension GenerationEngine {
    /// The job with this local id, or `nil`.
    public nonisolated func job(id: String) throws -> Job? {
        try store.job(id: id)
    }

    /// Jobs, newest first: only those in `phases` when given, hidden ones only when asked, at most
    /// `limit` of them; only group `groupID`'s when given, only favourites when `favouritesOnly`.
    public nonisolated func jobs(
        phases: Set<JobPhase>? = nil, includeHidden: Bool = false, limit: Int? = nil, groupID: String? = nil,
        favouritesOnly: Bool = false
    ) throws -> [Job] {
        try store.jobs(
            phases: phases, includeHidden: includeHidden, limit: limit, groupID: groupID,
            favouritesOnly: favouritesOnly)
    }

    /// The job's history, oldest first.
    public nonisolated func history(jobID: String) throws -> [JobEvent] {
        try store.history(jobID: jobID)
    }

    /// Finds a job by local id, generation id (with or without its `:model` suffix), or an
    /// unambiguous prefix of the local id; `nil` when nothing matches. Throws when a prefix matches
    /// several jobs.
    public nonisolated func resolve(_ reference: String) throws -> Job? {
        try store.resolve(reference)
    }

    /// How many polls were sent for the job, by any process (the request economy figures).
    public nonisolated func pollCount(jobID: String) throws -> Int {
        try store.pollCount(jobID: jobID)
    }
}

/// Money: what the stored jobs cost.
extension GenerationEngine {
    /// USD spent today, this month (the machine's calendar), all time and per model, from the
    /// provider's figures; completed jobs without one count their estimate, reported apart.
    /// - Parameter since: also add up the jobs made at or after this moment (per model too).
    public nonisolated func spend(since: Date? = nil, now: Date = Date()) throws -> SpendSummary {
        try store.spend(since: since, now: now)
    }
}
