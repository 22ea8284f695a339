import Foundation
import HailuoFuzzing
import Testing

/// A short fuzzing pass over every target (the long one is `hailuo-fuzz --runs 1000000`).
@Suite("Fuzzing: short pass")
struct FuzzPassTests {
    /// The seed: `HAILUO_FUZZ_SEED` when set (to replay a CI run), else a fixed one.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["HAILUO_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_261_126
    }

    @Test func everyTargetSurvivesAShortPassWithoutABrokenInvariant() {
        let summary = FuzzCampaign(seed: Self.seed).run(runs: 3_000 * FuzzTarget.allCases.count)
        for failure in summary.failures { Issue.record("\(failure)") }
        #expect(summary.failureCount == 0)
        for target in FuzzTarget.allCases { #expect(summary.runs[target] == 3_000) }
        print("FIGURE fuzz: \(summary.line)")
    }

    @Test func aRunIsReplayedExactlyFromItsSeedAndIndex() {
        for target in FuzzTarget.allCases {
            var first = FuzzRandom(seed: 7, target: target, index: 12_345)
            var again = FuzzRandom(seed: 7, target: target, index: 12_345)
            var other = FuzzRandom(seed: 7, target: target, index: 12_346)
            let a = (0..<8).map { _ in first.next() }
            #expect(a == (0..<8).map { _ in again.next() })
            #expect(a != (0..<8).map { _ in other.next() })
        }
    }
}
