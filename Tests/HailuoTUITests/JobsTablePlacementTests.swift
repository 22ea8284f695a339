import Foundation
import HailuoCore
import HailuoTestSupport
import Testing

@testable import HailuoTUI

/// A new job, or one that moves, is put in its place by binary search instead of a sort of every
/// job; the table must end exactly as a full rebuild leaves it.
@Suite("Jobs table placement")
struct JobsTablePlacementTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Dice {
        var state: UInt64
        mutating func roll(_ sides: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(sides))
        }
    }

    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let phases: [JobPhase] = [.pending, .completed, .failed, .waiting, .unconfirmed, .submitting]

    static func job(_ index: Int, dice: inout Dice) -> Job {
        var job = Job.fixture(
            id: String(format: "job%05d", index), phase: phases[dice.roll(phases.count)],
            prompt: dice.roll(3) == 0 ? "lighthouse \(index)" : "heron \(index)",
            model: dice.roll(2) == 0 ? "minimax/hailuo-02" : "minimax/hailuo-2.3",
            createdAt: start.addingTimeInterval(Double(dice.roll(500))))
        job.groupID = dice.roll(5) == 0 ? "group\(dice.roll(3))" : nil
        job.hidden = dice.roll(10) == 0
        if job.phase == .completed { job.costUSD = Double(dice.roll(50)) / 100 }
        return job
    }

    /// The table as a full rebuild leaves it.
    static func rebuilt(_ table: JobsTable) -> JobsTable {
        var copy = table
        copy.rebuild()
        return copy
    }

    @Test(arguments: [JobSort.newest, .oldest, .status, .model])
    func placedChangesEndAsARebuild(sort: JobSort) {
        var dice = Dice(state: UInt64(sort.hashValue & 0xFFFF) &+ 7)
        var table = JobsTable()
        table.reload((0..<300).map { JobEntry(job: Self.job($0, dice: &dice)) })
        table.sort(by: sort)
        table.show(.all)
        var next = 300
        for round in 0..<300 {
            if round == 100 { table.cycleStatusFilter() }
            if round == 200 { table.show(.all) }
            var changes: [JobEntry] = []
            for _ in 0..<(1 + dice.roll(3)) {
                if dice.roll(3) == 0 {
                    changes.append(JobEntry(job: Self.job(next, dice: &dice)))
                    next += 1
                } else {
                    let id = String(format: "job%05d", dice.roll(next))
                    guard var job = table.entries[id]?.job else { continue }
                    job.phase = Self.phases[dice.roll(Self.phases.count)]
                    if dice.roll(4) == 0 { job.hidden.toggle() }
                    if dice.roll(8) == 0 { job.groupID = dice.roll(2) == 0 ? nil : "group\(dice.roll(3))" }
                    if dice.roll(4) == 0 { job.createdAt = Self.start.addingTimeInterval(Double(dice.roll(500))) }
                    if job.phase == .completed { job.costUSD = Double(dice.roll(50)) / 100 }
                    changes.append(JobEntry(job: job))
                }
            }
            table.receive(changes)
            let expected = Self.rebuilt(table)
            #expect(table.visible == expected.visible, "round \(round)")
            #expect(table.rows == expected.rows, "round \(round)")
            #expect(table.counts == expected.counts, "round \(round)")
            // Kept by adding and taking away, so equal up to rounding.
            #expect(
                abs(table.spend.spent(on: Self.start) - expected.spend.spent(on: Self.start)) < 1e-9, "round \(round)")
            if table.visible != expected.visible { return }
        }
    }
}
