import Foundation

/// How unconfirmed jobs are looked up in the provider's request logs (`GET /v2/logs`).
public struct SettlePolicy: Sendable, Equatable {
    /// Seconds after a job was created before it is first looked up (the logs lag behind).
    public var firstCheckDelay: Double
    /// Seconds after a job was created during which "not found" means "not yet": after it, the
    /// job is marked not found upstream. The provider's logs come from an analytics pipeline.
    public var grace: Double
    /// Wait after the first "not found", doubled after each further one up to ``maxInterval``.
    public var baseInterval: Double
    public var maxInterval: Double
    /// Requests to the logs per minute for this process: the logs' own budget, well under the
    /// endpoint's 200 per 60 s, apart from the poll cap.
    public var requestsPerMinute: Double
    /// Pages of 100 rows read at most per lookup.
    public var maxPages: Int

    public init(
        firstCheckDelay: Double = 60, grace: Double = 15 * 60, baseInterval: Double = 60, maxInterval: Double = 8 * 60,
        requestsPerMinute: Double = 60, maxPages: Int = 10
    ) {
        self.firstCheckDelay = firstCheckDelay
        self.grace = grace
        self.baseInterval = baseInterval
        self.maxInterval = maxInterval
        self.requestsPerMinute = requestsPerMinute
        self.maxPages = maxPages
    }

    /// Seconds to wait after the `count`-th "not found" in a row (1, 2, 4, 8 × base, capped).
    public func interval(afterMisses count: Int) -> Double {
        min(maxInterval, baseInterval * pow(2, Double(max(0, count - 1))))
    }
}
