import HailuoCore

/// The checked contents of one `config.toml`; every value optional (absent means "not set here").
struct ConfigFile: Sendable, Equatable {
    /// One `[profiles.NAME]` table.
    struct Profile: Sendable, Equatable {
        var baseURL: String?
        var family: EndpointFamily?
        var apiKeyFile: String?
        var apiKeyCommand: String?
    }

    var profile: String?
    var model: ModelID?
    var duration: Int?
    var resolution: Resolution?
    var promptOptimizer: Bool?
    var downloadDirectory: String?
    var autoDownload: Bool?
    var pollMinInterval: Double?
    var pollMaxInterval: Double?
    var requestsPerSecond: Double?
    var connectTimeout: Double?
    var readTimeout: Double?
    var notifyOnFinish: FinishNotice?
    var showPictures: Bool?
    var budget = Budget()
    /// `[batch] max_jobs`: the most jobs one batch file may make.
    var batchMaxJobs: Int?
    /// `[batch] max_in_flight`: the most jobs of a batch pending at once.
    var batchMaxInFlight: Int?
    var profiles: [String: Profile] = [:]
    /// Unknown keys, one sentence each.
    var warnings: [String] = []

    init() {}

    /// Parses and checks `text`; `path` is only used in messages.
    static func parse(_ text: String, path: String) throws(ConfigError) -> ConfigFile {
        let root = ConfigSection(name: "", values: try ConfigValue.parseDocument(text, path: path))
        var file = ConfigFile()
        file.warnings += root.unknownKeys(
            known: [
                "profile", "defaults", "download", "poll", "http", "notify", "budget", "preview", "batch", "profiles",
            ],
            file: path)
        file.profile = try root.nonEmptyString("profile")
        if let defaults = try root.section("defaults") { try file.readDefaults(defaults, path: path) }
        if let download = try root.section("download") { try file.readDownload(download, path: path) }
        if let poll = try root.section("poll") { try file.readPoll(poll, path: path) }
        if let http = try root.section("http") { try file.readHTTP(http, path: path) }
        if let notify = try root.section("notify") {
            file.warnings += notify.unknownKeys(known: ["on_finish"], file: path)
            if let style = try notify.string("on_finish") {
                guard let notice = FinishNotice(rawValue: style.lowercased()) else {
                    throw .unknownValue(
                        key: notify.fullKey("on_finish"), value: ConfigValue.string(style).shown,
                        allowed: FinishNotice.allCases.map(\.rawValue))
                }
                file.notifyOnFinish = notice
            }
        }
        if let preview = try root.section("preview") {
            file.warnings += preview.unknownKeys(known: ["pictures"], file: path)
            file.showPictures = try preview.bool("pictures")
        }
        if let budget = try root.section("budget") { file.budget = try readBudget(budget) }
        if let batch = try root.section("batch") { try file.readBatch(batch, path: path) }
        if let profiles = try root.section("profiles") {
            for name in profiles.values.keys.sorted() {
                guard let section = try profiles.section(name) else { continue }
                file.profiles[name] = try readProfile(section, name: name, path: path, warnings: &file.warnings)
            }
        }
        return file
    }

    private mutating func readDefaults(_ section: ConfigSection, path: String) throws(ConfigError) {
        warnings += section.unknownKeys(known: ["model", "duration", "resolution", "prompt_optimizer"], file: path)
        if let text = try section.nonEmptyString("model") {
            let model = ModelID(text)
            guard ModelCatalog.model(model) != nil else {
                throw .unknownValue(
                    key: section.fullKey("model"), value: ConfigValue.string(text).shown,
                    allowed: ModelCatalog.ids.map(\.rawValue))
            }
            self.model = model
        }
        if let duration = try section.integer("duration", expected: "a whole number of seconds") {
            guard duration == 6 || duration == 10 else {
                throw .invalidValue(key: section.fullKey("duration"), value: String(duration), rule: "must be 6 or 10")
            }
            self.duration = duration
        }
        if let text = try section.string("resolution") {
            guard let resolution = Resolution(rawValue: text.uppercased()) else {
                throw .unknownValue(
                    key: section.fullKey("resolution"), value: ConfigValue.string(text).shown,
                    allowed: Resolution.allCases.map(\.rawValue))
            }
            self.resolution = resolution
        }
        promptOptimizer = try section.bool("prompt_optimizer")
        if resolution == .p1080, let duration, duration != 6 {
            throw .invalidValue(
                key: section.fullKey("resolution"), value: "\"1080P\" with duration \(duration)",
                rule: "can be 1080P only with a duration of 6")
        }
    }

    private mutating func readDownload(_ section: ConfigSection, path: String) throws(ConfigError) {
        warnings += section.unknownKeys(known: ["directory", "auto"], file: path)
        if let directory = try section.nonEmptyString("directory") {
            guard directory.hasPrefix("/") || directory == "~" || directory.hasPrefix("~/") else {
                throw .invalidValue(
                    key: section.fullKey("directory"), value: ConfigValue.string(directory).shown,
                    rule: "must be an absolute path or start with ~/")
            }
            downloadDirectory = directory
        }
        autoDownload = try section.bool("auto")
    }

    private mutating func readPoll(_ section: ConfigSection, path: String) throws(ConfigError) {
        warnings += section.unknownKeys(known: ["min_interval", "max_interval", "requests_per_second"], file: path)
        pollMinInterval = try section.number(
            "min_interval", expected: "a number of seconds", within: 3...60, rule: "must be between 3 and 60 seconds")
        pollMaxInterval = try section.number(
            "max_interval", expected: "a number of seconds", within: 3...60, rule: "must be between 3 and 60 seconds")
        requestsPerSecond = try section.number(
            "requests_per_second", expected: "a number", within: 0.01...50,
            rule: "must be between 0.01 and 50 requests per second")
        if let low = pollMinInterval, let high = pollMaxInterval, low > high {
            throw .invalidValue(
                key: section.fullKey("min_interval"), value: ConfigValue.number(low),
                rule: "must not be more than poll.max_interval (\(ConfigValue.number(high)))")
        }
    }

    private mutating func readBatch(_ section: ConfigSection, path: String) throws(ConfigError) {
        warnings += section.unknownKeys(known: ["max_jobs", "max_in_flight"], file: path)
        for (key, range) in [("max_jobs", 1...10_000), ("max_in_flight", 1...100)] {
            guard let value = try section.integer(key, expected: "a whole number") else { continue }
            guard range.contains(value) else {
                throw .invalidValue(
                    key: section.fullKey(key), value: String(value),
                    rule: "must be between \(range.lowerBound) and \(range.upperBound)")
            }
            if key == "max_jobs" { batchMaxJobs = value } else { batchMaxInFlight = value }
        }
    }

    private mutating func readHTTP(_ section: ConfigSection, path: String) throws(ConfigError) {
        warnings += section.unknownKeys(known: ["connect_timeout", "read_timeout"], file: path)
        let rule = "must be more than 0 and at most 600 seconds"
        connectTimeout = try section.number(
            "connect_timeout", expected: "a number of seconds", within: 0.001...600, rule: rule)
        readTimeout = try section.number(
            "read_timeout", expected: "a number of seconds", within: 0.001...600, rule: rule)
    }

    private static func readProfile(
        _ section: ConfigSection, name: String, path: String, warnings: inout [String]
    ) throws(ConfigError) -> Profile {
        if section.values["api_key"] != nil { throw .keyInConfig(profile: name) }
        warnings += section.unknownKeys(known: ["base_url", "family", "api_key_file", "api_key_command"], file: path)
        var profile = Profile()
        profile.baseURL = try section.nonEmptyString("base_url")
        if let family = try section.string("family") {
            guard let value = EndpointFamily(rawValue: family.lowercased()) else {
                throw .unknownValue(
                    key: section.fullKey("family"), value: ConfigValue.string(family).shown,
                    allowed: EndpointFamily.allCases.map(\.rawValue))
            }
            profile.family = value
        }
        profile.apiKeyFile = try section.nonEmptyString("api_key_file")
        profile.apiKeyCommand = try section.nonEmptyString("api_key_command")
        if profile.apiKeyFile != nil, profile.apiKeyCommand != nil {
            throw .conflictingKeySources(profile: name)
        }
        return profile
    }
}
