import Foundation
import HailuoCore
import HailuoEngine
import Testing

@Suite("Config key sources")
struct ConfigKeySourceTests {
    static let key = "sk-aiml-0123456789abcdefWXYZ"

    @Test func theEnvironmentKeyWinsAndIsNotDemo() throws {
        let sandbox = try ConfigSandbox()
        // A configured file that does not exist is not even looked at.
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"~/missing\"")
        sandbox.environment["AIML_API_KEY"] = " \(Self.key)\n"
        let settings = try sandbox.load()
        #expect(settings.apiKey == Self.key)
        #expect(settings.keySource == "env AIML_API_KEY")
        #expect(!settings.isDemo)
        #expect(settings.keyFingerprint == "…WXYZ")
    }

    @Test func aPrivateKeyFileIsAcceptedAndTrimmed() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeHomeFile(".config/hailuo/api_key", "\n  \(Self.key)  \nnotes below\n", mode: 0o600)
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"~/.config/hailuo/api_key\"")
        let settings = try sandbox.load()
        #expect(settings.apiKey == Self.key)
        #expect(settings.keySource == "file ~/.config/hailuo/api_key")
        #expect(!settings.isDemo)
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func aKeyFileOthersCanReadIsRefusedWithTheChmodHint(mode: Int) throws {
        let sandbox = try ConfigSandbox()
        let file = try sandbox.writeHomeFile("api_key", Self.key, mode: mode)
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"~/api_key\"")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error == .keyFileTooOpen(path: file.path, mode: "0" + String(mode, radix: 8)))
        #expect(error.description.contains("chmod 600 \(file.path)"))
        #expect(!error.description.contains(Self.key))
    }

    @Test func aMissingKeyFileIsAClearErrorNotDemo() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"~/nothing/here\"")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        let path = sandbox.home.appendingPathComponent("nothing/here").path
        #expect(error == .keyFileMissing(path: path))
        #expect(error.description.contains("does not exist"))
    }

    @Test func anEmptyKeyFileIsRefused() throws {
        let sandbox = try ConfigSandbox()
        let file = try sandbox.writeHomeFile("api_key", " \n\n", mode: 0o600)
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"~/api_key\"")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error == .keyFileEmpty(path: file.path))
    }

    @Test func aKeyFileThatIsAFolderOrAFIFOIsRefusedWithoutBlocking() throws {
        let sandbox = try ConfigSandbox()
        let folder = sandbox.home.appendingPathComponent("keydir")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"\(folder.path)\"")
        #expect(throws: ConfigError.keyFileNotRegular(path: folder.path)) { try sandbox.load() }

        let fifo = sandbox.home.appendingPathComponent("keyfifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"\(fifo.path)\"")
        #expect(throws: ConfigError.keyFileNotRegular(path: fifo.path)) { try sandbox.load() }
    }

    @Test func aKeyWithSpacesInsideIsRefused() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeHomeFile("api_key", "sk one two", mode: 0o600)
        try sandbox.writeConfig("[profiles.default]\napi_key_file = \"~/api_key\"")
        #expect(throws: ConfigError.keyMalformed(source: "file ~/api_key")) { try sandbox.load() }
    }

    @Test func aKeyCommandGivesTheFirstLineOfItsOutput() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(
            "[profiles.default]\napi_key_command = \"printf '\(Self.key)\\\\nsecond line\\\\n'\"")
        let settings = try sandbox.load()
        #expect(settings.apiKey == Self.key)
        #expect(settings.keySource == "command")
        #expect(!settings.isDemo)
    }

    @Test func theKeyCommandSeesTheGivenEnvironment() throws {
        let sandbox = try ConfigSandbox()
        sandbox.environment["SECRET_FOR_TEST"] = Self.key
        try sandbox.writeConfig("[profiles.default]\napi_key_command = 'echo \"$SECRET_FOR_TEST\"'")
        #expect(try sandbox.load().apiKey == Self.key)
    }

    @Test func aFailingKeyCommandQuotesItsErrorMadeInert() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(
            #"""
            [profiles.default]
            api_key_command = '''printf 'vault locked \033[31mred\n2nd line\n' >&2; exit 3'''
            """#)
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error == .keyCommandFailed(status: "exit status 3", stderrLine: "vault locked \u{1B}[31mred"))
        #expect(error.description.contains("vault locked \\e[31mred"))
        #expect(!error.description.contains("\u{1B}"))
        #expect(!error.description.contains("2nd line"))
    }

    @Test func aKeyCommandKilledByASignalSaysSo() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\napi_key_command = 'kill -9 $$'")
        let error = try #require(throws: ConfigError.self) { try sandbox.load() }
        #expect(error == .keyCommandFailed(status: "killed by signal 9", stderrLine: ""))
    }

    @Test func aHangingKeyCommandIsKilledAfterTheTimeout() throws {
        let sandbox = try ConfigSandbox()
        // The background sleep keeps the pipe open: only killing the whole group ends it.
        try sandbox.writeConfig("[profiles.default]\napi_key_command = 'sleep 30 & sleep 30'")
        let error = try #require(throws: ConfigError.self) { try sandbox.load(keyCommandTimeout: 0.2) }
        #expect(error == .keyCommandTimedOut(seconds: 0.2))
        #expect(error.description.contains("did not finish within 0.2 s"))
    }

    @Test func aKeyCommandThatPrintsNothingIsAnError() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[profiles.default]\napi_key_command = 'true'")
        #expect(throws: ConfigError.keyCommandEmpty) { try sandbox.load() }
    }

    @Test func demoFlagIgnoresEveryKeySource() throws {
        let sandbox = try ConfigSandbox()
        sandbox.environment["AIML_API_KEY"] = Self.key
        try sandbox.writeConfig("[profiles.default]\napi_key_command = 'exit 1'")
        let settings = try sandbox.load(SettingsOverrides(demo: true))
        #expect(settings.isDemo)
        #expect(settings.apiKey == nil)
        #expect(settings.keySource == "none (--demo)")
    }

    @Test func noKeySourceAtAllMeansDemo() throws {
        let sandbox = try ConfigSandbox()
        sandbox.environment["AIML_API_KEY"] = "   "
        try sandbox.writeConfig("[profiles.default]\nbase_url = \"https://api.aimlapi.com\"")
        let settings = try sandbox.load()
        #expect(settings.isDemo)
        #expect(settings.apiKey == nil)
        #expect(settings.keyFingerprint == "none")
    }

    @Test func printingSettingsNeverShowsTheKey() throws {
        let sandbox = try ConfigSandbox()
        sandbox.environment["AIML_API_KEY"] = Self.key
        let settings = try sandbox.load()
        var dumped = ""
        dump(settings, to: &dumped)
        for text in [
            settings.description, settings.debugDescription, "\(settings)", String(reflecting: settings), dumped,
        ] {
            #expect(!text.contains(Self.key))
            #expect(!text.contains("0123456789"))
        }
        #expect(settings.description.contains("[redacted] …WXYZ"))
    }

    @Test func shortKeysGetNoTailInTheirFingerprint() throws {
        let sandbox = try ConfigSandbox()
        sandbox.environment["AIML_API_KEY"] = "abc12345"
        #expect(try sandbox.load().keyFingerprint == "…")
    }
}
