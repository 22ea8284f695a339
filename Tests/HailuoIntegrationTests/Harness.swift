import AsyncHTTPClient
import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import HailuoTestSupport
import Logging

/// A simulator on loopback plus engines on one temporary store, torn down by `close()`.
final class Harness: @unchecked Sendable {
    // Mutated only during set-up by the test that owns it; the engines are actors.
    let folder: URL
    let simulator: Simulator
    let family: EndpointFamily
    let timeScale: Double
    private(set) var engines: [GenerationEngine] = []

    init(
        family: EndpointFamily = .vendor, timeScale: Double = 2000,
        simulator configuration: SimulatorConfiguration? = nil
    ) async throws {
        folder = try TemporaryFolder("hailuo-it").url
        var config = configuration ?? SimulatorConfiguration()
        config.timeScale = timeScale
        if configuration == nil { config.slowDelay = 3 }
        simulator = Simulator(configuration: config)
        self.family = family
        self.timeScale = timeScale
        _ = try await simulator.start()
    }

    var databaseURL: URL { folder.appendingPathComponent("jobs.sqlite") }
    var downloads: URL { folder.appendingPathComponent("videos") }

    /// An engine with tiny poll intervals and timeouts so tests finish in seconds.
    func engine(
        // 10 s: a create on a machine loaded by the whole suite (tmux screens, several binaries) was
        // seen to take over 1.5 s; tests of timeouts pass their own, shorter one.
        autoDownload: Bool = false, readTimeout: Double = 10, leaseSeconds: Double = 30, baseURL: String? = nil,
        policy: PollPolicy? = nil, requestsPerSecond: Double = 200,
        createRetry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2),
        budget: Budget = Budget(), settle: SettlePolicy = SettlePolicy(), database: URL? = nil,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) throws -> GenerationEngine {
        let endpoint = APIEndpoint(
            baseURL: baseURL ?? simulator.baseURL, family: family, apiKey: "sk-test-harness", connectTimeout: 1,
            readTimeout: readTimeout)
        let configuration = EngineConfiguration(
            endpoint: endpoint, databaseURL: database ?? databaseURL, downloadDirectory: downloads,
            autoDownload: autoDownload,
            policy: policy ?? PollPolicy(minInterval: 0.05, maxInterval: 0.3, timeScale: timeScale),
            requestsPerSecond: requestsPerSecond,
            home: folder.path, createRetry: createRetry,
            pollRetry: RetryPolicy(maxAttempts: 2, baseDelay: 0.05, maxDelay: 0.1), leaseSeconds: leaseSeconds,
            storeWatchInterval: 0.1, budget: budget, catalogueTimeout: 10, settle: settle, clock: clock)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let engine = try GenerationEngine(configuration: configuration, logger: logger)
        engines.append(engine)
        return engine
    }

    /// Waits (bounded) until the job reaches a finished or unconfirmed phase.
    func settle(_ engine: GenerationEngine, _ id: String, seconds: Double = 20) async throws -> Job {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let job = try engine.job(id: id), job.phase.isFinished || job.phase == .unconfirmed {
                return job
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try engine.job(id: id)!
    }

    /// Requests the simulator received for one generation id, of one kind.
    func requests(_ kind: RequestKind, for generationID: String? = nil) -> [RecordedRequest] {
        simulator.recordedRequests().filter { request in
            request.kind == kind && (generationID == nil || request.generationID == generationID)
        }
    }

    func writeImage(_ name: String, width: Int, height: Int) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(SyntheticImage.png(width: width, height: height)).write(to: url)
        return url.path
    }

    func close() async {
        for engine in engines { await engine.shutdown() }
        await simulator.stop()
        TemporaryFolder.remove(folder)
    }
}
