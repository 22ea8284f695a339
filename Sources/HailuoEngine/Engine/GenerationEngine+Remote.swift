import Foundation
import HailuoCore

/// Jobs made elsewhere: listed from the provider's request logs, and imported on request.
extension GenerationEngine {
    /// The provider's log rows for hailuo's MiniMax video models since `since`, newest first,
    /// that the store does not hold (matched by generation id and client request id). Rows
    /// without a generation id or a model are left out. At most `maxPages` pages of 100 rows.
    public func remoteJobs(since: Date, maxPages: Int = 20) async throws -> [RemoteJob] {
        let end = Date()
        let start = min(since, end)
        var found: [RemoteJob] = []
        var offset = 0
        for _ in 0..<max(1, maxPages) {
            let page: RequestLogPage
            do {
                page = try await client.logs(
                    start: start, end: end, models: ModelCatalog.ids.map(\.rawValue), limit: 100, offset: offset)
            } catch {
                throw EngineError("could not read the provider's request logs: \(error)")
            }
            for row in page.rows {
                guard let id = row.inferenceID, !id.isEmpty, let model = row.model, let created = row.created,
                    try !store.knows(inferenceID: id, clientRequestID: row.clientRequestID),
                    !found.contains(where: { $0.inferenceID == id })
                else { continue }
                found.append(
                    RemoteJob(
                        created: created, model: InertText.oneLine(model), status: row.status ?? "unknown",
                        costUSD: row.costUSD, inferenceID: id, origin: InertText.oneLine(row.origin ?? "unknown"),
                        clientRequestID: row.clientRequestID))
            }
            guard page.hasMore, !page.rows.isEmpty else { break }
            offset += page.rows.count
        }
        return found
    }

    /// Adds each remote job to the store as a pending job with its generation id (a fresh local
    /// id, a placeholder prompt), so it is polled for a fresh link and downloaded like the rest.
    /// A job already in the store is skipped. Returns the jobs added.
    public func importRemote(_ remote: [RemoteJob]) async throws -> [Job] {
        var added: [Job] = []
        for item in remote {
            let job = Job(
                id: LocalID.make(), generationID: item.inferenceID, phase: .pending, providerStatus: "queued",
                parameters: GenerationParameters(model: ModelID(rawValue: item.model), prompt: item.placeholderPrompt),
                family: family(for: ModelID(rawValue: item.model)), baseURL: configuration.endpoint.baseURL,
                profile: configuration.profile, createdAt: item.created, updatedAt: Date(), submittedAt: item.created,
                inferenceID: item.inferenceID, costUSD: item.costUSD)
            let note = "imported from the provider's request logs (origin \(item.origin))"
            guard try store.insertIfUnknown(job, note: note) else { continue }
            added.append(job)
            hub.emit(.jobChanged(job))
            if started { await scheduler.track(job) }
        }
        return added
    }
}
