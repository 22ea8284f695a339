import Foundation
import HailuoCore
import HailuoTUI
import HailuoTestSupport
import TUIKit

/// Figure 4: the CPU time to build one frame from nothing (`AppModel.freshView()` to a `Canvas`) with
/// 10, 1,000 and 10,000 jobs in the model, and of one clock tick as the running screen draws it;
/// 120 x 40, the jobs table showing the newest jobs (half of them pending, so elapsed times and
/// spinners are drawn). In-process, no terminal.
enum ViewScaleFigures {
    static let jobCounts = [10, 1_000, 10_000]

    static func measure(_ options: BenchOptions) -> [Figure] {
        let budget = options.short ? 0.05 : 1.0
        let times = frameSeconds(models: (jobCounts + [fullTable]).map { ($0, model(jobs: $0)) }, budget: budget)
        var figures = jobCounts.map { count in
            let time = times[count] ?? 0
            return Figure(
                group: "4 view scale", name: "one frame, \(TerminalFormat.grouped(count)) jobs", value: micros(time),
                goal: "≤ 0.3 ms", met: time <= frameGoal)
        }
        // 10 jobs fill 10 of the table's 25 rows, so 10,000 against 10 would also count 15 more rows
        // drawn; against a full table it shows what the number of jobs alone costs.
        let full = times[fullTable] ?? 0
        let largest = times[jobCounts[jobCounts.count - 1]] ?? 0
        figures.append(
            Figure(
                group: "4 view scale", name: "one frame, \(fullTable) jobs (a full table)", value: micros(full),
                baseline: nil, ratio: full > 0 ? largest / full : nil, goal: "10,000 / \(fullTable) ≤ 1.05",
                met: full > 0 ? largest / full <= 1.05 : nil))
        let tick = tickSeconds(model: model(jobs: jobCounts[jobCounts.count - 1]), budget: budget)
        figures.append(
            Figure(
                group: "4 view scale", name: "one clock tick (update + frame), 10,000 jobs", value: micros(tick),
                baseline: micros(largest) + " (a frame from nothing)", ratio: largest > 0 ? tick / largest : nil,
                goal: "context: what an idle screen pays a second"))
        return figures
    }

    /// Median CPU seconds of one clock tick: the model's update for a second later, then its frame
    /// (the view memo copies what the tick did not change, as the running screen does).
    static func tickSeconds(model start: AppModel, budget: Double) -> Double {
        var model = start
        var now = model.now
        var sink = 0
        var samples: [Double] = []
        let end = threadCPUSeconds() + budget
        repeat {
            let begin = threadCPUSeconds()
            for _ in 0..<10 {
                now = now.addingTimeInterval(1)
                _ = model.update(.tick(now))
                sink &+= model.view().size.width
            }
            samples.append((threadCPUSeconds() - begin) / 10)
        } while threadCPUSeconds() < end || samples.count < 3
        if sink == 42 { print("") }
        return TerminalFormat.median(samples)
    }

    /// One frame at 120 x 40, seconds of CPU.
    static let frameGoal = 0.000_3

    /// Jobs that just fill the table at 120 x 40 (38 rows less the composer's 12 and the header).
    static let fullTable = 25

    /// A model as the screen has it after loading `count` jobs from the store.
    static func model(jobs count: Int) -> AppModel {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var model = AppModel(environment: .preview, size: Size(width: 120, height: 40), now: now)
        let entries = (0..<count).map { index in
            let created = now.addingTimeInterval(-Double(index) * 7)
            var job = Job.fixture(
                id: String(format: "j%07d", index), phase: index % 2 == 0 ? .pending : .completed,
                providerStatus: "generating", prompt: "clip \(index): a lighthouse at dusk, waves, slow pan",
                createdAt: created, generationID: String(format: "9%017d", index))
            if job.phase == .completed {
                job.providerStatus = "completed"
                job.finishedAt = created.addingTimeInterval(250)
                job.filePath = "/home/ana/Videos/hailuo/\(job.id).mp4"
            }
            return JobEntry(job: job, expected: job.phase == .pending ? 240...300 : nil)
        }
        _ = model.update(.jobsLoaded(entries))
        return model
    }

    /// Median CPU seconds (this thread's) per `view()` of each model, over batches of 10 frames taken in
    /// turn from every model for about `budget` seconds each after a warm-up: other processes taking the
    /// CPU neither count nor favour one model over another.
    static func frameSeconds(models: [(Int, AppModel)], budget: Double) -> [Int: Double] {
        var sink = 0
        for (_, model) in models {
            for _ in 0..<5 { sink &+= model.freshView().size.width }
        }
        var samples: [Int: [Double]] = [:]
        let end = threadCPUSeconds() + budget * Double(models.count)
        repeat {
            for (count, model) in models {
                let start = threadCPUSeconds()
                for _ in 0..<10 { sink &+= model.freshView().size.width }
                samples[count, default: []].append((threadCPUSeconds() - start) / 10)
            }
        } while threadCPUSeconds() < end || (samples.values.first?.count ?? 0) < 3
        if sink == 42 { print("") }  // keeps the frames from being optimised away
        return samples.mapValues { TerminalFormat.median($0) }
    }

    /// CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func micros(_ seconds: Double) -> String {
        seconds >= 0.01 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.0f µs", seconds * 1e6)
    }
}
