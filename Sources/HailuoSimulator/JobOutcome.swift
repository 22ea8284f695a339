/// Markers that, anywhere in a create's prompt (case-insensitive), choose how the simulated job goes.
/// They let a client trigger outcomes through a separately running `hailuo simulate`.
///
/// - `[sim:fail]`: the job fails (status `"error"`) with `{"name": "GenerationError", "message": ...}`.
/// - `[sim:fail-early]`: the job fails 2 to 5 provider seconds after acceptance, as a prompt refused
///   by moderation does, with `{"name": "ModerationError", "message": ...}`; until then it is `queued`.
/// - `[sim:error-detail]`: the job fails with `{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`.
/// - `[sim:error-text]`: the job fails with a plain string error.
/// - `[sim:unknown-status]`: the job reports status `"throttled"` (a word the provider does not document) from 10 % to 50 % of
///   its span, then `generating`, then completes normally.
/// - `[sim:no-url]`: the job ends `"completed"` with `video: null`.
/// - `[sim:lost]` (combines with the others): the job is created and counted as issued, but the
///   create's answer is lost: the response head goes out (without the tracing and cost headers), then
///   the connection is closed before any body byte, so the client sees an error. The job is billed
///   like any other and its `GET /v2/logs` row carries the create's `client_request_id`.
///
/// When several of the first six appear, the first in this list wins. Failures come at half of
/// the job's span, except `[sim:fail-early]`'s. A 1080P job of 10 s fails with "1080P allows 6 s only" whatever the markers say.
public enum SimulatorPromptMarker: String, Sendable, CaseIterable {
    /// Fails with the name/message error shape.
    case fail = "[sim:fail]"
    /// Fails 2-5 s after acceptance (a moderation refusal).
    case failEarly = "[sim:fail-early]"
    /// Fails with the `detail` error shape.
    case errorDetail = "[sim:error-detail]"
    /// Fails with a plain text error.
    case errorText = "[sim:error-text]"
    /// Shows status `"throttled"` for a while, then completes.
    case unknownStatus = "[sim:unknown-status]"
    /// Completes without a video URL.
    case noURL = "[sim:no-url]"
    /// The create's answer is lost (the job is still created).
    case lost = "[sim:lost]"
}

/// How a simulated job ends, chosen at create time (see `SimulatorPromptMarker`) and stored in its id.
enum JobOutcome: Int, Sendable, CaseIterable {
    /// Completes with a video URL.
    case completes = 0
    /// Fails with the name/message error shape.
    case failsWithMessage = 1
    /// Fails with the `detail` error shape.
    case failsWithDetail = 2
    /// Fails with a plain text error.
    case failsWithText = 3
    /// Shows an undocumented status word before completing.
    case unknownStatusThenCompletes = 4
    /// Ends completed without a URL.
    case completesWithoutURL = 5
    /// Fails because 1080P allows 6 s only.
    case failsResolutionDuration = 6
    /// Fails 2-5 provider seconds after acceptance (refused by moderation).
    case failsEarly = 7

    /// The marker that selects each outcome, in priority order.
    static let markers: [(marker: String, outcome: JobOutcome)] = [
        (SimulatorPromptMarker.fail.rawValue, .failsWithMessage),
        (SimulatorPromptMarker.failEarly.rawValue, .failsEarly),
        (SimulatorPromptMarker.errorDetail.rawValue, .failsWithDetail),
        (SimulatorPromptMarker.errorText.rawValue, .failsWithText),
        (SimulatorPromptMarker.unknownStatus.rawValue, .unknownStatusThenCompletes),
        (SimulatorPromptMarker.noURL.rawValue, .completesWithoutURL),
    ]

    /// Marker that makes the create answer get lost (the job is still created).
    static let lostMarker = SimulatorPromptMarker.lost.rawValue

    /// The outcome a create with these parameters gets.
    static func choose(prompt: String, duration: Int, resolution: String) -> JobOutcome {
        if resolution == "1080P" && duration == 10 { return .failsResolutionDuration }
        let lowered = prompt.lowercased()
        return markers.first { lowered.contains($0.marker) }?.outcome ?? .completes
    }

    /// Whether the prompt asks for the create answer to be lost.
    static func losesAnswer(prompt: String) -> Bool {
        prompt.lowercased().contains(lostMarker)
    }
}
