import Foundation
import HailuoCore
import HailuoTestSupport
import Synchronization
import Testing

@testable import HailuoEngine

/// The engine's beat for other processes' changes: it wakes when the store's files are written,
/// and not for anything else in the folder.
@Suite("Store file watch")
struct StoreFileWatchTests {
    /// Counts wake-ups and lets a test wait for the next one.
    final class Wakes: Sendable {
        private let count = Mutex(0)

        func wake() { count.withLock { $0 += 1 } }

        var value: Int { count.withLock { $0 } }

        /// Waits (up to `patience` seconds) until there were at least `target` wake-ups.
        func wait(for target: Int, patience: Double = 10) -> Bool {
            let end = Date().addingTimeInterval(patience)
            while Date() < end {
                if value >= target { return true }
                Thread.sleep(forTimeInterval: 0.01)
            }
            return value >= target
        }
    }

    #if os(Linux)
        @Test func aCommitByAnotherConnectionWakesItAndOtherFilesDoNot() throws {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let url = folder.url.appendingPathComponent("jobs.sqlite")
            let other = try JobStore(url: url)
            // A safety net far away: every wake-up below comes from a write.
            let watch = StoreFileWatch(url: url, safetyInterval: 3600, fallbackInterval: 3600)
            #expect(watch.usesInotify)
            let wakes = Wakes()
            let stopped = Wakes()
            watch.start(onWake: { wakes.wake() }, finished: { stopped.wake() })
            defer {
                watch.stop()
                _ = stopped.wait(for: 1)
            }
            // The log beside the store is written often; it must not wake the watch.
            let log = folder.url.appendingPathComponent("hailuo.log")
            for line in 0..<5 { try Data("line \(line)\n".utf8).write(to: log) }
            Thread.sleep(forTimeInterval: 0.3)
            #expect(wakes.value == 0)
            try other.insert(Job.fixture(id: "new00001"))
            #expect(wakes.wait(for: 1), "a commit writes the log file, which wakes the watch")
        }
    #endif

    @Test func stoppingBeforeStartFinishesAtOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let watch = StoreFileWatch(
            url: folder.url.appendingPathComponent("jobs.sqlite"), safetyInterval: 3600, fallbackInterval: 3600)
        watch.stop()
        let finished = Wakes()
        watch.start(onWake: {}, finished: { finished.wake() })
        #expect(finished.value == 1)
    }

    @Test func stoppingEndsTheThread() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let watch = StoreFileWatch(
            url: folder.url.appendingPathComponent("jobs.sqlite"), safetyInterval: 3600, fallbackInterval: 3600)
        let finished = Wakes()
        watch.start(onWake: {}, finished: { finished.wake() })
        watch.stop()
        #expect(finished.wait(for: 1), "the thread stops without waiting for its hour-long safety net")
    }
}
