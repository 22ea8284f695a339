/// The whole schedule of one job at once, on a clock of its own: what the scheduler would do if
/// every answer came at once and said "still pending". For tests, the benchmark and estimates.
extension PollPolicy {
    /// Seconds after acceptance of each poll of a job taken on when it is `start` seconds old
    /// (0: just accepted), up to and including the first poll at or after `until`; at most `limit`.
    public func schedule(window: ClosedRange<Double>, until: Double, start: Double = 0, limit: Int = 1000) -> [Double] {
        var polls: [Double] = []
        var elapsed = start
        while polls.count < limit {
            elapsed += nextDelay(elapsed: elapsed, window: window)
            polls.append(elapsed)
            if elapsed >= until { break }
        }
        return polls
    }
}
