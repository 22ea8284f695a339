import Foundation
import GRDB
import HailuoCore

/// Maps ``Job`` to and from a `jobs` row. Lease and counter columns are not part of a job.
enum JobRow {
    /// The selected columns, in the order ``job(from:)`` reads them by position.
    static let columns = [
        "id", "generation_id", "phase", "provider_status", "model", "prompt", "prompt_optimizer",
        "duration", "resolution", "first_frame", "last_frame", "first_frame_path", "first_frame_sha256",
        "last_frame_path", "last_frame_sha256", "family", "base_url", "profile", "created_at",
        "updated_at", "submitted_at", "finished_at", "video_url", "video_url_expires_at", "file_path",
        "downloaded_at", "error_message", "error_request_id", "usage_json", "hidden", "client_request_id",
        "inference_id", "estimated_usd", "cost_usd", "settle_state", "settle_checked_at", "group_id", "favourite",
        "ratio", "references_json",
    ]

    static let selectList = columns.joined(separator: ", ")

    static func values(_ job: Job) -> [(any DatabaseValueConvertible)?] {
        let p = job.parameters
        return [
            job.id, job.generationID, job.phase.rawValue, job.providerStatus, p.model.rawValue, p.prompt,
            p.promptOptimizer, p.duration, p.resolution.rawValue, p.firstFrame, p.lastFrame,
            job.firstFramePath, job.firstFrameSHA256, job.lastFramePath, job.lastFrameSHA256,
            job.family.rawValue, job.baseURL, job.profile, job.createdAt.timeIntervalSince1970,
            job.updatedAt.timeIntervalSince1970, job.submittedAt?.timeIntervalSince1970,
            job.finishedAt?.timeIntervalSince1970, job.videoURL,
            job.videoURLExpiresAt?.timeIntervalSince1970, job.filePath,
            job.downloadedAt?.timeIntervalSince1970, job.errorMessage, job.errorRequestID,
            job.usageJSON, job.hidden, job.clientRequestID, job.inferenceID, job.estimatedUSD, job.costUSD,
            job.settleState?.rawValue, job.settleCheckedAt?.timeIntervalSince1970, job.groupID, job.favourite,
            p.ratio?.rawValue, ReferenceColumn.encode(p),
        ]
    }

    /// The job in a row selected with ``selectList``. Columns are read by position (their order in
    /// ``columns``): a lookup by name costs a string search per column, a third of the time of
    /// loading 10,000 jobs.
    static func job(from row: Row) -> Job {
        func date(_ index: Int) -> Date? {
            (row[index] as Double?).map(Date.init(timeIntervalSince1970:))
        }
        var parameters = GenerationParameters(
            model: ModelID(rawValue: row[4]), prompt: row[5], promptOptimizer: row[6], duration: row[7],
            resolution: Resolution(rawValue: row[8] as String) ?? .p768, firstFrame: row[9], lastFrame: row[10],
            ratio: (row[38] as String?).flatMap(AspectRatio.init(rawValue:)))
        ReferenceColumn.decode(row[39], into: &parameters)
        return Job(
            id: row[0], generationID: row[1], phase: JobPhase(rawValue: row[2] as String) ?? .failed,
            providerStatus: row[3], parameters: parameters,
            firstFramePath: row[11], firstFrameSHA256: row[12], lastFramePath: row[13], lastFrameSHA256: row[14],
            family: EndpointFamily(rawValue: row[15] as String) ?? .vendor, baseURL: row[16], profile: row[17],
            createdAt: date(18) ?? Date(timeIntervalSince1970: 0),
            updatedAt: date(19) ?? Date(timeIntervalSince1970: 0),
            submittedAt: date(20), finishedAt: date(21), videoURL: row[22], videoURLExpiresAt: date(23),
            filePath: row[24], downloadedAt: date(25), errorMessage: row[26], errorRequestID: row[27],
            usageJSON: row[28], hidden: row[29], clientRequestID: row[30], inferenceID: row[31],
            estimatedUSD: row[32], costUSD: row[33],
            settleState: (row[34] as String?).flatMap(SettleState.init(rawValue:)), settleCheckedAt: date(35),
            groupID: row[36], favourite: row[37])
    }
}

/// The `references_json` column: `{"images": [...], "videos": [...], "audio": [...]}` with only the
/// kinds given, or NULL when there are none (most jobs).
enum ReferenceColumn {
    static func encode(_ p: GenerationParameters) -> String? {
        guard p.hasReferences else { return nil }
        var object: [String: [String]] = [:]
        for kind in ReferenceKind.allCases where !p.references(kind).isEmpty {
            object[kind.rawValue] = p.references(kind)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode(_ text: String?, into p: inout GenerationParameters) {
        guard let text, let object = try? JSONDecoder().decode([String: [String]].self, from: Data(text.utf8)) else {
            return
        }
        for kind in ReferenceKind.allCases {
            if let values = object[kind.rawValue] { p.setReferences(kind, values) }
        }
    }
}
