import HailuoCore
import Testing

@testable import HailuoEngine

@Suite("Poll policy: sparse early, dense near the end, within 3...60 s")
struct PollPolicyTests {
    let policy = PollPolicy()

    @Test func providerFiguresBeforeAnyHistory() {
        #expect(policy.expectedWindow(model: "minimax/hailuo-02", duration: 6, history: []) == 240...300)
        #expect(policy.expectedWindow(model: "minimax/hailuo-02", duration: 10, history: []) == 480...540)
    }

    @Test func learnedWindowReplacesProviderFigures() {
        let history: [Double] = [100, 110, 120, 130, 140]
        let window = policy.expectedWindow(model: "minimax/hailuo-02", duration: 6, history: history)
        #expect(window.lowerBound >= 95 && window.lowerBound <= 110)  // less half a dense step
        #expect(window.upperBound >= 130 && window.upperBound <= 140)
    }

    @Test func tooLittleHistoryIsIgnored() {
        #expect(policy.expectedWindow(model: "minimax/hailuo-02", duration: 6, history: [50, 60]) == 240...300)
    }

    @Test func timeScaleDividesProviderFigures() {
        let fast = PollPolicy(timeScale: 10)
        #expect(fast.expectedWindow(model: "minimax/hailuo-02", duration: 6, history: []) == 24...30)
    }

    @Test func everyDelayStaysWithinBounds() {
        let window = 240.0...300.0
        for elapsed in stride(from: 0.0, through: 3000, by: 7) {
            for streak in 0..<5 {
                let delay = policy.nextDelay(elapsed: elapsed, window: window, unknownStreak: streak)
                #expect(delay >= 3 && delay <= 60, "elapsed \(elapsed) streak \(streak) gave \(delay)")
            }
        }
    }

    @Test func sparseEarlyDenseInWindowEasingOffLate() {
        let window = 240.0...300.0
        let early = policy.nextDelay(elapsed: 30, window: window)  // after the early probes
        let inWindow = policy.nextDelay(elapsed: 260, window: window)
        let late = policy.nextDelay(elapsed: 600, window: window)
        #expect(early == 60)
        #expect(inWindow == 7.5)  // the 60 s window over 8 polls
        #expect(late > inWindow)
    }

    @Test func unknownStatusesBackOff() {
        let window = 240.0...300.0
        let first = policy.nextDelay(elapsed: 260, window: window, unknownStreak: 1)
        let second = policy.nextDelay(elapsed: 260, window: window, unknownStreak: 2)
        let many = policy.nextDelay(elapsed: 260, window: window, unknownStreak: 12)
        #expect(first < second)
        #expect(many == 60)
    }

    @Test func simulatedRequestsForATypicalJobAreFarBelowTheSeedLoop() {
        // A job that finishes at 270 s: the seed's loop polls every 10 s (27 requests).
        var elapsed = 0.0
        var requests = 0
        while true {
            elapsed += policy.nextDelay(elapsed: elapsed, window: 240...300)
            requests += 1
            if elapsed >= 270 { break }
        }
        #expect(requests <= 12)
        #expect(elapsed - 270 <= 10)
    }
}

@Suite("Rate limiter")
struct RateLimiterTests {
    @Test func slotsAreSpacedByTheCap() {
        let start = ContinuousClock.now
        var limiter = RateLimiter(requestsPerSecond: 2, now: start)
        let slots = (0..<5).map { _ in limiter.reserve(now: start) }
        for (a, b) in zip(slots, slots.dropFirst()) {
            // 1/2 s plus the 5 % headroom (to within floating-point rounding)
            let gap = a.duration(to: b)
            #expect(gap > .milliseconds(525) - .microseconds(1) && gap < .milliseconds(525) + .microseconds(1))
        }
        #expect(slots.first == start)
    }
}
