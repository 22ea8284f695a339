import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator

/// Figure 7: many jobs in flight at once under the engine's one rate cap. Two runs:
/// - real time (no compression), all jobs resumed at once: the busiest second the simulator sees;
/// - compressed time, to the end of every job: the longest wait between two polls of one job.
struct ManyJobs {
    let jobs: Int
    /// Real seconds the real-time slice lasts.
    let sliceSeconds: Double
    /// Provider seconds per real second of the run to the end.
    let timeScale: Double

    func measure() async throws -> [Figure] {
        try await busiestSecond() + longestGap()
    }

    /// Real time, the engine's real defaults, every job due at once: how many polls reach the
    /// simulator in its busiest second.
    private func busiestSecond() async throws -> [Figure] {
        let bench = try await EngineBench(timeScale: 1)
        do {
            let cap = EngineBench.scaledDefaults(timeScale: 1).requestsPerSecond
            // Submitted by one engine, resumed by the next (as after a restart): every job is due at
            // once, the hardest moment for the cap.
            let submitter = try bench.engine(store: "many-now")
            _ = try await Self.submitAll(submitter, count: jobs)
            await submitter.shutdown()
            let engine = try bench.engine(store: "many-now")
            await engine.start()
            try await Task.sleep(for: .seconds(sliceSeconds))
            await engine.shutdown()
            let all = bench.pollsByJob().values.flatMap { $0 }.sorted()
            await bench.close()
            let busiest = Stats.busiestWindow(all, width: 1)
            let span = all.count > 1 ? all.last!.timeIntervalSince(all.first!) : 0
            let meanRate = span > 0 ? Double(all.count - 1) / span : 0
            let group = "7 many jobs"
            return [
                Figure(
                    group: group,
                    name: "busiest second at the simulator (\(jobs) jobs, \(Int(sliceSeconds)) s real time)",
                    value: "\(busiest) polls", baseline: "cap \(Format.number(cap, 0))/s",
                    ratio: Double(busiest) / cap, goal: "≤ cap", met: Double(busiest) <= cap),
                Figure(
                    group: group, name: "mean poll rate in that slice", value: Format.number(meanRate, 2) + "/s",
                    baseline: "cap \(Format.number(cap, 0))/s", ratio: meanRate / cap),
            ]
        } catch {
            await bench.close()
            throw error
        }
    }

    /// Compressed time until every job ended: the longest gap between two polls of one job.
    private func longestGap() async throws -> [Figure] {
        let bench = try await EngineBench(timeScale: timeScale)
        do {
            let scale = bench.timeScale
            let cap = EngineBench.scaledDefaults(timeScale: scale).requestsPerSecond / scale
            let engine = try bench.engine(store: "many")
            let localIDs = try await Self.submitAll(engine, count: jobs)
            await engine.start()
            // Every job needs a few polls and the cap allows `cap` of them per simulated second.
            let deadline = Date().addingTimeInterval((Double(jobs) * 4 / cap + 1200) / scale)
            var finished = 0
            while Date() < deadline {
                finished = localIDs.filter { (try? engine.job(id: $0))?.phase.isFinished == true }.count
                if finished == localIDs.count { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            await engine.shutdown()
            var longest = 0.0
            for times in bench.pollsByJob().values {
                for (earlier, later) in zip(times, times.dropFirst()) {
                    longest = max(longest, later.timeIntervalSince(earlier) * scale)
                }
            }
            await bench.close()
            // One round of every job at the cap (with the limiter's headroom), plus the policy's longest wait.
            let round = Double(jobs) / cap * 1.05
            let goal = round + PollPolicy().maxInterval
            return [
                Figure(
                    group: "7 many jobs",
                    name:
                        "longest gap between two polls of one job (\(finished) of \(jobs) ended, ×\(Int(scale)) clock)",
                    value: Format.number(longest) + " s", baseline: "round \(Format.number(round, 0)) s",
                    ratio: longest / round, goal: "≤ round + 60 s", met: longest <= goal)
            ]
        } catch {
            await bench.close()
            throw error
        }
    }

    /// Submits `count` jobs (alternately 6 s and 10 s clips), a few at a time, before polling starts.
    private static func submitAll(_ engine: GenerationEngine, count: Int) async throws -> [String] {
        await withTaskGroup(of: String?.self) { group in
            var ids: [String] = []
            var next = 0
            func addOne() {
                let index = next
                next += 1
                group.addTask {
                    try? await engine.submit(
                        GenerationParameters(prompt: "bench many \(index)", duration: index % 2 == 0 ? 6 : 10)
                    ).id
                }
            }
            for _ in 0..<min(16, count) { addOne() }
            while let id = await group.next() {
                if let id { ids.append(id) }
                if next < count { addOne() }
            }
            return ids
        }
    }
}
