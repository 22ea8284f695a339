import HailuoCore

/// A question the screen is waiting on (answered with y / n or Esc).
public enum Confirmation: Sendable, Equatable {
    /// The same prompt, parameters and image were submitted a moment ago.
    case duplicateSubmit(GenerationParameters)
    /// A submission is still on its way; quitting now is safe but the user may want to see it.
    case quitWhileSubmitting
    /// Resend an unconfirmed submission that may already be billed, or (`notFoundUpstream`) one
    /// the provider's request logs show never arrived.
    case resubmit(jobID: String, notFoundUpstream: Bool = false)
    /// Send `count` jobs of one request at once; `each` is one job's price, when known.
    case variants(GenerationParameters, count: Int, each: PriceQuote?)

    /// What a yes does.
    func accepted(submitting: (GenerationParameters) -> [Command]) -> (commands: [Command], quit: Bool) {
        switch self {
        case .duplicateSubmit(let parameters): (submitting(parameters), false)
        case .quitWhileSubmitting: ([.quit], true)
        case .resubmit(let jobID, _): ([.resubmit(jobID: jobID)], false)
        case .variants: ([], false)
        }
    }
}
