import HailuoCore

/// When to poll a job next: a probe or two just after acceptance (a job refused by moderation
/// fails within seconds), sparse while it cannot be done yet, dense around when it should finish,
/// easing off again if it runs late; always within `minInterval...maxInterval`.
public struct PollPolicy: Sendable, Equatable {
    /// Shortest wait between two polls of one job, seconds (at least 3).
    public var minInterval: Double
    /// Longest wait between two polls of one job, seconds (at most 60).
    public var maxInterval: Double
    /// Divides the provider's typical times (the demo simulator runs this much faster).
    public var timeScale: Double
    /// Polls spread across the expected finish window. 8 over the provider's 60 s spread is one
    /// every 7.5 s: on average the client learns of the end 3.75 s after it, sooner than the
    /// seed's fixed 10 s loop (5 s), at about a quarter of its requests (docs/PERFORMANCE.md).
    public var pollsInWindow: Double
    /// Finished jobs needed before learned times replace the provider's figures.
    public var minimumHistory: Int
    /// Seconds after acceptance (provider time: divided by `timeScale`) at which a new job is polled
    /// once each before its expected window, so that a job the provider refuses seconds after
    /// accepting it is known within seconds instead of at the first sparse poll a minute later.
    /// They do not stretch with the window (a refusal comes as quickly for a 10 s clip as for a 6 s
    /// one); a probe at or after the window's start is left out, since the window's own polls
    /// come sooner (see ``probes(before:)``).
    public var earlyProbes: [Double]

    public init(
        minInterval: Double = 3, maxInterval: Double = 60, timeScale: Double = 1,
        pollsInWindow: Double = 8, minimumHistory: Int = 3, earlyProbes: [Double] = [10, 30]
    ) {
        self.minInterval = max(0.05, minInterval)
        self.maxInterval = max(self.minInterval, maxInterval)
        self.timeScale = timeScale > 0 ? timeScale : 1
        self.pollsInWindow = max(1, pollsInWindow)
        self.minimumHistory = max(1, minimumHistory)
        self.earlyProbes = earlyProbes.filter { $0.isFinite && $0 > 0 }.sorted()
    }

    /// The seconds after acceptance in which a job like this one usually finishes: learned from
    /// `history` (quickest to 90th percentile, less the mean notice delay of half a dense step)
    /// once there is enough, else the provider's figures.
    public func expectedWindow(model: ModelID, duration: Int, history: [Double]) -> ClosedRange<Double> {
        if history.count >= minimumHistory {
            let sorted = history.sorted()
            // From the quickest job: before the window polls are a minute apart, so a job ending
            // early is noticed late; after it they stay dense and ease off slowly, so the slowest
            // tenth is left out (it would only stretch the dense steps).
            let low = sorted[0]
            let high = Self.percentile(sorted, 0.9)
            let pad = max(high - low, low * 0.05) - (high - low)
            // A learned time is the job's time plus how late this client noticed its end: half a
            // dense step on average. Left in, each window would start later than the last one.
            let noticeDelay = (high - low + pad) / pollsInWindow / 2
            return max(0, low - pad / 2 - noticeDelay)...max(0, high + pad / 2 - noticeDelay)
        }
        let typical =
            ModelCatalog.model(model)?.typicalGenerationTime(forClip: duration)
            ?? (duration >= 10 ? 480...540 : 240...300)
        return (Double(typical.lowerBound) / timeScale)...(Double(typical.upperBound) / timeScale)
    }

    /// The wait before the next poll of a job accepted `elapsed` seconds ago: the window's next
    /// poll, or the next early probe (``earlyProbes``) when that comes sooner.
    /// - Parameter unknownStreak: polls in a row that returned a status word the provider does not
    ///   document (docs/PROVIDER.md);
    ///   each one doubles the wait (backoff), capped at `maxInterval`.
    public func nextDelay(elapsed: Double, window: ClosedRange<Double>, unknownStreak: Int = 0) -> Double {
        if unknownStreak > 0 {
            return clamp(minInterval * Double(1 << min(unknownStreak, 16)))
        }
        let regular = windowDelay(elapsed: elapsed, window: window)
        // The next probe still ahead by at least the shortest wait; one due sooner than that is
        // skipped rather than polled twice in a row (a job resumed just before it, a late answer).
        guard let probe = probes(before: window).first(where: { $0 - elapsed >= minInterval }) else {
            return regular
        }
        return min(regular, clamp(probe - elapsed))
    }

    /// The early probes, in seconds after acceptance, that come before `window` starts.
    public func probes(before window: ClosedRange<Double>) -> [Double] {
        earlyProbes.map { $0 / timeScale }.filter { $0 < window.lowerBound }
    }

    /// The wait the window alone asks for: up to the window, dense in it, easing off after it.
    func windowDelay(elapsed: Double, window: ClosedRange<Double>) -> Double {
        let dense = (window.upperBound - window.lowerBound) / pollsInWindow
        if elapsed < window.lowerBound {
            // Land the first dense poll one step into the window, never waiting more than the cap.
            return clamp(window.lowerBound + dense - elapsed)
        }
        if elapsed <= window.upperBound { return clamp(dense) }
        // Late: ease off in proportion to how late it is.
        return clamp(dense + (elapsed - window.upperBound) / 4)
    }

    func clamp(_ seconds: Double) -> Double { min(maxInterval, max(minInterval, seconds)) }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = p * Double(sorted.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(sorted.count - 1, low + 1)
        let fraction = position - Double(low)
        return sorted[low] + (sorted[high] - sorted[low]) * fraction
    }
}
