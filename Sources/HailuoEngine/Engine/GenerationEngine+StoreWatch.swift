import Foundation
import HailuoCore

extension GenerationEngine {
    /// Watches the store for changes by any process on the configured beat: asks a ``StoreWatch``
    /// (SQLite's `data_version` on a kept connection, nothing read while nothing was committed),
    /// tells the scheduler and the log settler when the revision moved (another process may have
    /// given jobs back; a job may have become unconfirmed), and sends the changed groups, then the
    /// changed jobs, as events. This is the engine's one periodic beat: the settler reads the store
    /// only when woken here or when a lookup is due.
    func watchStore() -> Task<Void, Never> {
        let hub = hub
        let scheduler = scheduler
        let settler = settler
        let interval = configuration.storeWatchInterval
        let logger = logger
        let watch: StoreWatch
        do {
            watch = try store.watch()
        } catch {
            logger.error("other processes' changes will not show: \(error)")
            return Task {}
        }
        return Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval))
                guard let changes = try? watch.changes(), changes.revisionMoved else { continue }
                await scheduler.storeChanged()
                await settler.nudge()
                if !changes.groups.isEmpty { hub.emit(.groupsChanged(changes.groups)) }
                if !changes.jobs.isEmpty { hub.emit(.jobsChanged(changes.jobs)) }
            }
        }
    }
}
