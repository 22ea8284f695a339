import HailuoCore

/// What the command line says, which beats the environment and the config file.
///
/// There is deliberately no API key here: a key given as an argument would be visible to every
/// user in `ps`.
public struct SettingsOverrides: Sendable, Equatable {
    /// `--config FILE`: this file must exist.
    public var configFile: String?
    /// `--profile NAME`.
    public var profile: String?
    /// `--base-url URL`.
    public var baseURL: String?
    /// `--demo`: run against the built-in simulator, whatever key is configured.
    public var demo: Bool
    /// An endpoint family chosen on the command line.
    public var family: EndpointFamily?

    /// Overrides as parsed from the command line; `nil` means "not given".
    public init(
        configFile: String? = nil, profile: String? = nil, baseURL: String? = nil, demo: Bool = false,
        family: EndpointFamily? = nil
    ) {
        self.configFile = configFile
        self.profile = profile
        self.baseURL = baseURL
        self.demo = demo
        self.family = family
    }
}
