import HailuoCore
import Testing

@testable import HailuoEngine

/// Each model's own times feed the poll policy: a Hailuo 2.3 Fast clip is not polled as if it
/// took Hailuo-02's 4-5 minutes.
@Suite("Poll policy: each model's own times")
struct PollPolicyPerModelTests {
    let policy = PollPolicy()

    /// The seconds after acceptance at which a job with `window` is polled, up to `until`.
    func schedule(_ window: ClosedRange<Double>, until: Double) -> [Double] {
        var elapsed = 0.0
        var polls: [Double] = []
        while elapsed < until {
            elapsed += policy.nextDelay(elapsed: elapsed, window: window)
            polls.append(elapsed)
        }
        return polls
    }

    @Test("the provider's figures per model before any history")
    func windowsPerModel() {
        #expect(policy.expectedWindow(model: "minimax/hailuo-2.3", duration: 6, history: []) == 75...105)
        #expect(policy.expectedWindow(model: "minimax/hailuo-2.3-fast", duration: 6, history: []) == 50...70)
        #expect(policy.expectedWindow(model: "minimax/hailuo-2.3-fast", duration: 10, history: []) == 85...115)
        #expect(policy.expectedWindow(model: "minimax/hailuo-02", duration: 6, history: []) == 240...300)
        // H3 has no published figure: Hailuo-02's, scaled by clip length, until history says more.
        #expect(policy.expectedWindow(model: "minimax/h3", duration: 12, history: []) == 576...648)
    }

    @Test("a 2.3 Fast job is polled densely around one minute; a Hailuo-02 job is not")
    func fastIsPolledDenselyEarly() {
        let fast = schedule(
            policy.expectedWindow(model: "minimax/hailuo-2.3-fast", duration: 6, history: []), until: 80)
        let hailuo = schedule(policy.expectedWindow(model: "minimax/hailuo-02", duration: 6, history: []), until: 80)
        let fastInWindow = fast.filter { (50...70).contains($0) }.count
        let hailuoInWindow = hailuo.filter { (50...70).contains($0) }.count
        #expect(fastInWindow >= 3, "fast polls: \(fast)")
        #expect(hailuoInWindow <= 1, "hailuo-02 polls: \(hailuo)")
    }

    @Test("learned times are per model: the Fast model's history does not move Hailuo-02's window")
    func learnedPerModel() {
        let learned = policy.expectedWindow(model: "minimax/hailuo-2.3-fast", duration: 6, history: [40, 42, 45, 48])
        #expect(learned.upperBound < 50)
        #expect(policy.expectedWindow(model: "minimax/hailuo-02", duration: 6, history: []) == 240...300)
    }
}
