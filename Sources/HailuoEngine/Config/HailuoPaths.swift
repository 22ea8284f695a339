import Foundation

/// Where `hailuo` keeps its files, following the XDG base directory rules.
///
/// Built only from the environment dictionary it is given (tests pass their own); the single
/// exception is `$XDG_CONFIG_HOME/user-dirs.dirs`, which is read from disk when present.
/// XDG variables that are empty or not absolute are ignored, as the XDG specification asks.
public struct HailuoPaths: Sendable, Equatable {
    /// The home folder used for defaults and to expand `~`.
    public var home: URL
    /// `$XDG_CONFIG_HOME/hailuo` (default `~/.config/hailuo`).
    public var configDirectory: URL
    /// The configuration file: `$XDG_CONFIG_HOME/hailuo/config.toml`, or the file given with
    /// `--config` once ``SettingsLoader`` has resolved it.
    public var configFile: URL
    /// `$XDG_STATE_HOME/hailuo` (default `~/.local/state/hailuo`): job stores and the log. Mode 0700.
    public var stateDirectory: URL
    /// Where videos go when the config names no folder: `$XDG_VIDEOS_DIR/hailuo`, else the
    /// `XDG_VIDEOS_DIR` of `user-dirs.dirs`, else `~/Videos/hailuo`.
    public var defaultDownloadDirectory: URL

    /// The log file in the state folder.
    public var logFile: URL { stateDirectory.appendingPathComponent("hailuo.log", isDirectory: false) }

    /// The terminal screen's unsent draft (one per store: demo drafts stay with demo jobs).
    public func draftFile(demo: Bool) -> URL {
        stateDirectory.appendingPathComponent(demo ? "demo-draft.json" : "draft.json", isDirectory: false)
    }

    /// The SQLite job store: `jobs.sqlite`, or `demo.sqlite` for demo mode (kept apart so demo jobs
    /// never mix with real, paid ones).
    public func databaseFile(demo: Bool) -> URL {
        stateDirectory.appendingPathComponent(demo ? "demo.sqlite" : "jobs.sqlite", isDirectory: false)
    }

    /// Resolves every path from `environment` (`HOME`, `XDG_CONFIG_HOME`, `XDG_STATE_HOME`,
    /// `XDG_VIDEOS_DIR`). Without `HOME`, the account's home folder from the password database is used.
    public init(environment: [String: String]) {
        let homePath = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? Self.accountHome()
        let home = URL(fileURLWithPath: homePath, isDirectory: true).standardizedFileURL
        self.home = home

        let configHome =
            Self.absoluteDirectory(environment["XDG_CONFIG_HOME"])
            ?? home.appendingPathComponent(".config", isDirectory: true)
        let stateHome =
            Self.absoluteDirectory(environment["XDG_STATE_HOME"])
            ?? home.appendingPathComponent(".local/state", isDirectory: true)

        configDirectory = configHome.appendingPathComponent("hailuo", isDirectory: true)
        configFile = configDirectory.appendingPathComponent("config.toml", isDirectory: false)
        stateDirectory = stateHome.appendingPathComponent("hailuo", isDirectory: true)

        let videos =
            Self.absoluteDirectory(environment["XDG_VIDEOS_DIR"])
            ?? UserDirs.videosDirectory(
                file: configHome.appendingPathComponent("user-dirs.dirs", isDirectory: false), home: homePath)
            ?? home.appendingPathComponent("Videos", isDirectory: true)
        defaultDownloadDirectory = videos.appendingPathComponent("hailuo", isDirectory: true)
    }

    /// Creates the state folder (and missing parents) with mode 0700, and tightens it to 0700 if it
    /// already exists with looser permissions.
    @discardableResult
    public func createStateDirectory() throws(ConfigError) -> URL {
        try PrivateFiles.ensureDirectory(at: stateDirectory)
        return stateDirectory
    }

    /// Expands a leading `~` or `~/` against ``home``; other paths are returned as given.
    public func expandTilde(_ path: String) -> String {
        PathExpansion.expandTilde(path, home: home.path)
    }

    private static func absoluteDirectory(_ value: String?) -> URL? {
        guard let value, value.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: value, isDirectory: true).standardizedFileURL
    }

    private static func accountHome() -> String {
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir {
            let path = String(cString: dir)
            if path.hasPrefix("/") { return path }
        }
        return "/"
    }
}
