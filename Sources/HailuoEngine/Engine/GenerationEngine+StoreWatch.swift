import Foundation
import HailuoCore

extension GenerationEngine {
    /// Watches the store for changes by any process: a ``StoreFileWatch`` wakes when the store's
    /// files are written (no timer while nothing is), then a ``StoreWatch`` (SQLite's
    /// `data_version` on a kept connection) says whether a commit came and reads only the rows it
    /// changed. When the revision moved, it tells the scheduler and the log settler (another
    /// process may have given jobs back; a job may have become unconfirmed) and sends the changed
    /// groups, then the changed jobs, as events. This is the engine's one beat for other processes'
    /// work: the settler reads the store only when woken here or when a lookup is due.
    ///
    /// Without inotify the beat is `storeWatchInterval`, as before; with it, a look every minute
    /// is only a safety net.
    func watchStore() -> Task<Void, Never> {
        let hub = hub
        let scheduler = scheduler
        let settler = settler
        let logger = logger
        let watch: StoreWatch
        do {
            watch = try store.watch()
        } catch {
            logger.error("other processes' changes will not show: \(error)")
            return Task {}
        }
        let files = StoreFileWatch(
            url: store.url, safetyInterval: 60, fallbackInterval: configuration.storeWatchInterval)
        // One pending wake-up is enough: a look reads every change since the last.
        let (wakes, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { _ in files.stop() }
        files.start(onWake: { continuation.yield() }, finished: { continuation.finish() })
        return Task.detached {
            for await _ in wakes {
                guard let changes = try? watch.changes(), changes.revisionMoved else { continue }
                await scheduler.storeChanged()
                await settler.nudge()
                if !changes.groups.isEmpty { hub.emit(.groupsChanged(changes.groups)) }
                if !changes.jobs.isEmpty { hub.emit(.jobsChanged(changes.jobs)) }
            }
        }
    }
}
