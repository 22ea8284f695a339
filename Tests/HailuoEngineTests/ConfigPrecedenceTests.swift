import Foundation
import HailuoCore
import HailuoEngine
import Testing

@Suite("Config precedence: flag > environment > file > default")
struct ConfigPrecedenceTests {
    static let profiles = """
        profile = "filepick"
        [profiles.default]
        base_url = "https://default-profile.example"
        [profiles.filepick]
        base_url = "https://file.example"
        [profiles.envpick]
        base_url = "https://envprofile.example"
        family = "unified"
        [profiles.flagpick]
        base_url = "https://flagprofile.example"
        """

    @Test func baseURLDefaultsToTheProvider() throws {
        let sandbox = try ConfigSandbox()
        #expect(try sandbox.load().baseURL == "https://api.aimlapi.com")
    }

    @Test func baseURLFromTheFileBeatsTheDefault() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\nbase_url = \"http://127.0.0.1:8080/\"")
        #expect(try sandbox.load().baseURL == "http://127.0.0.1:8080")
    }

    @Test func baseURLFromTheEnvironmentBeatsTheFile() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\nbase_url = \"https://file.example\"")
        sandbox.environment["AIML_API_BASE_URL"] = "https://env.example"
        #expect(try sandbox.load().baseURL == "https://env.example")
    }

    @Test func baseURLFromTheFlagBeatsTheEnvironment() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\nbase_url = \"https://file.example\"")
        sandbox.environment["AIML_API_BASE_URL"] = "https://env.example"
        let settings = try sandbox.load(SettingsOverrides(baseURL: "https://flag.example//"))
        #expect(settings.baseURL == "https://flag.example")
    }

    @Test func anEmptyEnvironmentValueCountsAsUnset() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\nbase_url = \"https://file.example\"")
        sandbox.environment["AIML_API_BASE_URL"] = ""
        sandbox.environment["HAILUO_PROFILE"] = " "
        let settings = try sandbox.load()
        #expect(settings.baseURL == "https://file.example")
        #expect(settings.profileName == "default")
    }

    @Test(arguments: [
        ("ftp://files.example", "must start with http:// or https://"),
        ("api.aimlapi.com", "must start with http:// or https://"),
        ("https://", "has no host name"),
        ("https://api.example/?x=1", "must not have a query or fragment"),
    ])
    func aBadBaseURLIsRefusedNamingItsSource(url: String, reason: String) throws {
        let sandbox = try ConfigSandbox()
        let error = try #require(throws: ConfigError.self) {
            try sandbox.load(SettingsOverrides(baseURL: url))
        }
        #expect(error.description.contains(reason), "\(error)")
        #expect(error.description.contains("--base-url"))
    }

    @Test func credentialsInABaseURLAreRefusedWithoutBeingEchoed() throws {
        let sandbox = try ConfigSandbox()
        sandbox.environment["AIML_API_BASE_URL"] = "https://me:hunter2@api.example"
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error.description.contains("must not contain a user name or password"))
        #expect(!error.description.contains("hunter2"))
    }

    @Test func profileComesFromTheFileWhenNothingElseNamesOne() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(Self.profiles)
        let settings = try sandbox.load()
        #expect(settings.profileName == "filepick")
        #expect(settings.baseURL == "https://file.example")
    }

    @Test func profileFromTheEnvironmentBeatsTheFile() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(Self.profiles)
        sandbox.environment["HAILUO_PROFILE"] = "envpick"
        let settings = try sandbox.load()
        #expect(settings.profileName == "envpick")
        #expect(settings.baseURL == "https://envprofile.example")
        #expect(settings.family == .unified)
    }

    @Test func profileFromTheFlagBeatsTheEnvironment() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(Self.profiles)
        sandbox.environment["HAILUO_PROFILE"] = "envpick"
        let settings = try sandbox.load(SettingsOverrides(profile: "flagpick"))
        #expect(settings.profileName == "flagpick")
        #expect(settings.baseURL == "https://flagprofile.example")
        #expect(settings.family == .vendor)
    }

    @Test func theFamilyFlagBeatsTheProfile() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(Self.profiles)
        let settings = try sandbox.load(SettingsOverrides(profile: "envpick", family: .vendor))
        #expect(settings.family == .vendor)
    }

    @Test func anUnknownProfileFromTheFlagListsTheKnownOnes() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(Self.profiles)
        let error = try #require(throws: ConfigError.self) {
            try sandbox.load(SettingsOverrides(profile: "nosuch"))
        }
        #expect(
            error
                == .unknownProfile(
                    name: "nosuch", source: "--profile", known: ["default", "envpick", "filepick", "flagpick"]))
        #expect(
            error.description
                == "There is no profile \"nosuch\" (from --profile); known profiles: default, envpick, filepick, flagpick."
        )
    }

    @Test func anUnknownProfileFromTheEnvironmentOrFileIsAnError() throws {
        let sandbox = try ConfigSandbox()
        sandbox.environment["HAILUO_PROFILE"] = "ghost"
        let fromEnvironment = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(fromEnvironment == .unknownProfile(name: "ghost", source: "HAILUO_PROFILE", known: ["default"]))

        sandbox.environment["HAILUO_PROFILE"] = nil
        try sandbox.writeConfig("profile = \"phantom\"")
        let fromFile = try #require(throws: ConfigError.self) { try sandbox.load() }
        guard case .unknownProfile(let name, let source, _) = fromFile else {
            Issue.record("unexpected error \(fromFile)")
            return
        }
        #expect(name == "phantom")
        #expect(source.hasPrefix("profile in "))
    }

    @Test func theDefaultProfileNeedNotBeDefined() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.other]\nbase_url = \"https://other.example\"")
        let settings = try sandbox.load(SettingsOverrides(profile: "default"))
        #expect(settings.profileName == "default")
        #expect(settings.baseURL == "https://api.aimlapi.com")
    }
}
