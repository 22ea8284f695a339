import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import HailuoTestSupport

/// Figure 8: creates whose answers are lost, settled through the request logs, against the logs'
/// lag: requests to `GET /v2/logs` per settled job and the time from the lost answer to settling.
/// Every duration of the engine's settle policy (and the logs' rate limit) is scaled by the clock,
/// so the figures are in simulated seconds as they would be at the provider's speed.
struct SettleFigure {
    var jobs: Int
    var lags: [Double]
    var timeScale: Double

    func measure() async throws -> [Figure] {
        var figures: [Figure] = []
        for lag in lags {
            figures += try await measure(lag: lag)
        }
        return figures
    }

    private func measure(lag: Double) async throws -> [Figure] {
        let folder = try TemporaryFolder("hailuo-bench-settle").url
        defer { TemporaryFolder.remove(folder) }
        let simulator = Simulator(
            configuration: SimulatorConfiguration(
                timeScale: timeScale, logsLag: lag, logsRateLimit: Int(200 * timeScale)))
        _ = try await simulator.start()
        let scaled = EngineBench.scaledDefaults(timeScale: timeScale)
        let defaults = SettlePolicy()
        let policy = SettlePolicy(
            firstCheckDelay: defaults.firstCheckDelay / timeScale, grace: defaults.grace / timeScale,
            baseInterval: defaults.baseInterval / timeScale, maxInterval: defaults.maxInterval / timeScale,
            requestsPerMinute: defaults.requestsPerMinute * timeScale, maxPages: defaults.maxPages)
        let configuration = EngineConfiguration(
            endpoint: APIEndpoint(
                baseURL: simulator.baseURL, family: .vendor, apiKey: "sk-bench", connectTimeout: 5, readTimeout: 30),
            databaseURL: folder.appendingPathComponent("settle.sqlite"),
            downloadDirectory: folder.appendingPathComponent("videos"), autoDownload: false,
            policy: scaled.policy, requestsPerSecond: scaled.requestsPerSecond, home: folder.path, settle: policy)
        let engine = try GenerationEngine(configuration: configuration, logger: EngineBench.quietLogger)
        var lost: [Job] = []
        for index in 0..<jobs {
            let job = try await engine.submit(GenerationParameters(prompt: "bench lost \(index) [sim:lost]"))
            if job.phase == .unconfirmed { lost.append(job) }
        }
        await engine.start()
        // Bounded: the grace (15 simulated minutes) ends every lookup.
        let deadline = Date().addingTimeInterval(defaults.grace / timeScale * 2 + 30)
        var settled: [Double] = []
        while Date() < deadline {
            let jobs = try lost.compactMap { try engine.job(id: $0.id) }
            let open = jobs.filter { $0.phase == .unconfirmed && $0.settleState != .notFoundUpstream }
            if open.isEmpty {
                settled = jobs.compactMap { job in
                    guard job.settleState == .found, let at = job.settleCheckedAt else { return nil }
                    return at.timeIntervalSince(job.createdAt) * timeScale
                }
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let requests = simulator.logsRequestCount
        await engine.shutdown()
        await simulator.stop()
        let group = "8 settling lost answers (lag \(Int(lag)) s)"
        let perJob = settled.isEmpty ? 0 : Double(requests) / Double(settled.count)
        return [
            Figure(group: group, name: "jobs found of lost", value: "\(settled.count) of \(lost.count)"),
            Figure(group: group, name: "GET /v2/logs per settled job", value: Format.number(perJob)),
            Figure(
                group: group, name: "time to settle p50 (simulated)",
                value: Format.number(Stats.percentile(settled, 0.5)) + " s"),
            Figure(
                group: group, name: "time to settle p95 (simulated)",
                value: Format.number(Stats.percentile(settled, 0.95)) + " s"),
        ]
    }
}
