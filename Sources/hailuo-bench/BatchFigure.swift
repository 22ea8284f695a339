import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator

/// Figure 10: a batch file of many jobs sent through the engine's batch path (`planBatch`,
/// `storeBatch`, `runBatch`) at most `maxInFlight` at once, against the simulator at a compressed
/// clock: creates per job, poll GETs per completed job beside the seed loop's, how long a row
/// waits in the store for its turn, and the wall time of the whole batch.
struct BatchFigure {
    /// Rows of the batch file (a multiple of 4: prompts × 2 durations × 2 models).
    var jobs: Int
    /// At most this many jobs of the batch submitting or pending at once.
    var maxInFlight: Int
    /// Provider seconds per real second, for the simulator and the engine alike.
    var timeScale: Double

    /// The two models of the file: both take 6 and 10 s clips at 768P without an image.
    static let models = ["minimax/hailuo-02", "minimax/hailuo-2.3"]

    /// What one run of the batch gave, as the figures need it.
    struct Run {
        /// The batch's jobs as they ended, in the file's order.
        var jobs: [Job]
        /// Every request the simulator received during the run.
        var requests: [RecordedRequest]
        /// Real seconds to read, check, price and store the file's rows.
        var planSeconds: Double
        /// Real seconds from the first send until every job ended.
        var batchSeconds: Double
    }

    func measure() async throws -> [Figure] {
        let bench = try await EngineBench(timeScale: timeScale)
        do {
            let run = try await self.run(bench)
            let figures = BatchFigureRows(figure: self, bench: bench, run: run).rows()
            await bench.close()
            return figures
        } catch {
            await bench.close()
            throw error
        }
    }

    /// Writes the file, plans and stores it, paces it out and waits until every job ended.
    private func run(_ bench: EngineBench) async throws -> Run {
        let file = try writeFile(in: bench.folder)
        let engine = try bench.engine(store: "batch")
        let planStart = ContinuousClock.now
        let plan: BatchPlan
        switch await engine.planBatch(path: file.path, defaults: BatchDefaults(), maxJobs: jobs) {
        case .success(let value): plan = value
        case .failure(let problems): throw BenchFailure(problems.sentences.joined(separator: "\n"))
        }
        let start: BatchStart
        do throws(SubmitError) {
            start = try await engine.storeBatch(plan)
        } catch {
            throw BenchFailure("the batch was refused: \(error.description)")
        }
        let planSeconds = Self.seconds(since: planStart)
        let batchStart = ContinuousClock.now
        do {
            try await engine.runBatch(groupID: start.group.id, maxInFlight: maxInFlight)
            // The last jobs sent are still pending: wait for them. Bounded by every round of the
            // longest clip plus room for the scheduler, in real seconds.
            let rounds = (Double(jobs) / Double(maxInFlight)).rounded(.up)
            let deadline = Date().addingTimeInterval(rounds * 540 / timeScale + 60)
            while Date() < deadline {
                let open = try engine.jobs(includeHidden: true, groupID: start.group.id).filter { !$0.phase.isFinished }
                if open.isEmpty { break }
                try await Task.sleep(for: .milliseconds(50))
            }
        } catch {
            await engine.shutdown()
            throw error
        }
        let batchSeconds = Self.seconds(since: batchStart)
        await engine.shutdown()
        let jobs = start.jobIDs.compactMap { try? engine.job(id: $0) }
        return Run(
            jobs: jobs, requests: bench.simulator.recordedRequests(), planSeconds: planSeconds,
            batchSeconds: batchSeconds)
    }

    /// A JSON Lines file of `jobs` rows: `jobs / 4` prompts, each as a 6 s and a 10 s clip of
    /// both models, all at 768P (1080P takes 6 s clips only).
    private func writeFile(in folder: URL) throws -> URL {
        var lines: [String] = []
        for prompt in 0..<(jobs / 4) {
            for duration in [6, 10] {
                for model in Self.models {
                    lines.append(
                        #"{"prompt": "bench batch scene \#(prompt)", "duration": \#(duration), "#
                            + #""model": "\#(model)", "resolution": "768P"}"#)
                }
            }
        }
        let url = folder.appendingPathComponent("batch-\(jobs).jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
