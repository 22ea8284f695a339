import HailuoCore
import HailuoSimulator

/// One row of the fault matrix: a simulator fault aimed at one kind of request, and what the user
/// must end up with.
struct FaultMatrixCase: Sendable, CustomStringConvertible {
    /// The fault's raw value (`SimulatorFault(rawValue:)`), so the table reads like the simulator's.
    var fault: String
    /// The request kind the fault is aimed at.
    var kind: RequestKind
    /// The job's phase once the engine has settled it (after the first download try, for downloads).
    var phase: JobPhase
    /// A fragment of the message the user sees: the job's error, the connection note, or the
    /// download failure; `nil` when nothing goes wrong from the user's point of view.
    var message: String?
    /// Whether a second create POST for the job is expected (429/503 before acceptance).
    var resendAllowed: Bool = false
    /// Whether the provider's requestId must be part of the message.
    var requestID: Bool = false
    /// Downloads: whether the first try saves the file (else it fails with `message` and a second
    /// try must save it).
    var firstDownloadSaves: Bool = false

    var description: String { "\(fault) on \(kind.rawValue)" }

    /// The simulator fault of this row; `nil` when the simulator no longer knows it.
    var simulatorFault: SimulatorFault? { SimulatorFault(rawValue: fault) }
}

/// The expected outcome of every fault × request kind it applies to (both endpoint families
/// behave alike). The rows follow the provider's money rules (docs/PROVIDER.md): a create is resent only after 429/503
/// (refused before acceptance); a lost or unreadable create answer makes the job unconfirmed;
/// poll trouble is weathered; a download failure leaves the completed job as it is.
enum FaultMatrix {
    static let lost = "the job may have been created and billed, so it was not sent again"

    static let create: [FaultMatrixCase] = [
        .init(fault: "rate-limit", kind: .create, phase: .completed, message: nil, resendAllowed: true),
        .init(fault: "rate-limit-retry-after", kind: .create, phase: .completed, message: nil, resendAllowed: true),
        .init(fault: "500", kind: .create, phase: .unconfirmed, message: "server error (HTTP 500)", requestID: true),
        .init(fault: "502", kind: .create, phase: .unconfirmed, message: "server error (HTTP 502)", requestID: true),
        .init(fault: "503", kind: .create, phase: .completed, message: nil, resendAllowed: true),
        .init(fault: "504", kind: .create, phase: .unconfirmed, message: "timed out generating", requestID: true),
        .init(
            fault: "401", kind: .create, phase: .failed, message: "API key was missing or not accepted", requestID: true
        ),
        .init(fault: "403", kind: .create, phase: .failed, message: "out of credits", requestID: true),
        .init(fault: "slow", kind: .create, phase: .unconfirmed, message: "did not answer"),
        .init(fault: "reset", kind: .create, phase: .unconfirmed, message: "did not answer"),
        .init(fault: "truncated-json", kind: .create, phase: .unconfirmed, message: "could not be read"),
        .init(fault: "malformed-json", kind: .create, phase: .unconfirmed, message: "could not be read"),
        .init(
            fault: "hostile-text", kind: .create, phase: .failed, message: "refused the request (HTTP 400)",
            requestID: true),
    ]

    static let poll: [FaultMatrixCase] = [
        .init(fault: "rate-limit", kind: .poll, phase: .completed, message: nil),
        .init(fault: "rate-limit-retry-after", kind: .poll, phase: .completed, message: nil),
        .init(fault: "500", kind: .poll, phase: .completed, message: "server error (HTTP 500)"),
        .init(fault: "502", kind: .poll, phase: .completed, message: "server error (HTTP 502)"),
        .init(fault: "503", kind: .poll, phase: .completed, message: "server error (HTTP 503)"),
        .init(fault: "504", kind: .poll, phase: .completed, message: "timed out generating"),
        .init(fault: "401", kind: .poll, phase: .completed, message: "invalid API key"),
        .init(fault: "403", kind: .poll, phase: .completed, message: "not enough credits"),
        .init(fault: "slow", kind: .poll, phase: .completed, message: nil),
        .init(fault: "reset", kind: .poll, phase: .completed, message: nil),
        .init(fault: "truncated-json", kind: .poll, phase: .completed, message: nil),
        .init(fault: "malformed-json", kind: .poll, phase: .completed, message: nil),
        .init(fault: "unknown-status", kind: .poll, phase: .completed, message: nil),
        .init(fault: "completed-without-url", kind: .poll, phase: .failed, message: "sent no video URL"),
        .init(fault: "error-message", kind: .poll, phase: .failed, message: "Video generation failed"),
        .init(fault: "error-detail", kind: .poll, phase: .failed, message: "the prompt was rejected"),
        .init(fault: "error-text", kind: .poll, phase: .failed, message: "plain-text error"),
        // The completed answer's link is already expired: the download fetches a fresh one.
        .init(fault: "expired-link", kind: .poll, phase: .completed, message: nil, firstDownloadSaves: true),
        .init(fault: "hostile-text", kind: .poll, phase: .failed, message: "generation failed"),
    ]

    static let download: [FaultMatrixCase] = [
        .init(fault: "rate-limit", kind: .download, phase: .completed, message: "HTTP 429", requestID: true),
        .init(
            fault: "rate-limit-retry-after", kind: .download, phase: .completed, message: "HTTP 429", requestID: true),
        .init(fault: "500", kind: .download, phase: .completed, message: "HTTP 500", requestID: true),
        .init(fault: "502", kind: .download, phase: .completed, message: "HTTP 502", requestID: true),
        .init(fault: "503", kind: .download, phase: .completed, message: "HTTP 503", requestID: true),
        .init(fault: "504", kind: .download, phase: .completed, message: "HTTP 504", requestID: true),
        .init(fault: "401", kind: .download, phase: .completed, message: "HTTP 401", requestID: true),
        .init(fault: "403", kind: .download, phase: .completed, message: "HTTP 403", requestID: true),
        .init(fault: "slow", kind: .download, phase: .completed, message: "no data arrived"),
        .init(fault: "reset", kind: .download, phase: .completed, message: "interrupted"),
        // A 403 "expired" on download: the engine asks for a fresh link and saves the file.
        .init(fault: "expired-link", kind: .download, phase: .completed, message: nil, firstDownloadSaves: true),
    ]

    /// Bad cost figures on a create or a poll answer: the job ends as usual, with one create, and
    /// never a crash or a resend (what cost is kept is checked by the tracing tests).
    static let money: [FaultMatrixCase] = [RequestKind.create, .poll].flatMap { kind in
        ["cost-headers-missing", "cost-headers-negative", "cost-headers-garbage", "cost-headers-disagree"].map {
            FaultMatrixCase(fault: $0, kind: kind, phase: .completed, message: nil)
        }
    }

    /// Trouble with the account's side routes (balance, request logs): jobs are not touched.
    static let account: [FaultMatrixCase] = [
        .init(fault: "billing-500", kind: .billing, phase: .completed, message: nil),
        .init(fault: "logs-400", kind: .logs, phase: .completed, message: nil),
        .init(fault: "logs-429", kind: .logs, phase: .completed, message: nil),
        .init(fault: "logs-500", kind: .logs, phase: .completed, message: nil),
        .init(fault: "logs-null-rows", kind: .logs, phase: .completed, message: nil),
    ]

    /// Every row.
    static let all = create + poll + download + money + account
}
