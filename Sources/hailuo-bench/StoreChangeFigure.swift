import Foundation
import HailuoCore
import HailuoEngine
import HailuoTUI
import HailuoTestSupport
import TUIKit

/// Figure 10: the CPU one change by another process costs a screen holding 10,000 jobs, from the
/// other process's commit to the screen's model updated: the store watch noticing the commit
/// (`data_version`), reading the changed rows, and `AppModel.update` with them. In-process: two
/// `JobStore`s on one file stand for the two processes (each its own SQLite connections), the
/// other's write is not counted. The baseline is what a change cost before: every job read again
/// and the table replaced (`jobsLoaded`).
enum StoreChangeFigure {
    static let jobCount = 10_000

    static func measure(_ options: BenchOptions) throws -> [Figure] {
        let folder = try TemporaryFolder("hailuo-bench-change")
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("jobs.sqlite")
        let mine = try JobStore(url: url)
        let other = try JobStore(url: url)
        let count = options.short ? 1_000 : jobCount
        try other.insert(contentsOf: seedJobs(count))
        var model = AppModel(environment: .preview, size: Size(width: 120, height: 40), now: Date())
        _ = model.update(.jobsLoaded(try mine.jobs(includeHidden: true).map { JobEntry(job: $0) }))
        let watch = try mine.watch()
        let rounds = options.short ? 5 : 40

        var idle: [Double] = []
        for _ in 0..<rounds * 10 {
            let start = ViewScaleFigures.threadCPUSeconds()
            _ = try watch.changes()
            idle.append(ViewScaleFigures.threadCPUSeconds() - start)
        }
        var changed: [Double] = []
        var walls: [Double] = []
        for round in 0..<rounds {
            let id = String(format: "seed%05d", (round * 2 + 1) % count)
            try other.update(id) { $0.providerStatus = "step \(round)" }
            let wall = Date()
            let start = ViewScaleFigures.threadCPUSeconds()
            try apply(watch.changes(), to: &model)
            changed.append(ViewScaleFigures.threadCPUSeconds() - start)
            walls.append(Date().timeIntervalSince(wall))
        }
        var added: [Double] = []
        for round in 0..<max(3, rounds / 4) {
            try other.insert(Job.fixture(id: "new\(round)", phase: .pending, prompt: "a new clip \(round)"))
            let start = ViewScaleFigures.threadCPUSeconds()
            try apply(watch.changes(), to: &model)
            added.append(ViewScaleFigures.threadCPUSeconds() - start)
        }
        var reloads: [Double] = []
        for round in 0..<(options.short ? 2 : 5) {
            try other.update("seed00000") { $0.providerStatus = "again \(round)" }
            let start = ViewScaleFigures.threadCPUSeconds()
            _ = try mine.revision()
            _ = model.update(.jobsLoaded(try mine.jobs(includeHidden: true).map { JobEntry(job: $0) }))
            reloads.append(ViewScaleFigures.threadCPUSeconds() - start)
        }
        let one = TerminalFormat.median(changed)
        let reload = TerminalFormat.median(reloads)
        let jobs = TerminalFormat.grouped(count)
        return [
            Figure(
                group: "12 other process's change",
                name:
                    "CPU for one changed job, \(jobs) jobs (wall \(ViewScaleFigures.micros(TerminalFormat.median(walls))))",
                value: ViewScaleFigures.micros(one), baseline: ViewScaleFigures.micros(reload) + " (every job read)",
                ratio: reload > 0 ? one / reload : nil, goal: "≤ 5 ms", met: one <= 0.005),
            Figure(
                group: "12 other process's change", name: "CPU for one new job (placed, not sorted), \(jobs) jobs",
                value: ViewScaleFigures.micros(TerminalFormat.median(added)), goal: "≤ 5 ms",
                met: TerminalFormat.median(added) <= 0.005),
            Figure(
                group: "12 other process's change", name: "CPU of a store watch beat with nothing committed",
                value: ViewScaleFigures.micros(TerminalFormat.median(idle))),
        ]
    }

    /// What the runtime does with the watch's changes: one message for one job, one for many.
    private static func apply(_ changes: StoreChanges?, to model: inout AppModel) {
        let entries = (changes?.jobs ?? []).map { JobEntry(job: $0) }
        if entries.count == 1 {
            _ = model.update(.jobChanged(entries[0]))
        } else if !entries.isEmpty {
            _ = model.update(.jobsChanged(entries))
        }
    }

    /// Half pending, half completed, one second apart, newest first.
    private static func seedJobs(_ count: Int) -> [Job] {
        let now = Date()
        return (0..<count).map { index in
            let created = now.addingTimeInterval(-Double(index) - 5)
            var job = Job.fixture(
                id: String(format: "seed%05d", index), phase: index % 2 == 1 ? .pending : .completed,
                providerStatus: "generating", prompt: "bench clip \(index): a lighthouse at dusk, waves, slow pan",
                createdAt: created, generationID: String(format: "9%017d", index))
            if job.phase == .completed {
                job.providerStatus = "completed"
                job.finishedAt = created.addingTimeInterval(1)
            }
            return job
        }
    }
}
