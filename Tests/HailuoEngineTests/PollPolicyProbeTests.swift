import HailuoCore
import Testing

@testable import HailuoEngine

@Suite("Poll policy: early probes before the expected window")
struct PollPolicyProbeTests {
    let policy = PollPolicy()

    @Test func aFreshJobIsProbedAt10And30SecondsThenFollowsTheWindow() {
        let polls = policy.schedule(window: 240...300, until: 270)
        #expect(Array(polls.prefix(2)) == [10, 30])
        // Then sparse, a minute apart, up to the window, and dense (7.5 s) inside it.
        #expect(Array(polls.dropFirst(2).prefix(3)) == [90, 150, 210])
        #expect(polls.last == 270)
        let inWindow = polls.filter { $0 > 240 }
        for (a, b) in zip(inWindow, inWindow.dropFirst()) { #expect(b - a == 7.5) }
    }

    @Test func probesCostOneRequestMoreThanTheWindowAlone() {
        let without = PollPolicy(earlyProbes: [])
        for (window, end) in [(240.0...300.0, 270.0), (480.0...540.0, 510.0)] {
            let probed = policy.schedule(window: window, until: end)
            let plain = without.schedule(window: window, until: end)
            #expect(plain.first == 60)
            #expect(probed.count == plain.count + 1, "\(probed) against \(plain)")
            // Still about a quarter of the seed's loop (a GET every 10 s from the first second).
            #expect(Double(probed.count) <= (end / 10 + 1) / 3)
        }
    }

    @Test func aProbeAtOrAfterTheWindowStartIsLeftOut() {
        // A quick model's learned window (25-40 s): the window's own polls cover the 30 s probe.
        #expect(policy.probes(before: 25...40) == [10])
        let polls = policy.schedule(window: 25...40, until: 40)
        #expect(polls.first == 10)
        #expect(!polls.contains(30))
        #expect(policy.probes(before: 5...8).isEmpty)
    }

    @Test func probesAreProviderSecondsDividedByTheTimeScale() {
        // The bench's ×20 clock: every interval divided by 20 as well.
        let fast = PollPolicy(minInterval: 3.0 / 20, maxInterval: 60.0 / 20, timeScale: 20)
        #expect(Array(fast.schedule(window: 12...15, until: 13.5).prefix(2)) == [0.5, 1.5])
    }

    @Test func aProbeCloserThanTheShortestWaitIsSkipped() {
        // A job taken over 8 s after acceptance (another process quit): the 10 s probe would come
        // 2 s after the poll that takes it over, under the 3 s minimum; the next probe is used.
        #expect(policy.schedule(window: 240...300, until: 30, start: 8) == [30])
        // A job resumed after its probes: straight to the sparse steps.
        #expect(policy.nextDelay(elapsed: 45, window: 240...300) == 60)
    }

    @Test func noProbesKeepsTheOldSchedule() {
        let without = PollPolicy(earlyProbes: [])
        #expect(without.nextDelay(elapsed: 0, window: 240...300) == 60)
        #expect(PollPolicy(earlyProbes: [30, -1, .nan, 10]).earlyProbes == [10, 30])
    }
}
