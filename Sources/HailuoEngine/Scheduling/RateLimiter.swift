/// One shared cap on request rate: hands out evenly spaced start times.
struct RateLimiter: Sendable {
    /// Requests per second allowed (at least 0.01).
    let rate: Double
    private var nextSlot: ContinuousClock.Instant

    init(requestsPerSecond: Double, now: ContinuousClock.Instant = .now) {
        rate = max(0.01, requestsPerSecond)
        nextSlot = now
    }

    /// Reserves the next slot and returns when it begins (now, or later when the cap is reached).
    mutating func reserve(now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
        let slot = max(now, nextSlot)
        nextSlot = slot + .seconds(1 / rate)
        return slot
    }
}
