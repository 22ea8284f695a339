import Foundation
import HailuoCore

/// The `--json` form of a job: one object, snake_case keys, ISO 8601 times, no secrets.
enum JobJSON {
    /// The request's parameters, as every JSON object that describes a clip writes them.
    static func parameters(_ p: GenerationParameters) -> [String: Any] {
        var object: [String: Any] = [
            "model": p.model.rawValue,
            "prompt": p.prompt,
            "prompt_optimizer": p.promptOptimizer,
            "duration": p.duration,
            "resolution": p.resolution.rawValue,
            "first_frame": p.firstFrame ?? NSNull(),
            "last_frame": p.lastFrame ?? NSNull(),
            "ratio": p.ratio?.rawValue ?? NSNull(),
        ]
        for kind in ReferenceKind.allCases { object[kind.parameterName] = p.references(kind) }
        return object
    }

    static func object(_ job: Job) -> [String: Any] {
        var object = parameters(job.parameters).merging([
            "id": job.id,
            "generation_id": job.generationID ?? NSNull(),
            "status": job.displayStatus,
            "phase": job.phase.rawValue,
            "provider_status": job.providerStatus ?? NSNull(),
            "video_url": job.videoURL ?? NSNull(),
            "video_url_expires_at": iso(job.videoURLExpiresAt),
            "file": job.filePath ?? NSNull(),
            "error": job.errorMessage ?? NSNull(),
            "request_id": job.errorRequestID ?? NSNull(),
            "family": job.family.rawValue,
            "profile": job.profile,
            "created_at": iso(job.createdAt),
            "updated_at": iso(job.updatedAt),
            "submitted_at": iso(job.submittedAt),
            "finished_at": iso(job.finishedAt),
            "hidden": job.hidden,
            "cost_usd": job.costUSD.map { $0 as Any } ?? NSNull(),
            "estimated_usd": job.estimatedUSD.map { $0 as Any } ?? NSNull(),
            "client_request_id": job.clientRequestID ?? NSNull(),
            "inference_id": job.inferenceID ?? NSNull(),
            "settle_state": job.settleState?.rawValue ?? NSNull(),
            "settle_checked_at": iso(job.settleCheckedAt),
        ]) { own, _ in own }
        if let sha = job.firstFrameSHA256 { object["first_frame_sha256"] = sha }
        if let sha = job.lastFrameSHA256 { object["last_frame_sha256"] = sha }
        return object
    }

    /// One line of compact JSON (keys sorted) for the job.
    static func line(_ job: Job, extra: [String: Any] = [:]) -> String {
        var object = object(job)
        object.merge(extra) { _, new in new }
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func iso(_ date: Date?) -> Any {
        guard let date else { return NSNull() }
        return date.formatted(.iso8601)
    }
}
