import Foundation
import HailuoCore

extension Job {
    /// A job for a test or a benchmark: every field has a default, any can be given.
    ///
    /// The defaults make a job consistent with its phase: a job the provider accepted (pending,
    /// completed or failed) has the generation id `gen-<id>` and was submitted when it was
    /// created, and a pending one has the provider status `queued`, unless those are given. To
    /// leave such a field empty, set it to `nil` on the result. `updatedAt` is `createdAt` unless
    /// given.
    public static func fixture(
        id: String = Job.fixtureID(), phase: JobPhase = .pending, providerStatus: String? = nil,
        prompt: String = "A paper boat on a rainy street", model: ModelID = ModelCatalog.defaultModelID,
        promptOptimizer: Bool = true, duration: Int = 6, resolution: Resolution = .p768,
        firstFrame: String? = nil, lastFrame: String? = nil, firstFramePath: String? = nil,
        firstFrameSHA256: String? = nil, lastFramePath: String? = nil, lastFrameSHA256: String? = nil,
        family: EndpointFamily = .vendor, baseURL: String = "http://127.0.0.1:4242", profile: String = "default",
        createdAt: Date = Date(), updatedAt: Date? = nil, submittedAt: Date? = nil, finishedAt: Date? = nil,
        generationID: String? = nil, videoURL: String? = nil, videoURLExpiresAt: Date? = nil,
        filePath: String? = nil, downloadedAt: Date? = nil, errorMessage: String? = nil,
        errorRequestID: String? = nil, usageJSON: String? = nil, hidden: Bool = false
    ) -> Job {
        let accepted = phase == .pending || phase == .completed || phase == .failed
        return Job(
            id: id, generationID: generationID ?? (accepted ? "gen-\(id)" : nil), phase: phase,
            providerStatus: providerStatus ?? (phase == .pending ? "queued" : nil),
            parameters: GenerationParameters(
                model: model, prompt: prompt, promptOptimizer: promptOptimizer, duration: duration,
                resolution: resolution, firstFrame: firstFrame, lastFrame: lastFrame),
            firstFramePath: firstFramePath, firstFrameSHA256: firstFrameSHA256, lastFramePath: lastFramePath,
            lastFrameSHA256: lastFrameSHA256, family: family, baseURL: baseURL, profile: profile,
            createdAt: createdAt, updatedAt: updatedAt ?? createdAt,
            submittedAt: submittedAt ?? (accepted ? createdAt : nil), finishedAt: finishedAt, videoURL: videoURL,
            videoURLExpiresAt: videoURLExpiresAt, filePath: filePath, downloadedAt: downloadedAt,
            errorMessage: errorMessage, errorRequestID: errorRequestID, usageJSON: usageJSON, hidden: hidden)
    }

    /// A fresh local id, shaped like the engine's (8 characters of its base-32 alphabet), so jobs
    /// made without an id never collide.
    public static func fixtureID() -> String {
        String(UUID().uuidString.lowercased().filter { $0 != "-" }.prefix(8))
    }
}
