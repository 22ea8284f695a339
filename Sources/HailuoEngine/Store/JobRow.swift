import Foundation
import GRDB
import HailuoCore

/// Maps ``Job`` to and from a `jobs` row. Lease and counter columns are not part of a job.
enum JobRow {
    static let columns = [
        "id", "generation_id", "phase", "provider_status", "model", "prompt", "prompt_optimizer",
        "duration", "resolution", "first_frame", "last_frame", "first_frame_path", "first_frame_sha256",
        "last_frame_path", "last_frame_sha256", "family", "base_url", "profile", "created_at",
        "updated_at", "submitted_at", "finished_at", "video_url", "video_url_expires_at", "file_path",
        "downloaded_at", "error_message", "error_request_id", "usage_json", "hidden",
    ]

    static let selectList = columns.joined(separator: ", ")

    static func values(_ job: Job) -> [(any DatabaseValueConvertible)?] {
        let p = job.parameters
        return [
            job.id, job.generationID, job.phase.rawValue, job.providerStatus, p.model, p.prompt,
            p.promptOptimizer, p.duration, p.resolution.rawValue, p.firstFrame, p.lastFrame,
            job.firstFramePath, job.firstFrameSHA256, job.lastFramePath, job.lastFrameSHA256,
            job.family.rawValue, job.baseURL, job.profile, job.createdAt.timeIntervalSince1970,
            job.updatedAt.timeIntervalSince1970, job.submittedAt?.timeIntervalSince1970,
            job.finishedAt?.timeIntervalSince1970, job.videoURL,
            job.videoURLExpiresAt?.timeIntervalSince1970, job.filePath,
            job.downloadedAt?.timeIntervalSince1970, job.errorMessage, job.errorRequestID,
            job.usageJSON, job.hidden,
        ]
    }

    static func job(from row: Row) -> Job {
        func date(_ column: String) -> Date? {
            (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
        }
        let parameters = GenerationParameters(
            model: row["model"], prompt: row["prompt"], promptOptimizer: row["prompt_optimizer"],
            duration: row["duration"],
            resolution: Resolution(rawValue: row["resolution"] as String) ?? .p768,
            firstFrame: row["first_frame"], lastFrame: row["last_frame"])
        return Job(
            id: row["id"], generationID: row["generation_id"],
            phase: JobPhase(rawValue: row["phase"] as String) ?? .failed,
            providerStatus: row["provider_status"], parameters: parameters,
            firstFramePath: row["first_frame_path"], firstFrameSHA256: row["first_frame_sha256"],
            lastFramePath: row["last_frame_path"], lastFrameSHA256: row["last_frame_sha256"],
            family: EndpointFamily(rawValue: row["family"] as String) ?? .vendor,
            baseURL: row["base_url"], profile: row["profile"],
            createdAt: date("created_at") ?? Date(timeIntervalSince1970: 0),
            updatedAt: date("updated_at") ?? Date(timeIntervalSince1970: 0),
            submittedAt: date("submitted_at"), finishedAt: date("finished_at"),
            videoURL: row["video_url"], videoURLExpiresAt: date("video_url_expires_at"),
            filePath: row["file_path"], downloadedAt: date("downloaded_at"),
            errorMessage: row["error_message"], errorRequestID: row["error_request_id"],
            usageJSON: row["usage_json"], hidden: row["hidden"])
    }
}
