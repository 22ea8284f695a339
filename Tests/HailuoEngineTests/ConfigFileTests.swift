import Foundation
import HailuoCore
import HailuoEngine
import HailuoTestSupport
import Testing

@Suite("Config file")
struct ConfigFileTests {
    @Test func everyKeyIsRead() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(
            """
            profile = "work"
            [defaults]
            model = "minimax/hailuo-2.3"
            duration = 10
            resolution = "768p"
            prompt_optimizer = false
            [download]
            directory = "~/Movies/clips"
            auto = false
            [poll]
            min_interval = 4
            max_interval = 45.5
            requests_per_second = 0.5
            [http]
            connect_timeout = 5
            read_timeout = 12.5
            [notify]
            on_finish = "osc777"
            [preview]
            pictures = false
            [profiles.default]
            base_url = "https://default.example"
            [profiles.work]
            base_url = "https://proxy.example/aiml/"
            family = "unified"
            """)
        let settings = try sandbox.load()
        #expect(settings.profileName == "work")
        #expect(settings.baseURL == "https://proxy.example/aiml")
        #expect(settings.family == .unified)
        #expect(settings.defaultModel == "minimax/hailuo-2.3")
        #expect(settings.defaultDuration == 10)
        #expect(settings.defaultResolution == .p768)
        #expect(settings.defaultPromptOptimizer == false)
        #expect(settings.downloadDirectory.path == sandbox.home.appendingPathComponent("Movies/clips").path)
        #expect(settings.autoDownload == false)
        #expect(settings.pollMinInterval == 4)
        #expect(settings.pollMaxInterval == 45.5)
        #expect(settings.requestsPerSecond == 0.5)
        #expect(settings.connectTimeout == 5)
        #expect(settings.readTimeout == 12.5)
        #expect(settings.notifyOnFinish == .osc777)
        #expect(settings.showPictures == false)
        #expect(settings.configFileLoaded)
        #expect(settings.warnings.isEmpty)
    }

    @Test func withoutAFileEverythingIsDefault() throws {
        let sandbox = try ConfigSandbox()
        let settings = try sandbox.load()
        #expect(!settings.configFileLoaded)
        #expect(settings.profileName == "default")
        #expect(settings.baseURL == "https://api.aimlapi.com")
        #expect(settings.family == .vendor)
        #expect(settings.defaultModel == "minimax/hailuo-02")
        #expect(settings.defaultDuration == 6)
        #expect(settings.defaultResolution == .p768)
        #expect(settings.defaultPromptOptimizer)
        #expect(settings.downloadDirectory == sandbox.home.appendingPathComponent("Videos/hailuo", isDirectory: true))
        #expect(settings.autoDownload)
        #expect(settings.pollMinInterval == 3)
        #expect(settings.pollMaxInterval == 60)
        #expect(settings.requestsPerSecond == 2)
        #expect(settings.connectTimeout == 10)
        #expect(settings.readTimeout == 30)
        #expect(settings.notifyOnFinish == .bell)
        #expect(settings.showPictures)
        #expect(settings.paths.configFile == sandbox.configFile)
    }

    @Test func theSampleConfigParsesCleanlyWithTheDefaults() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(SettingsLoader.sampleConfig())
        let settings = try sandbox.load()
        #expect(settings.configFileLoaded)
        #expect(settings.warnings.isEmpty)
        #expect(settings.baseURL == "https://api.aimlapi.com")
        #expect(settings.pollMinInterval == 3)
        #expect(settings.isDemo)
        #expect(SettingsLoader.sampleConfig().contains("chmod 600"))
    }

    @Test func malformedTOMLNamesFileLineAndColumn() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("profile = \"default\"\n[poll]\nmin_interval = = 3\n")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        guard case .malformedTOML(let path, let line, let column, _) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(path == sandbox.configFile.path)
        #expect(line == 3)
        #expect(column != nil)
        #expect(error.description.contains("line 3"))
        #expect(error.description.contains(sandbox.configFile.path))
    }

    @Test func wrongTypeSaysWhatWasExpectedAndWhatCame() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[poll]\nmax_interval = \"fast\"\n")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error.description == #"poll.max_interval must be a number of seconds, got "fast"."#)
    }

    @Test(arguments: [
        ("[defaults]\nprompt_optimizer = \"yes\"", "defaults.prompt_optimizer must be true or false"),
        ("[defaults]\nduration = 6.5", "defaults.duration must be a whole number of seconds"),
        ("[download]\nauto = 1", "download.auto must be true or false"),
        ("poll = 5", "poll must be a table"),
        ("profile = 3", "profile must be a string"),
        ("[profiles]\nwork = \"x\"", "profiles.work must be a table"),
        ("[http]\nread_timeout = [1]", "http.read_timeout must be a number of seconds, got an array"),
    ])
    func otherWrongTypesAreRefused(toml: String, message: String) throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(toml)
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error.description.hasPrefix(message), "\(error)")
    }

    @Test(arguments: [
        ("[poll]\nmin_interval = 2", "poll.min_interval must be between 3 and 60 seconds, got 2."),
        ("[poll]\nmax_interval = 61", "poll.max_interval must be between 3 and 60 seconds, got 61."),
        (
            "[poll]\nmin_interval = 30\nmax_interval = 10",
            "poll.min_interval must not be more than poll.max_interval (10), got 30."
        ),
        (
            "[poll]\nrequests_per_second = 0",
            "poll.requests_per_second must be between 0.01 and 50 requests per second, got 0."
        ),
        ("[http]\nconnect_timeout = 0", "http.connect_timeout must be more than 0 and at most 600 seconds, got 0."),
        ("[defaults]\nduration = 8", "defaults.duration must be 6 or 10, got 8."),
        (
            "[defaults]\nduration = 10\nresolution = \"1080P\"",
            "defaults.resolution can be 1080P only with a duration of 6, got \"1080P\" with duration 10."
        ),
        (
            "[download]\ndirectory = \"videos\"",
            "download.directory must be an absolute path or start with ~/, got \"videos\"."
        ),
        ("[defaults]\nmodel = \"\"", "defaults.model must not be empty, got \"\"."),
    ])
    func outOfRangeValuesAreRefused(toml: String, message: String) throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(toml)
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error.description == message)
    }

    @Test(arguments: [
        ("[defaults]\nresolution = \"4K\"", "defaults.resolution must be one of 480P, 768P, 1080P, 2K, got \"4K\"."),
        ("[notify]\non_finish = \"popup\"", "notify.on_finish must be one of bell, osc9, osc777, none, got \"popup\"."),
        (
            "[profiles.default]\nfamily = \"legacy\"",
            "profiles.default.family must be one of vendor, unified, got \"legacy\"."
        ),
    ])
    func unknownEnumValuesListTheAllowedOnes(toml: String, message: String) throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(toml)
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error.description == message)
    }

    @Test func unknownModelListsTheKnownModels() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[defaults]\nmodel = \"sora\"")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error.description.hasPrefix("defaults.model must be one of minimax/hailuo-02, "))
        #expect(error.description.hasSuffix("got \"sora\"."))
    }

    @Test func unknownKeysAreWarningsNotErrors() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(
            """
            colour = "blue"
            [poll]
            min_interval = 5
            turbo = true
            [profiles.default]
            base_url = "https://x.example"
            timeout = 3
            [extra]
            a = 1
            """)
        let settings = try sandbox.load()
        #expect(settings.pollMinInterval == 5)
        #expect(settings.baseURL == "https://x.example")
        let path = sandbox.configFile.path
        #expect(
            settings.warnings == [
                "unknown key colour in \(path) (ignored)",
                "unknown key extra in \(path) (ignored)",
                "unknown key poll.turbo in \(path) (ignored)",
                "unknown key profiles.default.timeout in \(path) (ignored)",
            ])
    }

    @Test func aKeyWrittenIntoTheConfigIsRefusedWithoutEchoingIt() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\napi_key = \"sk-secret-in-config-123\"")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error == .keyInConfig(profile: "default"))
        #expect(!error.description.contains("sk-secret-in-config-123"))
    }

    @Test func twoKeySourcesInOneProfileAreRefused() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"~/k\"\napi_key_command = \"echo k\"")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error == .conflictingKeySources(profile: "default"))
    }

    @Test func anExplicitConfigFileMustExist() throws {
        let sandbox = try ConfigSandbox()
        let missing = sandbox.root.appendingPathComponent("nope.toml").path
        let error = try #require(throws: ConfigError.self) {
            try sandbox.load(SettingsOverrides(configFile: missing))
        }
        #expect(error == .configFileMissing(path: missing))
    }

    @Test func anExplicitConfigFileIsReadInsteadOfTheDefaultOne() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[poll]\nmin_interval = 7")
        let other = sandbox.root.appendingPathComponent("other.toml")
        try "[poll]\nmin_interval = 9\n".write(to: other, atomically: true, encoding: .utf8)
        let settings = try sandbox.load(SettingsOverrides(configFile: other.path))
        #expect(settings.pollMinInterval == 9)
        #expect(settings.paths.configFile.path == other.path)
    }

    @Test func aConfigPathThatIsAFolderIsRefused() throws {
        let sandbox = try ConfigSandbox()
        try FileManager.default.createDirectory(at: sandbox.configFile, withIntermediateDirectories: true)
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error == .configFileUnreadable(path: sandbox.configFile.path, reason: "it is not a regular file"))
    }
}

/// A private temporary HOME with XDG folders, removed when the sandbox goes away.
final class ConfigSandbox: @unchecked Sendable {
    let root: URL
    let home: URL
    let configHome: URL
    let stateHome: URL
    var environment: [String: String]

    init() throws {
        root = try TemporaryFolder("hailuo-config").url
        home = root.appendingPathComponent("home", isDirectory: true)
        configHome = root.appendingPathComponent("config", isDirectory: true)
        stateHome = root.appendingPathComponent("state", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": configHome.path, "XDG_STATE_HOME": stateHome.path,
            "PATH": "/usr/bin:/bin",
        ]
    }

    deinit {
        TemporaryFolder.remove(root)
    }

    var configFile: URL { configHome.appendingPathComponent("hailuo/config.toml", isDirectory: false) }

    func writeConfig(_ text: String) throws {
        try FileManager.default.createDirectory(
            at: configFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: configFile, atomically: true, encoding: .utf8)
    }

    /// Writes `text` to `relativePath` under HOME with `mode`, returning its URL.
    @discardableResult
    func writeHomeFile(_ relativePath: String, _ text: String, mode: Int) throws -> URL {
        let url = home.appendingPathComponent(relativePath, isDirectory: false)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url
    }

    func load(_ overrides: SettingsOverrides = SettingsOverrides(), keyCommandTimeout: Double = 10) throws(ConfigError)
        -> Settings
    {
        try SettingsLoader.load(overrides: overrides, environment: environment, keyCommandTimeout: keyCommandTimeout)
    }

    static func mode(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
