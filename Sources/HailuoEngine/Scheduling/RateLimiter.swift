/// One shared cap on request rate: hands out evenly spaced start times.
///
/// Slots are spaced a little wider than `1 / rate` (``headroom``): with exactly `1 / rate`, any
/// jitter on the way (a slower request, a busy thread, the network) lets the server see one
/// request more than the cap in some one-second window. The headroom absorbs that much jitter.
struct RateLimiter: Sendable {
    /// Fraction of each slot kept free: at 2 per second, 25 ms per slot, so two requests may
    /// arrive up to 50 ms closer together than they were sent and still stay within the cap.
    static let headroom = 0.05

    /// Requests per second allowed (at least 0.01).
    let rate: Double
    private var nextSlot: ContinuousClock.Instant

    init(requestsPerSecond: Double, now: ContinuousClock.Instant = .now) {
        rate = max(0.01, requestsPerSecond)
        nextSlot = now
    }

    /// Time between two slots: `1 / rate` plus the headroom.
    var spacing: Duration { .seconds((1 + Self.headroom) / rate) }

    /// Reserves the next slot and returns when it begins (now, or later when the cap is reached).
    mutating func reserve(now: ContinuousClock.Instant = .now) -> ContinuousClock.Instant {
        let slot = max(now, nextSlot)
        nextSlot = slot + spacing
        return slot
    }
}
