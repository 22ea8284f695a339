import ArgumentParser
import HailuoCore
import HailuoEngine

extension EndpointFamily: ExpressibleByArgument {}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Flag(help: "Run against the built-in simulator: nothing is sent to the real API, no credits are spent.")
    var demo = false

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("API base URL (default https://api.aimlapi.com; env AIML_API_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Config file (default $XDG_CONFIG_HOME/hailuo/config.toml).", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("Config profile to use (env HAILUO_PROFILE).", valueName: "name"))
    var profile: String?

    @Option(
        help: ArgumentHelp(
            "Endpoint family: vendor (/v2/generate/video/minimax/generation) or unified (/v2/video/generations).",
            valueName: "family"))
    var family: EndpointFamily?

    var overrides: SettingsOverrides {
        SettingsOverrides(configFile: config, profile: profile, baseURL: baseURL, demo: demo, family: family)
    }
}
