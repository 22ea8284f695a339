import ArgumentParser
import Foundation
import HailuoEngine

/// `hailuo config`: show the settings in force, or print a sample config file.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the settings in force (the key only as a fingerprint), or a sample config file.")

    @Flag(help: "Print a commented sample config.toml.")
    var sample = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        if sample {
            Console.out(SettingsLoader.sampleConfig())
            return
        }
        let settings = try global.loadSettings()
        Console.out("config file   \(settings.paths.configFile.path)")
        Console.out("profile       \(settings.profileName)")
        Console.out("mode          \(settings.isDemo ? "DEMO (built-in simulator, no credits)" : "LIVE")")
        let target = settings.isDemo ? "the built-in simulator on 127.0.0.1" : settings.baseURL
        Console.out("base URL      \(target) (\(settings.family.rawValue) endpoints)")
        Console.out(
            "key           \(settings.isDemo ? "none" : "\(settings.keyFingerprint) from \(settings.keySource)")")
        Console.out("store         \(settings.paths.databaseFile(demo: settings.isDemo).path)")
        Console.out("log           \(settings.paths.logFile.path)")
        Console.out("downloads     \(settings.downloadDirectory.path) (auto: \(settings.autoDownload ? "on" : "off"))")
        Console.out(
            "defaults      \(settings.defaultModel), \(settings.defaultDuration) s, \(settings.defaultResolution.rawValue), optimizer \(settings.defaultPromptOptimizer ? "on" : "off")"
        )
        Console.out(
            "polling       every \(Int(settings.pollMinInterval))-\(Int(settings.pollMaxInterval)) s, at most \(settings.requestsPerSecond) requests/s"
        )
        Console.out("budget        \(settings.budget)")
    }
}
