import Foundation
import HailuoEngine
import HailuoSimulator

/// Figure 11: a batch in which every fifth job is refused 2-5 s after acceptance (`[sim:fail-early]`,
/// as moderation refuses a prompt) and the rest complete. How soon the client knows of each
/// refusal, and what the early probes cost in GETs per ended job, for figure 1's seed loop and the
/// engine side by side; an engine without early probes runs beside them as the "before".
struct EarlyFailures {
    let bench: EngineBench
    /// Jobs per batch (a fifth of them refused early).
    let jobs: Int

    /// What one client made of the batch.
    struct Outcome {
        /// Simulated seconds from each refusal to the poll that told the client.
        var refusalDelays: [Double]
        /// The same for the jobs that completed (figure 1's delay, in this batch).
        var completionDelays: [Double]
        var refused: Int
        var ended: Int
        var requestsPerEndedJob: Double
    }

    /// Figure 1's batch (same arrivals, same clips), with every fifth job refused early.
    var batch: PollingEconomy { PollingEconomy(bench: bench, jobs: jobs, earlyFailureEvery: 5) }

    func measure() async throws -> [Figure] {
        let probing = try bench.engine(store: "early-probes")
        let before = try bench.engine(store: "early-none", earlyProbes: [])
        await probing.start()
        await before.start()
        async let seedIDs = batch.runSeedLoop(label: "early seed")
        async let probingIDs = batch.runEngineBatch(probing, label: "early probes")
        async let beforeIDs = batch.runEngineBatch(before, label: "early none")
        let (seed, probed, unprobed) = try await (seedIDs, probingIDs, beforeIDs)
        await probing.shutdown()
        await before.shutdown()
        let polls = bench.pollsByJob()
        return figures(seed: outcome(seed, polls), engine: outcome(probed, polls), before: outcome(unprobed, polls))
    }

    private func outcome(_ ids: [String], _ polls: [String: [Date]]) -> Outcome {
        var requests = 0
        var ended = 0
        var delays: [Double] = []
        var completions: [Double] = []
        for id in ids {
            let times = polls[id] ?? []
            requests += times.count
            guard let last = times.last, let delay = bench.detectionDelay(generationID: id, lastPoll: last) else {
                continue
            }
            ended += 1
            if bench.simulator.outcomeMarker(ofGenerationID: id) == .failEarly {
                delays.append(delay)
            } else {
                completions.append(delay)
            }
        }
        return Outcome(
            refusalDelays: delays, completionDelays: completions, refused: delays.count, ended: ended,
            requestsPerEndedJob: ended == 0 ? 0 : Double(requests) / Double(ended))
    }

    private func figures(seed: Outcome, engine: Outcome, before: Outcome) -> [Figure] {
        let group = "11 early failures"
        let clock = "×\(Int(bench.timeScale)) clock"
        let batch = batch
        let complete = engine.refused == (0..<jobs).filter(batch.failsEarly).count && engine.ended == jobs
        var rows: [Figure] = []
        for (label, p) in [("p50", 0.5), ("p95", 0.95)] {
            let value = Stats.percentile(engine.refusalDelays, p)
            let base = Stats.percentile(seed.refusalDelays, p)
            rows.append(
                Figure(
                    group: group,
                    name:
                        "\(label) delay to learn of a refusal (\(engine.refused) of \(jobs) jobs refused 2-5 s in, \(clock))",
                    value: Format.number(value) + " s", baseline: Format.number(base) + " s",
                    ratio: base > 0 ? value / base : nil, goal: label == "p95" ? "≤ 15 s p95" : "",
                    met: label == "p95" ? complete && value <= 15 : nil))
            let old = Stats.percentile(before.refusalDelays, p)
            rows.append(
                Figure(
                    group: group, name: "\(label) delay to learn of a refusal, engine without early probes",
                    value: Format.number(old) + " s", baseline: Format.number(base) + " s",
                    ratio: base > 0 ? old / base : nil))
        }
        for (label, p) in [("mean", -1.0), ("p95", 0.95)] {
            func figure(_ delays: [Double]) -> Double { p < 0 ? Stats.mean(delays) : Stats.percentile(delays, p) }
            let base = figure(seed.completionDelays)
            for (who, run) in [("engine", engine), ("engine without early probes", before)] {
                let value = figure(run.completionDelays)
                rows.append(
                    Figure(
                        group: group, name: "\(label) delay to learn of a completion, \(who)",
                        value: Format.number(value) + " s", baseline: Format.number(base) + " s",
                        ratio: base > 0 ? value / base : nil))
            }
        }
        let ratio = seed.requestsPerEndedJob > 0 ? engine.requestsPerEndedJob / seed.requestsPerEndedJob : 0
        rows.append(
            Figure(
                group: group, name: "GETs per ended job, same batch (\(engine.ended) ended)",
                value: Format.number(engine.requestsPerEndedJob), baseline: Format.number(seed.requestsPerEndedJob),
                ratio: ratio, goal: "≤ 1/3 of seed loop", met: complete && ratio <= 1.0 / 3))
        let oldRatio = seed.requestsPerEndedJob > 0 ? before.requestsPerEndedJob / seed.requestsPerEndedJob : 0
        rows.append(
            Figure(
                group: group, name: "GETs per ended job, engine without early probes",
                value: Format.number(before.requestsPerEndedJob), baseline: Format.number(seed.requestsPerEndedJob),
                ratio: oldRatio))
        return rows
    }
}
