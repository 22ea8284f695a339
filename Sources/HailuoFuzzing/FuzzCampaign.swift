import Foundation

/// Runs many inputs over one or more targets, round robin, and counts what happened.
public struct FuzzCampaign: Sendable {
    /// The seed every run's input derives from.
    public var seed: UInt64
    /// The targets, taken in turn.
    public var targets: [FuzzTarget]
    /// Failures kept in the summary (counting goes on past it).
    public var keptFailures = 20

    public init(seed: UInt64, targets: [FuzzTarget] = FuzzTarget.allCases) {
        precondition(!targets.isEmpty, "at least one target")
        self.seed = seed
        self.targets = targets
    }

    /// Runs `runs` inputs in total: run `i` goes to `targets[i % targets.count]` as that target's
    /// index `i / targets.count`. `beforeRun` is told each target and index first (for a crash
    /// report); `progress` is called every 65,536 runs with the runs done so far.
    public func run(
        runs: Int, beforeRun: ((FuzzTarget, Int) -> Void)? = nil, progress: ((Int) -> Void)? = nil
    ) -> FuzzSummary {
        var summary = FuzzSummary(seed: seed)
        let clock = ContinuousClock()
        let start = clock.now
        for run in 0..<max(0, runs) {
            let target = targets[run % targets.count]
            let index = run / targets.count
            beforeRun?(target, index)
            if let failure = target.run(seed: seed, index: index) {
                summary.failureCount += 1
                if summary.failures.count < keptFailures { summary.failures.append(failure) }
            }
            summary.runs[target, default: 0] += 1
            if let progress, (run + 1) % 65_536 == 0 { progress(run + 1) }
        }
        let elapsed = start.duration(to: clock.now).components
        summary.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return summary
    }
}

/// What a campaign did.
public struct FuzzSummary: Sendable, Equatable {
    public var seed: UInt64
    /// Runs per target.
    public var runs: [FuzzTarget: Int] = [:]
    /// Broken invariants found (all of them counted).
    public var failureCount = 0
    /// The first few failures, to print.
    public var failures: [FuzzFailure] = []
    /// Wall-clock time of the whole campaign.
    public var seconds: Double = 0

    public init(seed: UInt64) { self.seed = seed }

    /// Runs over every target.
    public var totalRuns: Int { runs.values.reduce(0, +) }

    /// Runs per second over the campaign.
    public var runsPerSecond: Double { seconds > 0 ? Double(totalRuns) / seconds : 0 }

    /// `runs R (decode a, image b, editor c), failures F, seed S`.
    public var line: String {
        let parts = FuzzTarget.allCases.map { "\($0.rawValue) \(runs[$0] ?? 0)" }.joined(separator: ", ")
        return "runs \(totalRuns) (\(parts)), failures \(failureCount), seed \(seed)"
    }
}
