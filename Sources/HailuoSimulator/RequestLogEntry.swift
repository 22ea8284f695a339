/// Where a logged request came from (`origin` in `GET /v2/logs`).
enum RequestOrigin: String, Sendable {
    /// A request to the API.
    case api
    /// A job made on the provider's website (`Simulator.addPlaygroundJob`).
    case playground
}

/// One row of the request logs as stored; its `status` and `cost` are worked out when listed,
/// from the job's outcome on simulated time.
struct RequestLogEntry: Sendable {
    /// When the request was made, seconds since 1970 on the simulator's clock.
    var created: Double
    var origin: RequestOrigin
    /// The model the request named; nil when the body named none.
    var model: String?
    /// The id of this HTTP call (the `requestId` of an error answer).
    var requestID: String
    /// The job this create made; nil for a create that was refused.
    var job: GenerationID?
    /// The generation id as handed out (`inference_id`); nil for a refused create.
    var inferenceID: String?
    /// The valid `X-Client-Request-Id` the request carried.
    var clientRequestID: String?
    /// The job's price in credits (0 for a refused create).
    var credits: Int

    /// Whether the row counts as failed at `now` (simulator clock): a refused create, or a job whose
    /// failure has come. A job still running counts as succeeded: its create was accepted and its
    /// hold placed; a failure later rolls the hold back.
    func hasFailed(now: Double, timeScale: Double) -> Bool {
        guard let job else { return true }
        return job.fails && job.hasEnded(now: now, timeScale: timeScale)
    }
}
