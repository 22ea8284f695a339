import Foundation
import HailuoCore
import HailuoEngine
import Testing

@Suite("Config file: [budget]")
struct ConfigBudgetTests {
    func error(_ text: String) throws -> ConfigError? {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(text)
        do {
            _ = try sandbox.load()
            return nil
        } catch {
            return error
        }
    }

    @Test func theCapsAreRead() throws {
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig("[budget]\ndaily_usd = 5\nmonthly_usd = 50.5\nper_job_usd = 0.6\n")
        let settings = try sandbox.load()
        #expect(settings.budget == Budget(dailyUSD: 5, monthlyUSD: 50.5, perJobUSD: 0.6))
        #expect(settings.warnings.isEmpty)
        #expect(try ConfigSandbox().load().budget.isEmpty)
    }

    @Test func eachBadValueNamesTheKey() throws {
        for (key, value) in [
            ("daily_usd", "0"), ("monthly_usd", "-3"), ("per_job_usd", "\"lots\""), ("daily_usd", "true"),
            ("monthly_usd", "0.0"),
        ] {
            let failure = try #require(try error("[budget]\n\(key) = \(value)\n"), "\(key) = \(value) was accepted")
            let sentence = failure.description
            #expect(sentence.contains("budget.\(key)"), "\(sentence)")
            #expect(sentence.hasSuffix("."), "\(sentence)")
        }
    }

    @Test func anUnknownKeyIsAnErrorNamingIt() throws {
        let failure = try #require(try error("[budget]\ndaly_usd = 5\n"))
        #expect(failure.description.contains("budget.daly_usd"))
        #expect(failure.description.contains("daily_usd"))
    }

    @Test func theSampleHasTheTableAndParsesCleanly() throws {
        let sample = SettingsLoader.sampleConfig()
        #expect(sample.contains("[budget]"))
        for key in ["daily_usd", "monthly_usd", "per_job_usd"] { #expect(sample.contains(key)) }
        let sandbox = try ConfigSandbox()
        try sandbox.writeConfig(sample)
        #expect(try sandbox.load().warnings.isEmpty)
    }
}
