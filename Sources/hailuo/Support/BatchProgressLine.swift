import Foundation
import HailuoCore
import HailuoEngine
import Synchronization

/// A batch's progress on stderr: one line rewritten in place on a terminal, else a plain line
/// whenever the counts change.
final class BatchProgressLine: Sendable {
    private let live: LiveLine
    private let enabled: Bool
    private let last = Mutex<String>("")

    init(enabled: Bool) {
        self.enabled = enabled
        live = LiveLine(enabled: enabled)
    }

    /// Shows where the batch stands.
    func show(_ progress: BatchProgress) {
        let counts =
            "batch: \(progress.waiting) waiting · \(progress.inFlight) in flight · \(progress.completed) done · "
            + "\(progress.failed) failed" + (progress.unconfirmed > 0 ? " · \(progress.unconfirmed) unconfirmed" : "")
            + " · \(PriceQuote.dollars(progress.spentUSD)) so far"
        let left = progress.secondsLeft.map { " · about \(JobText.duration($0)) left" } ?? ""
        if enabled {
            live.show(counts + left)
            return
        }
        let changed = last.withLock { shown in
            guard shown != counts else { return false }
            shown = counts
            return true
        }
        if changed { live.print(counts + left) }
    }

    /// Clears the live line so other output can follow.
    func finish() { live.clear() }
}
