import Foundation

extension AppModel {
    /// When the screen next needs a tick, or `nil` when nothing on it moves with time.
    ///
    /// While a job is running, a download is under way, a submission is in flight, a message is
    /// showing or a rate-limit countdown runs, that is the next whole second (elapsed times,
    /// spinners and the countdown move once a second); otherwise the loop sleeps until a key or
    /// an engine event.
    public func nextTick(after date: Date) -> Date? {
        var countingDown = false
        if case .rateLimited(let until) = statusBar.connection, until > date { countingDown = true }
        let moving =
            submissions.inFlight > 0 || statusBar.flash != nil || !jobs.downloads.isEmpty
            || jobs.counts.pending > 0 || countingDown
        guard moving else { return nil }
        let seconds = date.timeIntervalSince1970
        return Date(timeIntervalSince1970: seconds.rounded(.down) + 1)
    }
}
