/// How often and how patiently a request is retried.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    public var maxAttempts: Int
    /// First backoff delay in seconds; doubles each time, with full jitter.
    public var baseDelay: Double
    /// The longest single wait in seconds (a `Retry-After` beyond it is still honoured).
    public var maxDelay: Double

    public init(maxAttempts: Int = 4, baseDelay: Double = 1, maxDelay: Double = 30) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The wait before attempt `attempt + 1` (`attempt` counts from 1): `Retry-After` when the
    /// server gave one, else exponential backoff with jitter between half and all of the step.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?) -> Double {
        if let retryAfter, retryAfter >= 0 { return retryAfter }
        let step = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 20)))
        return Double.random(in: (step / 2)...max(step / 2, step))
    }
}
