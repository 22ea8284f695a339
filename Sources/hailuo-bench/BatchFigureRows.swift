import Foundation
import HailuoCore
import HailuoSimulator

/// The rows of figure 10 from one run of the batch.
struct BatchFigureRows {
    let figure: BatchFigure
    let bench: EngineBench
    let run: BatchFigure.Run

    private var group: String {
        "10 batches (\(figure.jobs) jobs, ≤ \(figure.maxInFlight) in flight, ×\(Int(figure.timeScale)) clock)"
    }

    func rows() -> [Figure] {
        creates() + polls() + turns() + times()
    }

    // MARK: Creates

    /// POSTs the simulator received per job of the batch: each job's client request id must come
    /// exactly once, and no create may come without one of the batch's ids.
    private func creates() -> [Figure] {
        let posts = run.requests.filter { $0.kind == .create }
        let perID = Dictionary(grouping: posts, by: { $0.clientRequestID ?? "" }).mapValues(\.count)
        let everyJobOnce = run.jobs.allSatisfy { job in job.clientRequestID.map { perID[$0] == 1 } ?? false }
        let perJob = run.jobs.isEmpty ? 0 : Double(posts.count) / Double(run.jobs.count)
        return [
            Figure(
                group: group, name: "create requests per job (\(posts.count) POSTs)", value: Format.number(perJob, 2),
                goal: "= 1", met: run.jobs.count == figure.jobs && posts.count == run.jobs.count && everyJobOnce)
        ]
    }

    // MARK: Polls

    /// Poll GETs per completed job, beside the seed loop's for the same jobs. The seed loop of
    /// figure 1 is not run again (it is figure 1's own unpaced tasks on its arrival schedule): its
    /// polls are computed as figure 1 defines it, one GET right after the create and one every
    /// 10 s until the status is no longer a waiting word, over each job's own time at the simulator.
    private func polls() -> [Figure] {
        let byJob = bench.pollsByJob()
        let completed = run.jobs.filter { $0.phase == .completed }
        let ids = run.jobs.compactMap(\.generationID)
        let engineGETs = ids.reduce(0) { $0 + (byJob[$1]?.count ?? 0) }
        let seedGETs = completed.compactMap(\.generationID).compactMap(seedPolls(generationID:))
        let perJob = completed.isEmpty ? 0 : Double(engineGETs) / Double(completed.count)
        let seed = Stats.mean(seedGETs.map(Double.init))
        let ratio = seed > 0 ? perJob / seed : 0
        return [
            Figure(group: group, name: "jobs completed", value: "\(completed.count) of \(figure.jobs)"),
            Figure(
                group: group, name: "poll GETs per completed job (seed loop: computed)", value: Format.number(perJob),
                baseline: Format.number(seed), ratio: ratio, goal: "≤ 1/3 of seed loop",
                met: completed.count == figure.jobs && ratio <= 1.0 / 3),
        ]
    }

    /// The seed loop's GETs for a job of `T` provider seconds: at 0, 10, 20 ... s until one sees
    /// the end, i.e. ⌈T / 10⌉ + 1.
    private func seedPolls(generationID: String) -> Int? {
        guard let seconds = bench.simulator.providerSecondsToEnd(ofGenerationID: generationID) else { return nil }
        return Int((seconds / PollingEconomy.seedInterval).rounded(.up)) + 1
    }

    // MARK: Turns

    /// How long a row waited in the store for its turn (stored `waiting` to its POST at the
    /// simulator), and how long a freed slot stayed empty (a job's end learned to the next POST),
    /// both in simulated seconds.
    private func turns() -> [Figure] {
        let sends = sendTimes()
        let waits = run.jobs.compactMap { job in
            job.clientRequestID.flatMap { sends[$0] }.map { $0.timeIntervalSince(job.createdAt) * figure.timeScale }
        }
        let sorted = sends.values.sorted()
        let finishes = run.jobs.compactMap(\.finishedAt).sorted()
        let gaps = sorted.indices.dropFirst(figure.maxInFlight).compactMap { index -> Double? in
            let freed = index - figure.maxInFlight
            guard freed < finishes.count else { return nil }
            return max(0, sorted[index].timeIntervalSince(finishes[freed])) * figure.timeScale
        }
        return [
            Figure(
                group: group, name: "wait for its turn p50 (stored → sent, simulated)",
                value: Format.number(Stats.percentile(waits, 0.5)) + " s"),
            Figure(
                group: group, name: "longest wait for its turn (simulated)",
                value: Format.number(waits.max() ?? 0) + " s"),
            Figure(
                group: group, name: "freed slot to next send p50 / max (simulated)",
                value: Format.number(Stats.percentile(gaps, 0.5)) + " / " + Format.number(gaps.max() ?? 0) + " s"),
        ]
    }

    /// When the simulator received each create, by client request id.
    private func sendTimes() -> [String: Date] {
        var sends: [String: Date] = [:]
        for request in run.requests where request.kind == .create {
            guard let id = request.clientRequestID, sends[id] == nil else { continue }
            sends[id] = request.receivedAt
        }
        return sends
    }

    // MARK: Times

    private func times() -> [Figure] {
        [
            Figure(
                group: group, name: "read, check, price and store the rows (real)",
                value: Format.number(run.planSeconds * 1000) + " ms"),
            Figure(
                group: group, name: "wall time of the whole batch (real)", value: Format.number(run.batchSeconds) + " s"
            ),
        ]
    }
}
