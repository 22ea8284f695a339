import Foundation
import HailuoCore

/// Builds ``Settings`` from flags, the environment and `config.toml`, in that order of precedence.
///
/// Environment variables read (only from the dictionary passed in): `AIML_API_KEY` (the key),
/// `AIML_API_BASE_URL`, `HAILUO_PROFILE`, `HOME` and the XDG variables (see ``HailuoPaths``).
public enum SettingsLoader {
    /// The provider's base URL.
    public static let defaultBaseURL = "https://api.aimlapi.com"
    /// The profile used when none is chosen; it need not be defined in the file.
    public static let defaultProfileName = "default"
    /// Largest config file read.
    static let maximumConfigSize = 1 << 20

    /// Loads the settings.
    ///
    /// - A missing default config file means built-in defaults; a missing `--config` file is an error.
    /// - The profile is `--profile`, else `HAILUO_PROFILE`, else the file's `profile`, else `default`;
    ///   a named profile the file does not define is an error (`default` always exists).
    /// - The key comes from `AIML_API_KEY` when set and non-empty, else from the profile's
    ///   `api_key_file` or `api_key_command`. With `--demo`, or when no key source is configured,
    ///   the run is a demo without a key. A configured source that fails is an error, never a demo.
    /// - Parameter keyCommandTimeout: seconds `api_key_command` may take before it is killed.
    public static func load(
        overrides: SettingsOverrides, environment: [String: String],
        keyCommandTimeout: Double = 10
    ) throws(ConfigError) -> Settings {
        var paths = HailuoPaths(environment: environment)
        let (configURL, loaded) = try readConfigFile(overrides: overrides, paths: paths)
        paths.configFile = configURL

        var settings = Settings(paths: paths)
        settings.configFileLoaded = loaded != nil
        let file = loaded ?? ConfigFile()
        let filePath = configURL.path
        settings.warnings = file.warnings

        // Profile.
        let (profileName, profileSource): (String, String) =
            if let name = nonEmpty(overrides.profile) {
                (name, "--profile")
            } else if let name = nonEmpty(environment["HAILUO_PROFILE"]) {
                (name, "HAILUO_PROFILE")
            } else if let name = file.profile { (name, "profile in \(filePath)") } else {
                (defaultProfileName, "the default")
            }
        let profile: ConfigFile.Profile
        if let defined = file.profiles[profileName] {
            profile = defined
        } else if profileName == defaultProfileName {
            profile = ConfigFile.Profile()
        } else {
            throw .unknownProfile(
                name: profileName, source: profileSource,
                known: Set(file.profiles.keys).union([defaultProfileName]).sorted())
        }
        settings.profileName = profileName

        // Endpoint.
        let profileKey = "profiles.\(profileName)"
        let (rawBaseURL, baseURLSource): (String, String) =
            if let url = nonEmpty(overrides.baseURL) {
                (url, "--base-url")
            } else if let url = nonEmpty(environment["AIML_API_BASE_URL"]) {
                (url, "AIML_API_BASE_URL")
            } else if let url = profile.baseURL { (url, "\(profileKey).base_url in \(filePath)") } else {
                (defaultBaseURL, "the default")
            }
        settings.baseURL = try normalizedBaseURL(rawBaseURL, source: baseURLSource)
        settings.family = overrides.family ?? profile.family ?? .vendor

        // Defaults for new jobs, downloads, polling, HTTP, notifications.
        settings.defaultModel = file.model ?? settings.defaultModel
        settings.defaultDuration = file.duration ?? settings.defaultDuration
        settings.defaultResolution = file.resolution ?? settings.defaultResolution
        settings.defaultPromptOptimizer = file.promptOptimizer ?? settings.defaultPromptOptimizer
        if settings.defaultResolution == .p1080, settings.defaultDuration != 6 {
            throw .invalidValue(
                key: "defaults.resolution", value: "\"1080P\" with duration \(settings.defaultDuration)",
                rule: "can be 1080P only with a duration of 6")
        }
        if let directory = file.downloadDirectory {
            settings.downloadDirectory =
                URL(fileURLWithPath: paths.expandTilde(directory), isDirectory: true)
                .standardizedFileURL
        }
        settings.autoDownload = file.autoDownload ?? settings.autoDownload
        settings.pollMinInterval = file.pollMinInterval ?? settings.pollMinInterval
        settings.pollMaxInterval = file.pollMaxInterval ?? settings.pollMaxInterval
        if settings.pollMinInterval > settings.pollMaxInterval {
            throw .invalidValue(
                key: "poll.min_interval", value: ConfigValue.number(settings.pollMinInterval),
                rule: "must not be more than poll.max_interval (\(ConfigValue.number(settings.pollMaxInterval)))")
        }
        settings.requestsPerSecond = file.requestsPerSecond ?? settings.requestsPerSecond
        settings.connectTimeout = file.connectTimeout ?? settings.connectTimeout
        settings.readTimeout = file.readTimeout ?? settings.readTimeout
        settings.notifyOnFinish = file.notifyOnFinish ?? settings.notifyOnFinish
        settings.showPictures = file.showPictures ?? settings.showPictures
        settings.budget = file.budget
        settings.batchMaxJobs = file.batchMaxJobs ?? settings.batchMaxJobs
        settings.batchMaxInFlight = file.batchMaxInFlight ?? settings.batchMaxInFlight

        // The key.
        let key = try resolveKey(
            overrides: overrides, environment: environment, profile: profile, paths: paths,
            timeout: keyCommandTimeout)
        settings.apiKey = key?.value
        // The source names a file from the config: shown in `hailuo config` and the status bar.
        settings.keySource = key.map { InertText.oneLine($0.source) } ?? (overrides.demo ? "none (--demo)" : "none")
        settings.isDemo = key == nil
        return settings
    }

    /// The config file to read and its checked contents (`nil` when the default file is absent).
    private static func readConfigFile(
        overrides: SettingsOverrides, paths: HailuoPaths
    ) throws(ConfigError) -> (URL, ConfigFile?) {
        let explicit = nonEmpty(overrides.configFile)
        let url =
            explicit.map { URL(fileURLWithPath: paths.expandTilde($0), isDirectory: false).standardizedFileURL }
            ?? paths.configFile
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                if explicit != nil { throw .configFileMissing(path: path) }
                return (url, nil)
            }
            throw .configFileUnreadable(path: path, reason: PrivateFiles.errorText(code))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .configFileUnreadable(path: path, reason: "it is not a regular file")
        }
        guard info.st_size <= maximumConfigSize else {
            throw .configFileUnreadable(path: path, reason: "it is larger than 1 MB")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .configFileUnreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .configFileUnreadable(path: path, reason: "it is not UTF-8 text")
        }
        return (url, try ConfigFile.parse(text, path: path))
    }

    private struct ResolvedKey {
        var value: String
        var source: String
    }

    private static func resolveKey(
        overrides: SettingsOverrides, environment: [String: String], profile: ConfigFile.Profile,
        paths: HailuoPaths, timeout: Double
    ) throws(ConfigError) -> ResolvedKey? {
        if overrides.demo { return nil }
        let resolved: ResolvedKey
        if let key = nonEmpty(environment["AIML_API_KEY"]?.trimmingCharacters(in: .whitespacesAndNewlines)) {
            resolved = ResolvedKey(value: key, source: "env AIML_API_KEY")
        } else if let file = profile.apiKeyFile {
            let key = try KeyFile.read(path: paths.expandTilde(file))
            resolved = ResolvedKey(value: key, source: "file \(file)")
        } else if let command = profile.apiKeyCommand {
            let key = try KeyCommand.run(command, environment: environment, timeout: timeout)
            resolved = ResolvedKey(value: key, source: "command")
        } else {
            return nil
        }
        guard KeyText.isWellFormed(resolved.value) else { throw .keyMalformed(source: resolved.source) }
        return resolved
    }

    /// `raw` checked as an absolute http(s) URL with a host and without credentials, query or
    /// fragment, trailing slashes removed.
    static func normalizedBaseURL(_ raw: String, source: String) throws(ConfigError) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
        guard let components = URLComponents(string: trimmed) else {
            throw .invalidBaseURL(value: shown, source: source, reason: "is not a URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .invalidBaseURL(value: shown, source: source, reason: "must start with http:// or https://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidBaseURL(value: shown, source: source, reason: "has no host name")
        }
        guard components.user == nil, components.password == nil else {
            // Do not echo credentials back.
            throw .invalidBaseURL(
                value: "\(scheme)://…@\(host)", source: source,
                reason: "must not contain a user name or password")
        }
        guard components.query == nil, components.fragment == nil else {
            throw .invalidBaseURL(value: shown, source: source, reason: "must not have a query or fragment")
        }
        var result = trimmed
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return value
    }
}
