import Foundation
import HailuoEngine

extension GlobalOptions {
    /// Settings from flags, the environment and the config file; a config problem is a usage
    /// error (exit 2) and its warnings go to stderr.
    func loadSettings() throws -> Settings {
        let settings: Settings
        do {
            settings = try SettingsLoader.load(overrides: overrides, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CLIFailure(.usage, String(describing: error))
        }
        for warning in settings.warnings { Console.error("config: \(warning)") }
        return settings
    }
}
