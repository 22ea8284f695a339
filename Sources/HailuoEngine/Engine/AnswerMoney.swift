import HailuoCore
import Logging

/// What an answer's tracing and cost figures change on its job, shared by the create (the engine)
/// and the polls (the scheduler).
enum AnswerMoney {
    /// Records the answer's inference id (when the job has none) and its cost (when the answer has
    /// a usable figure; otherwise the job keeps the cost it had).
    static func apply(_ reading: ProviderCost.Reading, trace: AnswerTrace, to job: inout Job) {
        if job.inferenceID == nil, let inference = trace.inferenceID { job.inferenceID = inference }
        if let cost = reading.cost { job.costUSD = cost.usd }
    }

    /// Logs one warning for the answer's unusable money figures, naming them (never their values,
    /// never a header that could carry a secret).
    static func warn(_ reading: ProviderCost.Reading, jobID: String, logger: Logger) {
        guard !reading.rejected.isEmpty else { return }
        logger.warning(
            "job \(jobID): ignored cost figures that are not usable amounts: \(reading.rejected.joined(separator: ", "))"
        )
    }

    /// Notes (at info level) an echo of the client request id that is missing or differs from what
    /// was sent. Nothing depends on the echo: the job keeps the id it was sent with.
    static func checkEcho(_ trace: AnswerTrace, sent: String?, jobID: String, logger: Logger) {
        guard let sent, trace.clientRequestID != sent else { return }
        if trace.clientRequestID == nil {
            logger.info("job \(jobID): the provider did not echo the client request id")
        } else {
            logger.info("job \(jobID): the provider echoed a different client request id; the sent one is kept")
        }
    }
}
