import AsyncHTTPClient
import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator

/// Figure 1: GET requests per completed job and how late the client learns of the end, for the
/// seed's loop (a GET every 10 s per job) and the engine's scheduler, cold and warm.
struct PollingEconomy {
    let bench: EngineBench
    /// Jobs per batch.
    let jobs: Int
    /// Every this many jobs one is refused seconds after acceptance (`[sim:fail-early]`, the third
    /// of each group: 5 gives 20 %); 0 for none (figure 1). Figure 11 uses it.
    var earlyFailureEvery = 0
    /// Simulated seconds between two submissions: 5 to 15 (10 on average), the same for every run
    /// (a fixed seed). Jobs arrive one after another, as a user makes them, and not on a grid.
    var arrivals: [Double] {
        var random = SplitMix64(seed: 0x6861_696C_756F)
        var time = 0.0
        return (0..<jobs).map { _ in
            defer { time += 5 + 10 * random.nextUnit() }
            return time
        }
    }
    /// The seed's fixed wait between two GETs of one job, simulated seconds.
    static let seedInterval: Double = 10
    /// Status words on which the seed's loop polls again.
    static let seedWaitingWords: Set<String> = ["waiting", "active", "queued", "generating"]

    /// What one batch cost and how late it learned.
    struct Outcome {
        var requestsPerJob: Double
        var delays: [Double]
        var completed: Int
    }

    func measure() async throws -> [Figure] {
        let engine = try bench.engine(store: "economy")
        await engine.start()
        // The seed's loop and the cold engine side by side, then a second engine batch that has
        // learned from the first.
        async let baselineIDs = runSeedLoop(label: "seed")
        async let coldIDs = runEngineBatch(engine, label: "cold")
        let (seed, cold) = try await (baselineIDs, coldIDs)
        let warm = try await runEngineBatch(engine, label: "warm")
        await engine.shutdown()

        let polls = bench.pollsByJob()
        let base = outcome(seed, polls)
        let coldOutcome = outcome(cold, polls)
        let warmOutcome = outcome(warm, polls)
        return figures(base: base, cold: coldOutcome, warm: warmOutcome)
    }

    // MARK: Runs

    /// The seed's loop, one task per job: create, then GET, sleep 10 s, GET ... until the status
    /// is no longer a waiting word. Returns the generation ids.
    func runSeedLoop(label: String) async throws -> [String] {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let client = APIClient(endpoint: bench.endpoint, http: http, logger: EngineBench.quietLogger)
        let scale = bench.timeScale
        let ids = await onSchedule(label) { parameters in
            guard let prepared = try? RequestBuilder.prepare(parameters, family: .vendor),
                let created = try? await client.create(body: prepared.body, path: prepared.path)
            else { return nil }
            while !Task.isCancelled {
                guard let result = try? await client.poll(generationID: created.generationID),
                    Self.seedWaitingWords.contains(result.status)
                else { break }
                try? await Task.sleep(for: .seconds(Self.seedInterval / scale))
            }
            return created.generationID
        }
        try await http.shutdown()
        return ids
    }

    /// Submits a batch through the engine at the same arrival pace and waits until every job ended.
    func runEngineBatch(_ engine: GenerationEngine, label: String) async throws -> [String] {
        let scale = bench.timeScale
        let localIDs = await onSchedule(label) { try? await engine.submit($0).id }
        // Generous: the longest clip plus room for the scheduler, in real seconds.
        let deadline = Date().addingTimeInterval(3 * 540 / scale + 30)
        while Date() < deadline {
            let jobs = localIDs.compactMap { try? engine.job(id: $0) }
            if jobs.allSatisfy({ $0.phase.isFinished }) { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return localIDs.compactMap { try? engine.job(id: $0)?.generationID }
    }

    /// Runs `work` for each job of the batch at its arrival time (scaled), all at once; returns
    /// the ids it gave, in the order the jobs ended.
    private func onSchedule(
        _ label: String, _ work: @escaping @Sendable (GenerationParameters) async -> String?
    ) async -> [String] {
        let start = ContinuousClock.now
        let arrivals = arrivals
        let scale = bench.timeScale
        return await withTaskGroup(of: String?.self) { group in
            for index in 0..<jobs {
                let parameters = self.parameters(label, index)
                let arrival = start + .seconds(arrivals[index] / scale)
                group.addTask {
                    try? await Task.sleep(until: arrival, clock: .continuous)
                    return await work(parameters)
                }
            }
            var ids: [String] = []
            for await id in group { if let id { ids.append(id) } }
            return ids
        }
    }

    /// Every other job a 10 s clip, the rest 6 s clips; some refused early (``earlyFailureEvery``).
    private func parameters(_ label: String, _ index: Int) -> GenerationParameters {
        let marker = failsEarly(index) ? " [sim:fail-early]" : ""
        return GenerationParameters(prompt: "bench \(label) \(index)\(marker)", duration: index % 2 == 0 ? 6 : 10)
    }

    /// Whether job `index` of a batch is one refused seconds after acceptance.
    func failsEarly(_ index: Int) -> Bool {
        earlyFailureEvery > 0 && index % earlyFailureEvery == earlyFailureEvery / 2
    }

    // MARK: Figures

    private func outcome(_ ids: [String], _ polls: [String: [Date]]) -> Outcome {
        var requests = 0
        var delays: [Double] = []
        for id in ids {
            let times = polls[id] ?? []
            requests += times.count
            if let last = times.last, let delay = bench.detectionDelay(generationID: id, lastPoll: last) {
                delays.append(delay)
            }
        }
        let completed = delays.count
        return Outcome(
            requestsPerJob: completed == 0 ? 0 : Double(requests) / Double(completed), delays: delays,
            completed: completed)
    }

    private func figures(base: Outcome, cold: Outcome, warm: Outcome) -> [Figure] {
        let group = "1 polling economy"
        let baseMean = Stats.mean(base.delays)
        var rows: [Figure] = []
        for (name, run) in [("cold", cold), ("warm", warm)] {
            let ratio = base.requestsPerJob > 0 ? run.requestsPerJob / base.requestsPerJob : 0
            rows.append(
                Figure(
                    group: group,
                    name: "GETs per completed job (\(name), \(run.completed) jobs, ×\(Int(bench.timeScale)) clock)",
                    value: Format.number(run.requestsPerJob), baseline: Format.number(base.requestsPerJob),
                    ratio: ratio, goal: "≤ 1/3 of seed loop", met: run.completed == jobs && ratio <= 1.0 / 3))
            let mean = Stats.mean(run.delays)
            rows.append(
                Figure(
                    group: group, name: "mean delay to learn the end (\(name))", value: Format.number(mean) + " s",
                    baseline: Format.number(baseMean) + " s", ratio: baseMean > 0 ? mean / baseMean : nil,
                    goal: "≤ seed loop", met: mean <= baseMean))
            let p95 = Stats.percentile(run.delays, 0.95)
            let baseP95 = Stats.percentile(base.delays, 0.95)
            rows.append(
                Figure(
                    group: group, name: "p95 delay to learn the end (\(name))", value: Format.number(p95) + " s",
                    baseline: Format.number(baseP95) + " s", ratio: baseP95 > 0 ? p95 / baseP95 : nil))
        }
        return rows
    }
}

/// A small seeded generator (SplitMix64), so every run submits on the same schedule.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<1.
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
