import Foundation

extension AppModel {
    /// Seconds without a key, a paste or a resize after which a screen whose only movement is
    /// pending jobs beats every ``calmBeatSeconds`` instead of every second.
    public static let calmAfterSeconds: TimeInterval = 10

    /// The beat of a screen left alone while jobs run: its elapsed seconds and spinner move every
    /// two seconds (htop refreshes every 1.5 s), so an unattended screen wakes half as often.
    public static let calmBeatSeconds = 2

    /// When the screen next needs a tick, or `nil` when nothing on it moves with time.
    ///
    /// While a job is running, a download is under way, a submission is in flight, a message is
    /// showing or a rate-limit countdown runs, that is the next whole second (elapsed times,
    /// spinners and the countdown move once a second), or the next even second once only running
    /// jobs move and nobody has touched a key for ``calmAfterSeconds``; otherwise the loop sleeps
    /// until a key or an engine event.
    public func nextTick(after date: Date) -> Date? {
        guard busy(at: date) || jobs.counts.pending > 0 else { return nil }
        let beat = Double(beatSeconds(at: date))
        let seconds = date.timeIntervalSince1970
        return Date(timeIntervalSince1970: ((seconds / beat).rounded(.down) + 1) * beat)
    }

    /// Seconds between two ticks at `date`: 1 while the user works or something other than
    /// running jobs moves; ``calmBeatSeconds`` once the screen has been left alone.
    public func beatSeconds(at date: Date) -> Int {
        guard !busy(at: date), date.timeIntervalSince(lastInteraction) >= Self.calmAfterSeconds else { return 1 }
        return Self.calmBeatSeconds
    }

    /// Whether something moves that the user is waiting on second by second: a submission, a
    /// download, a message about to go, a rate-limit countdown.
    private func busy(at date: Date) -> Bool {
        if case .rateLimited(let until) = statusBar.connection, until > date { return true }
        return submissions.inFlight > 0 || statusBar.flash != nil || !jobs.downloads.isEmpty
    }
}
