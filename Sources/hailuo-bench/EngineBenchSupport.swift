import AsyncHTTPClient
import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import HailuoTestSupport
import Logging

/// A simulator on loopback at a compressed clock, plus what the engine figures share: engines
/// whose every clock is compressed by the same factor, and a plain API client for baselines.
final class EngineBench: Sendable {
    /// Provider seconds per real second, for the simulator and the engine alike.
    let timeScale: Double
    let simulator: Simulator
    let folder: URL

    init(timeScale: Double) async throws {
        self.timeScale = timeScale
        folder = try TemporaryFolder("hailuo-bench").url
        // A balance no run can spend: at the default 100 USD, figure 1's seed loop and cold batch
        // use it up, and the engine then refuses every later job as unaffordable.
        simulator = Simulator(configuration: SimulatorConfiguration(timeScale: timeScale, startingBalance: 1_000_000))
        _ = try await simulator.start()
    }

    static var quietLogger: Logger {
        var logger = Logger(label: "hailuo-bench")
        logger.logLevel = .critical
        return logger
    }

    var endpoint: APIEndpoint {
        APIEndpoint(baseURL: simulator.baseURL, family: .vendor, apiKey: "sk-bench", connectTimeout: 5, readTimeout: 30)
    }

    /// The engine's default policy and rate cap with every duration divided by `timeScale`, so the
    /// engine behaves in simulated seconds exactly as it would at the provider's real speed.
    static func scaledDefaults(timeScale: Double) -> (policy: PollPolicy, requestsPerSecond: Double) {
        let defaults = PollPolicy()
        let policy = PollPolicy(
            minInterval: defaults.minInterval / timeScale, maxInterval: defaults.maxInterval / timeScale,
            timeScale: timeScale, pollsInWindow: defaults.pollsInWindow, minimumHistory: defaults.minimumHistory,
            earlyProbes: defaults.earlyProbes)
        let configuration = EngineConfiguration(
            endpoint: APIEndpoint(baseURL: "", family: .vendor, apiKey: "", connectTimeout: 1, readTimeout: 1),
            databaseURL: URL(fileURLWithPath: "/dev/null"), downloadDirectory: URL(fileURLWithPath: "/dev/null"))
        return (policy, configuration.requestsPerSecond * timeScale)
    }

    /// An engine with the scaled defaults on its own store `name` in the bench folder (no downloads);
    /// `earlyProbes`, when given, replaces the policy's (in provider seconds, as the policy takes them).
    func engine(store name: String, earlyProbes: [Double]? = nil) throws -> GenerationEngine {
        let scaled = Self.scaledDefaults(timeScale: timeScale)
        var policy = scaled.policy
        if let earlyProbes { policy.earlyProbes = earlyProbes }
        let configuration = EngineConfiguration(
            endpoint: endpoint, databaseURL: folder.appendingPathComponent("\(name).sqlite"),
            downloadDirectory: folder.appendingPathComponent("videos"), autoDownload: false,
            policy: policy, requestsPerSecond: scaled.requestsPerSecond, home: folder.path)
        return try GenerationEngine(configuration: configuration, logger: Self.quietLogger)
    }

    /// Simulated seconds between the job's end at the server and the last poll of it the
    /// simulator received (the one that told the client); nil when it was never polled after.
    func detectionDelay(generationID: String, lastPoll: Date) -> Double? {
        guard let end = simulator.endDate(ofGenerationID: generationID) else { return nil }
        return max(0, lastPoll.timeIntervalSince(end)) * timeScale
    }

    /// Poll requests received so far, grouped by generation id, each list in arrival order.
    func pollsByJob() -> [String: [Date]] {
        var byJob: [String: [Date]] = [:]
        for request in simulator.recordedRequests() where request.kind == .poll {
            guard let id = request.generationID else { continue }
            byJob[id, default: []].append(request.receivedAt)
        }
        return byJob.mapValues { $0.sorted() }
    }

    func close() async {
        await simulator.stop()
        TemporaryFolder.remove(folder)
    }
}

/// Small statistics over measured values.
enum Stats {
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The nearest-rank percentile (`p` in 0...1).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// The most instants in any half-open window of `width` seconds (instants sorted).
    static func busiestWindow(_ sorted: [Date], width: Double) -> Int {
        var busiest = 0
        var start = 0
        for end in sorted.indices {
            while sorted[end].timeIntervalSince(sorted[start]) >= width { start += 1 }
            busiest = max(busiest, end - start + 1)
        }
        return busiest
    }
}

/// Formatting of figures.
enum Format {
    static func number(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
}
