import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Jobs table state")
struct JobsTableTests {
    /// A small seeded generator, so a failure can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    /// Applying changes one at a time (the fast path) must leave exactly what a full rebuild
    /// gives: the same rows in the same order and the same counts, under every filter and sort.
    @Test(arguments: JobSort.allCases, StatusFilter.allCases)
    func applyingChangesMatchesARebuild(sort: JobSort, filter: StatusFilter) {
        var random = Seeded(state: 42)
        var state = JobsTable()
        state.sort(by: sort)
        state.show(filter)
        state.reload(UpdateSupport.manyJobs(60) + UpdateSupport.mixedJobs)
        let phases: [JobPhase] = [.pending, .completed, .failed, .unconfirmed, .dismissed, .submitting]
        let words = ["queued", "generating", "upscaling"]
        for step in 0..<400 {
            let ids = Array(state.entries.keys).sorted()
            var job = state.entries[ids[Int.random(in: 0..<ids.count, using: &random)]]!.job
            switch Int.random(in: 0..<4, using: &random) {
            case 0: job.phase = phases[Int.random(in: 0..<phases.count, using: &random)]
            case 1: job.providerStatus = words[Int.random(in: 0..<words.count, using: &random)]
            case 2: job.hidden.toggle()
            default: job.filePath = "/videos/\(step).mp4"
            }
            state.apply(JobEntry(job: job))
            var fresh = state
            fresh.rebuild()
            #expect(state.visible == fresh.visible, "step \(step)")
            #expect(state.counts == fresh.counts, "step \(step)")
            if state.visible != fresh.visible || state.counts != fresh.counts { return }
        }
    }

    @Test func aNewJobIsPlacedAndCounted() {
        var state = JobsTable()
        state.reload(UpdateSupport.manyJobs(5))
        let newest = UpdateSupport.entry("brandnew", .pending, age: 1)
        state.apply(newest)
        #expect(state.visible.first == "brandnew")
        #expect(state.counts.pending == 6)
    }
}
