import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

/// Several changed jobs at once (another process's burst) applied as one message.
@Suite("Update: several changed jobs")
struct UpdateStoreChangesTests {
    @Test("a burst of changes and new jobs lands whole, counts follow, finishes ring")
    func burstLandsWhole() {
        let start = UpdateSupport.manyJobs(60)
        var model = UpdateSupport.model(jobs: start)
        var burst = start.prefix(50).map { entry in
            var changed = entry
            changed.job.providerStatus = "rendering"
            return changed
        }
        burst[3] = UpdateEngineEventTests.completed(burst[3])
        let fresh = UpdateSupport.entry("new00001", .pending, age: 1)
        burst.append(fresh)
        let commands = model.receive(.jobsChanged(burst))
        #expect(model.jobs.entries.count == 61)
        #expect(model.jobs.entries["job03"]?.job.phase == .completed)
        #expect(model.jobs.entries["job10"]?.job.providerStatus == "rendering")
        #expect(model.jobs.visible.first == "new00001", "a new job takes its place in the order")
        #expect(model.jobs.counts.pending == 60)
        #expect(model.jobs.counts.completed == 1)
        #expect(commands.count == 1, "the job that finished unseen rings, once")
    }

    @Test("the same burst as single changes gives the same table")
    func sameAsOneByOne() {
        let start = UpdateSupport.manyJobs(30)
        var together = UpdateSupport.model(jobs: start)
        var oneByOne = together
        let burst = start.enumerated().map { index, entry in
            index.isMultiple(of: 3) ? UpdateEngineEventTests.failed(entry) : entry
        }
        _ = together.receive(.jobsChanged(burst))
        for entry in burst { _ = oneByOne.receive(.jobChanged(entry)) }
        #expect(together.jobs.entries == oneByOne.jobs.entries)
        #expect(together.jobs.visible == oneByOne.jobs.visible)
        #expect(together.jobs.counts == oneByOne.jobs.counts)
        #expect(together.jobs.rows == oneByOne.jobs.rows)
    }

    @Test("while paused, a burst is held and applied on resume")
    func pausedBurstIsHeld() {
        let start = UpdateSupport.manyJobs(5)
        var model = UpdateSupport.model(jobs: start, focus: .jobs)
        let paused = model.jobs.togglePause()
        #expect(paused)
        let burst = start.map { UpdateEngineEventTests.failed($0) }
        _ = model.receive(.jobsChanged(burst))
        #expect(model.jobs.entries["job00"]?.job.phase == .pending)
        #expect(model.jobs.held.count == 5)
        let resumed = !model.jobs.togglePause()
        #expect(resumed)
        #expect(model.jobs.counts.failed == 5)
    }
}
