import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Logging

/// A running engine for one command, with the embedded simulator when in demo mode.
struct EngineSession {
    /// How much faster than the provider the demo simulator runs (a 6 s clip in about 35 s).
    /// `HAILUO_DEMO_TIME_SCALE` changes it (tests and screenshots use a faster clock).
    static var demoTimeScale: Double {
        let text = ProcessInfo.processInfo.environment["HAILUO_DEMO_TIME_SCALE"] ?? ""
        guard let value = Double(text), value > 0, value.isFinite else { return 8 }
        return value
    }

    let settings: Settings
    let engine: GenerationEngine
    let simulator: Simulator?
    let logger: Logger

    /// Loads settings (flag > environment > file > default), starts the demo simulator when
    /// there is no key or `--demo` was given, and opens the engine on the shared store.
    static func open(_ options: GlobalOptions, announceDemo: Bool = true) async throws -> EngineSession {
        let settings = try options.loadSettings()
        let logger = HailuoLogging.makeLogger(settings: settings)
        var simulator: Simulator?
        var endpoint = APIEndpoint(
            baseURL: settings.baseURL, family: settings.family, apiKey: settings.apiKey ?? "",
            connectTimeout: settings.connectTimeout, readTimeout: settings.readTimeout)
        var policy = PollPolicy(minInterval: settings.pollMinInterval, maxInterval: settings.pollMaxInterval)
        if settings.isDemo {
            let scale = demoTimeScale
            let demo = Simulator(configuration: SimulatorConfiguration(timeScale: scale))
            do {
                _ = try await demo.start()
            } catch {
                throw CLIFailure(.api, "could not start the demo simulator: \(error)")
            }
            simulator = demo
            endpoint.baseURL = demo.baseURL
            endpoint.apiKey = "demo"
            policy.timeScale = scale
            if announceDemo {
                Console.error("DEMO mode, simulated and free (set AIML_API_KEY for real jobs)")
            }
        }
        let configuration = EngineConfiguration(
            endpoint: endpoint, profile: settings.profileName,
            databaseURL: settings.paths.databaseFile(demo: settings.isDemo),
            downloadDirectory: settings.downloadDirectory, autoDownload: settings.autoDownload,
            policy: policy, requestsPerSecond: settings.requestsPerSecond, isDemo: settings.isDemo,
            home: ProcessInfo.processInfo.environment["HOME"], budget: settings.budget)
        do {
            _ = try settings.paths.createStateDirectory()
            let engine = try GenerationEngine(configuration: configuration, logger: logger)
            return EngineSession(settings: settings, engine: engine, simulator: simulator, logger: logger)
        } catch {
            await simulator?.stop()
            throw CLIFailure(.api, "could not open the job store: \(error)")
        }
    }

    /// Stops polling (leases go back to the store for other processes) and the simulator.
    func close() async {
        await engine.shutdown()
        await simulator?.stop()
    }
}
