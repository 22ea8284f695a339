import Foundation
import HailuoCore

/// Signed video links expire (upstream: after about 9 hours). The provider signs a new link on
/// every poll of a completed job, so an expired link is replaced by polling once more.
extension GenerationEngine {
    /// Polls a completed job once for a freshly signed video link and stores it. Throws the
    /// original expiry when the provider no longer hands out a link, and a sentence when the
    /// poll itself fails.
    static func freshLink(
        for job: Job, expired: DownloadError, client: APIClient, store: JobStore
    ) async throws -> Job {
        guard let generationID = job.generationID else { throw expired }
        try? store.countPoll(job.id)
        let result: PollResult
        do {
            result = try await client.poll(generationID: generationID, model: job.parameters.model)
        } catch {
            throw EngineError("\(expired.description) Asking the provider for a fresh link failed: \(error).")
        }
        // The same link again (signed within the same second) is tried again too: a 403 "expired"
        // for a link whose time has not come may be the CDN's passing mistake.
        guard result.meaning == .completed, let url = result.videoURL else { throw expired }
        return try store.update(job.id, note: "fresh video link") {
            $0.videoURL = url
            $0.videoURLExpiresAt = SignedURL.expiry(of: url)
        }
    }
}
