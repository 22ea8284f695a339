import Foundation
import HailuoCore

/// The resolved configuration of one run: flag > environment > config file > default.
///
/// Produced by ``SettingsLoader/load(overrides:environment:keyCommandTimeout:)``. Printing a
/// `Settings` (description, debug description, `dump`) never shows the API key, only
/// ``keyFingerprint``.
public struct Settings: Sendable {
    /// The profile in use (`default` when none is chosen).
    public var profileName: String
    /// The provider's base URL: http or https, no trailing slash.
    public var baseURL: String
    /// Which endpoint family to speak.
    public var family: EndpointFamily
    /// The API key, or `nil` in demo mode. Never print, log or store it.
    public var apiKey: String?
    /// Where the key came from, for display: `env AIML_API_KEY`, `file ~/.config/hailuo/api_key`,
    /// `command`, or `none` in demo mode.
    public var keySource: String
    /// Running against the built-in simulator (no key configured, or `--demo`).
    public var isDemo: Bool
    /// Model used when a submit names none.
    public var defaultModel: ModelID
    /// Clip length used when a submit names none (6 or 10).
    public var defaultDuration: Int
    /// Resolution used when a submit names none.
    public var defaultResolution: Resolution
    /// Whether the provider may rewrite prompts, unless a submit says otherwise.
    public var defaultPromptOptimizer: Bool
    /// Where videos are saved (`~` expanded).
    public var downloadDirectory: URL
    /// Download each video as soon as it completes.
    public var autoDownload: Bool
    /// Shortest wait between two polls of one job, seconds (3...60).
    public var pollMinInterval: Double
    /// Longest wait between two polls of one job, seconds (3...60, not below ``pollMinInterval``).
    public var pollMaxInterval: Double
    /// One cap on poll requests per second for all jobs of a process.
    public var requestsPerSecond: Double
    /// Seconds allowed to open a connection.
    public var connectTimeout: Double
    /// Seconds allowed between bytes of an answer.
    public var readTimeout: Double
    /// How the terminal UI announces a finished job.
    public var notifyOnFinish: FinishNotice
    /// Whether the screen shows pictures: image thumbnails and clip frames (`[preview] pictures`).
    public var showPictures: Bool
    /// Spending caps (`[budget]`); none by default.
    public var budget: Budget
    /// The most jobs one batch file may make (`[batch] max_jobs`, default 100).
    public var batchMaxJobs: Int
    /// The most jobs of a batch pending at once (`[batch] max_in_flight`, default 4).
    public var batchMaxInFlight: Int
    /// The XDG paths; ``HailuoPaths/configFile`` is the file actually read (or looked for).
    public var paths: HailuoPaths
    /// Whether ``HailuoPaths/configFile`` existed and was read.
    public var configFileLoaded: Bool
    /// Problems that did not stop loading (unknown keys), one sentence each, with the names from
    /// the file already made inert (ready to print).
    public var warnings: [String]

    /// The built-in defaults: demo mode, no key, the provider's base URL, the vendor endpoints.
    public init(paths: HailuoPaths) {
        profileName = "default"
        baseURL = SettingsLoader.defaultBaseURL
        family = .vendor
        apiKey = nil
        keySource = "none"
        isDemo = true
        defaultModel = ModelCatalog.defaultModelID
        defaultDuration = 6
        defaultResolution = .p768
        defaultPromptOptimizer = true
        downloadDirectory = paths.defaultDownloadDirectory
        autoDownload = true
        pollMinInterval = 3
        pollMaxInterval = 60
        requestsPerSecond = 2
        connectTimeout = 10
        readTimeout = 30
        notifyOnFinish = .bell
        showPictures = true
        budget = Budget()
        batchMaxJobs = 100
        batchMaxInFlight = 4
        self.paths = paths
        configFileLoaded = false
        warnings = []
    }

    /// A harmless stand-in for the key: `…` and its last 4 characters (`…` alone for keys shorter
    /// than 12 characters, whose last 4 would give too much away; `none` without a key).
    public var keyFingerprint: String {
        guard let apiKey, !apiKey.isEmpty else { return "none" }
        return apiKey.count < 12 ? "…" : "…" + apiKey.suffix(4)
    }

    /// A redactor that hides this run's key.
    public var redactor: Redactor {
        Redactor(secrets: apiKey.map { [$0] } ?? [])
    }
}

extension Settings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Every setting on one line, the key shown only as its fingerprint.
    public var description: String {
        let key = apiKey == nil ? "none" : "[redacted] \(keyFingerprint)"
        return "Settings(profile: \(profileName), baseURL: \(baseURL), family: \(family.rawValue), "
            + "apiKey: \(key), keySource: \(keySource), demo: \(isDemo), model: \(defaultModel), "
            + "duration: \(defaultDuration), resolution: \(defaultResolution.rawValue), "
            + "promptOptimizer: \(defaultPromptOptimizer), downloadDirectory: \(downloadDirectory.path), "
            + "autoDownload: \(autoDownload), poll: \(pollMinInterval)...\(pollMaxInterval) s, "
            + "requestsPerSecond: \(requestsPerSecond), connectTimeout: \(connectTimeout), "
            + "readTimeout: \(readTimeout), notifyOnFinish: \(notifyOnFinish.rawValue), "
            + "budget: \(budget), batch: \(batchMaxJobs) jobs, \(batchMaxInFlight) in flight, "
            + "configFile: \(paths.configFile.path))"
    }

    /// The same as ``description``: the key is never shown.
    public var debugDescription: String { description }

    /// A mirror without the key, so `dump(settings)` cannot reveal it.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "profileName": profileName, "baseURL": baseURL, "family": family,
                "apiKey": apiKey == nil ? "none" : "[redacted] \(keyFingerprint)", "keySource": keySource,
                "isDemo": isDemo, "defaultModel": defaultModel, "defaultDuration": defaultDuration,
                "defaultResolution": defaultResolution, "defaultPromptOptimizer": defaultPromptOptimizer,
                "downloadDirectory": downloadDirectory, "autoDownload": autoDownload,
                "pollMinInterval": pollMinInterval, "pollMaxInterval": pollMaxInterval,
                "requestsPerSecond": requestsPerSecond, "connectTimeout": connectTimeout,
                "readTimeout": readTimeout, "notifyOnFinish": notifyOnFinish, "budget": budget,
                "batchMaxJobs": batchMaxJobs, "batchMaxInFlight": batchMaxInFlight, "paths": paths,
                "configFileLoaded": configFileLoaded, "warnings": warnings,
            ],
            displayStyle: .struct)
    }
}
