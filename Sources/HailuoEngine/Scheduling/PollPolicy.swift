import HailuoCore

/// When to poll a job next: sparse while it cannot be done yet, dense around when it should
/// finish, easing off again if it runs late; always within `minInterval...maxInterval`.
public struct PollPolicy: Sendable, Equatable {
    /// Shortest wait between two polls of one job, seconds (at least 3).
    public var minInterval: Double
    /// Longest wait between two polls of one job, seconds (at most 60).
    public var maxInterval: Double
    /// Divides the provider's typical times (the demo simulator runs this much faster).
    public var timeScale: Double
    /// Polls spread across the expected finish window.
    public var pollsInWindow: Double
    /// Finished jobs needed before learned times replace the provider's figures.
    public var minimumHistory: Int

    public init(
        minInterval: Double = 3, maxInterval: Double = 60, timeScale: Double = 1,
        pollsInWindow: Double = 6, minimumHistory: Int = 3
    ) {
        self.minInterval = max(0.05, minInterval)
        self.maxInterval = max(self.minInterval, maxInterval)
        self.timeScale = timeScale > 0 ? timeScale : 1
        self.pollsInWindow = max(1, pollsInWindow)
        self.minimumHistory = max(1, minimumHistory)
    }

    /// The seconds after acceptance in which a job like this one usually finishes: learned from
    /// `history` (10th to 90th percentile) once there is enough, else the provider's figures.
    public func expectedWindow(model: String, duration: Int, history: [Double]) -> ClosedRange<Double> {
        if history.count >= minimumHistory {
            let sorted = history.sorted()
            let low = Self.percentile(sorted, 0.1)
            let high = Self.percentile(sorted, 0.9)
            let pad = max(high - low, low * 0.05) - (high - low)
            return max(0, low - pad / 2)...(high + pad / 2)
        }
        let typical =
            ModelCatalog.model(model)?.typicalGenerationTime(forClip: duration)
            ?? (duration >= 10 ? 480...540 : 240...300)
        return (Double(typical.lowerBound) / timeScale)...(Double(typical.upperBound) / timeScale)
    }

    /// The wait before the next poll of a job accepted `elapsed` seconds ago.
    /// - Parameter unknownStreak: polls in a row that returned a status word outside API.md;
    ///   each one doubles the wait (backoff), capped at `maxInterval`.
    public func nextDelay(elapsed: Double, window: ClosedRange<Double>, unknownStreak: Int = 0) -> Double {
        if unknownStreak > 0 {
            return clamp(minInterval * Double(1 << min(unknownStreak, 16)))
        }
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
