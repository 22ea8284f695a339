/// A misbehaviour the simulator can put on an answer, named by its raw value (also the value of the
/// `X-Simulator-Fault` request header and of `fault` in `POST /__sim/faults`).
///
/// | fault | create | poll | download |
/// |---|---|---|---|
/// | `rate-limit` | 429, no `Retry-After`, no job | same | same |
/// | `rate-limit-retry-after` | 429 with `Retry-After: 2`, no job | same | same |
/// | `500`, `502`, `504` | the job IS created, then that status (504: "Generation timeout") | that status | that status |
/// | `503`, `401`, `403` | that status, no job | that status | that status |
/// | `slow` | job created, answer after `slowDelay` | answer after `slowDelay` | file after `slowDelay` |
/// | `reset` | job created, connection closed with no answer | connection closed with no answer | part of the file, then the connection is closed |
/// | `truncated-json` | job created, 200 with a cut JSON body | 200 with a cut JSON body | not applicable |
/// | `malformed-json` | job created, 200 with an invalid JSON body | 200 with an invalid JSON body | not applicable |
/// | `unknown-status` | not applicable | status `"throttled"` | not applicable |
/// | `completed-without-url` | not applicable | `"completed"` with `video: null` | not applicable |
/// | `error-message` / `error-detail` / `error-text` | not applicable | status `"error"` with that error shape | not applicable |
/// | `expired-link` | not applicable | a completed answer's URL is already expired | 403 "Request has expired" |
/// | `hostile-text` | 400, no job; message (echoing the prompt) and `requestId` hold escapes | `"error"`, same | n/a |
/// | `cost-headers-missing` | normal answer without `x-aimlapi-credits-used` / `x-aimlapi-usd-spent` | same, on the answer of an ended job | not applicable |
/// | `cost-headers-negative` | both cost headers are `-1` | same, on the answer of an ended job | not applicable |
/// | `cost-headers-garbage` | both cost headers are `abc` | same, on the answer of an ended job | not applicable |
/// | `cost-headers-disagree` | the headers say twice the figures of `meta.usage` | same, on the answer of an ended job | not applicable |
///
/// A create whose job is made but whose answer never reaches the client (the "created, then the
/// answer is lost" case of API.md's money rules) is `reset` on a create, or `slow` with a client
/// that gives up, or the `[sim:lost]` prompt marker: the job exists, is billed when it completes,
/// and has its `GET /v2/logs` row with the `client_request_id` it was sent with.
///
/// The account routes have faults of their own (the ones above leave them alone):
///
/// | fault | request | effect |
/// |---|---|---|
/// | `billing-500` | `GET /v2/billing` | 500 with the provider error body |
/// | `logs-400` | `GET /v2/logs` | 400 with the provider error body, whatever the query |
/// | `logs-429` | `GET /v2/logs` | 429, as if over 200 requests per 60 s |
/// | `logs-500` | `GET /v2/logs` | 500 with the provider error body |
/// | `logs-null-rows` | `GET /v2/logs` | 200; every row's `cost`, `model`, `client_request_id` and `inference_id` are `null` |
///
/// A fault that is not applicable to a request is neither applied nor consumed; neither is one met
/// by a request refused before faults are consulted (401 for the key, 400 for the body, 404 for an
/// unknown id or path, 403 for a bad download signature). Order: the `X-Simulator-Fault` header,
/// then injected rules, then the configuration's rules; `expired-link` on a poll waits for an
/// answer that carries a video URL, and a cost-header fault on a poll waits for the answer of a
/// job that has ended (`completed` or `error`).
public enum SimulatorFault: String, Sendable, Codable, CaseIterable {
    /// HTTP 429 without `Retry-After`.
    case rateLimited = "rate-limit"
    /// HTTP 429 with `Retry-After: 2`.
    case rateLimitedRetryAfter = "rate-limit-retry-after"
    /// HTTP 500 with the provider error body.
    case serverError = "500"
    /// HTTP 502 with the provider error body.
    case badGateway = "502"
    /// HTTP 503 with the provider error body.
    case unavailable = "503"
    /// HTTP 504 with the provider error body, message "Generation timeout".
    case gatewayTimeout = "504"
    /// HTTP 401 with the provider error body, whatever the key.
    case unauthorized = "401"
    /// HTTP 403 (out of credits) with the provider error body.
    case noCredits = "403"
    /// The normal answer, after `SimulatorConfiguration.slowDelay` seconds.
    case slow
    /// The connection is closed before a complete answer (a download gets part of the file first).
    case reset = "reset"
    /// HTTP 200 with a JSON body cut in the middle.
    case truncatedJSON = "truncated-json"
    /// HTTP 200 with a body that is not JSON.
    case malformedJSON = "malformed-json"
    /// A poll answer whose status is a word outside the documented set (`"throttled"`).
    case unknownStatus = "unknown-status"
    /// A poll answer `"completed"` with `video: null`.
    case completedWithoutURL = "completed-without-url"
    /// A poll answer `"error"` with `{"name": "GenerationError", "message": ...}`.
    case errorMessage = "error-message"
    /// A poll answer `"error"` with `{"detail": [{"loc": [...], "msg": ..., "type": ...}]}`.
    case errorDetail = "error-detail"
    /// A poll answer `"error"` whose error is a plain string.
    case errorText = "error-text"
    /// A completed poll answer hands out a link that has already expired; a download answers 403 expired.
    case expiredLink = "expired-link"
    /// Answers carrying terminal escape sequences and control characters (`SimulatorHostileText`):
    /// a create is refused with 400, a poll fails the job.
    case hostileText = "hostile-text"
    /// A create or poll answer without the `x-aimlapi-*` cost headers (`meta.usage` is intact).
    case costHeadersMissing = "cost-headers-missing"
    /// Cost headers that say `-1`.
    case costHeadersNegative = "cost-headers-negative"
    /// Cost headers that say `abc`.
    case costHeadersGarbage = "cost-headers-garbage"
    /// Cost headers that say twice what `meta.usage` says.
    case costHeadersDisagree = "cost-headers-disagree"
    /// `GET /v2/billing` answers 500.
    case billingServerError = "billing-500"
    /// `GET /v2/logs` answers 400.
    case logsBadRequest = "logs-400"
    /// `GET /v2/logs` answers 429.
    case logsRateLimited = "logs-429"
    /// `GET /v2/logs` answers 500.
    case logsServerError = "logs-500"
    /// `GET /v2/logs` rows whose `cost`, `model`, `client_request_id` and `inference_id` are null.
    case logsNullRows = "logs-null-rows"

    /// Whether this is one of the four cost-header faults.
    var isCostHeaderFault: Bool {
        [.costHeadersMissing, .costHeadersNegative, .costHeadersGarbage, .costHeadersDisagree].contains(self)
    }

    /// Whether this fault means anything for a request of `kind`.
    func applies(to kind: RequestKind) -> Bool {
        switch self {
        case .rateLimited, .rateLimitedRetryAfter, .serverError, .badGateway, .unavailable,
            .gatewayTimeout, .unauthorized, .noCredits, .slow, .reset:
            return kind == .create || kind == .poll || kind == .download
        case .truncatedJSON, .malformedJSON, .hostileText:
            return kind == .create || kind == .poll
        case .costHeadersMissing, .costHeadersNegative, .costHeadersGarbage, .costHeadersDisagree:
            return kind == .create || kind == .poll
        case .billingServerError:
            return kind == .billing
        case .logsBadRequest, .logsRateLimited, .logsServerError, .logsNullRows:
            return kind == .logs
        case .unknownStatus, .completedWithoutURL, .errorMessage, .errorDetail, .errorText:
            return kind == .poll
        case .expiredLink:
            return kind == .poll || kind == .download
        }
    }
}

/// The kind of a request the simulator received, used to aim faults and to count recordings.
public enum RequestKind: String, Sendable, Codable {
    /// A create (`POST`) on either endpoint family.
    case create
    /// A poll (`GET ...?generation_id=`) on either endpoint family.
    case poll
    /// A video download (`GET /files/<id>.mp4`).
    case download
    /// The model catalogue (`GET /v1/models`).
    case catalogue
    /// The balance (`GET /v2/billing`).
    case billing
    /// The request logs (`GET /v2/logs`).
    case logs
    /// In a `FaultRule`: every kind. In a `RecordedRequest`: a request that is none of the above
    /// (unknown path or method).
    case any
}

/// A fault aimed at requests of one kind, applied to the next `count` matching requests.
public struct FaultRule: Sendable, Codable, Equatable {
    /// The fault to apply.
    public var fault: SimulatorFault
    /// The kind of request it is aimed at (`.any` = every kind the fault applies to).
    public var on: RequestKind
    /// How many matching requests get it; `nil` = every matching request, for ever.
    public var count: Int?

    /// A rule applying `fault` to the next `count` requests of kind `on` (`nil` = all of them).
    public init(fault: SimulatorFault, on: RequestKind = .any, count: Int? = 1) {
        self.fault = fault
        self.on = on
        self.count = count
    }
}
