import HailuoCore
import HailuoTUI

/// The model roster at start.
extension CommandRunner {
    /// Asks the engine which models the provider still lists (cached for a day; never more than
    /// the catalogue's short timeout) and posts it, so the composer skips the unlisted ones.
    func loadRosterAtStart() {
        Task.detached { [engine, post] in
            post(.rosterLoaded(await engine.modelRoster(refresh: false)))
        }
    }
}
