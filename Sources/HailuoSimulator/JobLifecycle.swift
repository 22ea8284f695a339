/// The error of a failed job, in one of the three shapes the provider uses.
enum JobError: Sendable, Equatable {
    /// `{"name": ..., "message": ...}`
    case message(name: String, message: String)
    /// `{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`
    case detail(loc: [String], msg: String, type: String)
    /// A plain string.
    case text(String)

    static let generationFailed = JobError.message(
        name: "GenerationError", message: "Video generation failed (simulated failure)."
    )
    static let detailFailure = JobError.detail(
        loc: ["body", "prompt"], msg: "Generation failed: the prompt was rejected (simulated).", type: "value_error"
    )
    static let textFailure = JobError.text("Generation failed (simulated plain-text error).")
    static let moderation = JobError.message(
        name: "ModerationError", message: "The prompt was refused by content moderation (simulated early failure)."
    )
    static let resolutionDuration = JobError.message(
        name: "GenerationError", message: "1080P resolution allows a 6 s duration only; 10 s was requested."
    )

    /// The JSON value of the error.
    var json: JSONValue {
        switch self {
        case .message(let name, let message):
            return ["name": .string(name), "message": .string(message)]
        case .detail(let loc, let msg, let type):
            return ["detail": [["loc": .array(loc.map { .string($0) }), "msg": .string(msg), "type": .string(type)]]]
        case .text(let text):
            return .string(text)
        }
    }
}

/// Where a job is at a given moment of simulated time.
struct JobSnapshot: Sendable, Equatable {
    /// The status word the poll reports.
    var status: String
    /// Whether a completed answer carries a video URL.
    var hasVideo: Bool
    /// The error of a failed job.
    var error: JobError?

    /// Whether the job reached its end and has a downloadable video.
    var isCompletedWithVideo: Bool { status == "completed" && hasVideo }
}

/// The lifecycle rules: `queued` for the first 10 % of the job's duration, then `generating`, then
/// `completed` (or the outcome's failure at half-time; an unknown status word between 10 % and 50 %;
/// an early failure `queued` until its 2-5 s are up).
enum JobLifecycle {
    /// The state of job `id` after `elapsed` provider seconds.
    static func snapshot(of id: GenerationID, elapsed: Double) -> JobSnapshot {
        let total = id.totalSeconds
        let progress = elapsed / total
        if id.outcome == .failsEarly {
            if elapsed < id.earlyFailureSeconds { return JobSnapshot(status: "queued", hasVideo: false, error: nil) }
            return JobSnapshot(status: "error", hasVideo: false, error: .moderation)
        }
        if progress < 0.1 { return JobSnapshot(status: "queued", hasVideo: false, error: nil) }
        switch id.outcome {
        case .completes, .completesWithoutURL:
            if progress < 1 { return JobSnapshot(status: "generating", hasVideo: false, error: nil) }
            return JobSnapshot(status: "completed", hasVideo: id.outcome == .completes, error: nil)
        case .unknownStatusThenCompletes:
            if progress < 0.5 { return JobSnapshot(status: "throttled", hasVideo: false, error: nil) }
            if progress < 1 { return JobSnapshot(status: "generating", hasVideo: false, error: nil) }
            return JobSnapshot(status: "completed", hasVideo: true, error: nil)
        case .failsResolutionDuration:
            return JobSnapshot(status: "error", hasVideo: false, error: .resolutionDuration)
        case .failsEarly:
            return JobSnapshot(status: "error", hasVideo: false, error: .moderation)
        case .failsWithMessage, .failsWithDetail, .failsWithText:
            if progress < 0.5 { return JobSnapshot(status: "generating", hasVideo: false, error: nil) }
            let error: JobError =
                switch id.outcome {
                case .failsWithDetail: .detailFailure
                case .failsWithText: .textFailure
                default: .generationFailed
                }
            return JobSnapshot(status: "error", hasVideo: false, error: error)
        }
    }
}
