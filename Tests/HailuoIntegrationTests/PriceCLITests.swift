import Foundation
import HailuoSimulator
import HailuoTestSupport
import Testing

@Suite("hailuo submit: --dry-run and the budget", .serialized, .sharesTheMachine)
struct PriceCLITests {
    func json(_ text: String) throws -> [String: Any] {
        let line = try #require(text.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// A CLI pointed at `simulator` with a key, its home holding `config` as config.toml.
    func cli(_ home: URL, _ port: Int, config: String? = nil) throws -> CLIRunner {
        if let config {
            let file = home.appendingPathComponent("config/hailuo/config.toml")
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try config.write(to: file, atomically: true, encoding: .utf8)
        }
        return CLIRunner(
            home: home, extra: ["AIML_API_KEY": "sk-price-test-0001", "AIML_API_BASE_URL": "http://127.0.0.1:\(port)"])
    }

    @Test func aDryRunPricesAndSendsNothing() async throws {
        let home = try TemporaryFolder("hailuo-price").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator()
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let runner = try cli(home, port)
        let price = try #require(simulator.price(model: "minimax/hailuo-02", resolution: "1080P", duration: 6))

        let text = try await runner.run(["submit", "--prompt", "a boat", "--resolution", "1080P", "--dry-run"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("would send: minimax/hailuo-02 6 s 1080P"))
        // The catalogue's figure, or the built-in table's when the catalogue is slower than the
        // submit's patience on a loaded machine: the same $0.51 either way.
        #expect(text.stdout.contains("$0.51 (catalogue)") || text.stdout.contains("$0.51 (built-in table"))
        #expect(!text.stdout.contains("DEMO"))

        let object = try await runner.run([
            "submit", "--prompt", "a boat", "--resolution", "1080P", "--dry-run", "--json",
        ])
        #expect(object.status == 0, "\(object.stderr)")
        let fields = try json(object.stdout)
        #expect(fields["estimated_usd"] as? Double == price)
        #expect(fields["dry_run"] as? Bool == true)
        #expect(fields["resolution"] as? String == "1080P")
        #expect(fields["duration"] as? Int == 6)
        #expect(fields["model"] as? String == "minimax/hailuo-02")
        #expect(fields["budget_refusal"] is NSNull)

        #expect(simulator.recordedRequests().filter { $0.kind == .create }.isEmpty)
        #expect(try await runner.run(["jobs", "--json"]).stdout.isEmpty)
    }

    @Test func aDryRunWithAnUnknownPriceSaysWhyAndHasNull() async throws {
        let home = try TemporaryFolder("hailuo-price").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator()
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        simulator.setPricing(.variable, forModel: "minimax/hailuo-02")
        let runner = try cli(home, port)
        let text = try await runner.run(["submit", "--prompt", "a boat", "--dry-run"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("price unknown: "))
        let object = try await runner.run(["submit", "--prompt", "a boat", "--dry-run", "--json"])
        let fields = try json(object.stdout)
        #expect(fields.keys.contains("estimated_usd"))
        #expect(fields["estimated_usd"] is NSNull)
    }

    @Test func aDryRunValidatesAsARealSubmitAndDemoSaysSo() async throws {
        let home = try TemporaryFolder("hailuo-price").url
        defer { TemporaryFolder.remove(home) }
        let runner = CLIRunner(home: home)
        let bad = try await runner.run([
            "submit", "--prompt", "hd", "--duration", "10", "--resolution", "1080P", "--dry-run",
        ])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("nothing was sent"))
        let demo = try await runner.run(["submit", "--prompt", "a boat", "--dry-run"])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("DEMO"))
        #expect(demo.stdout.contains("$0.29"))
        #expect(try await runner.run(["jobs", "--json"]).stdout.isEmpty)
    }

    @Test func aJobOverTheBudgetExitsTwoWithTheFigures() async throws {
        let home = try TemporaryFolder("hailuo-price").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator()
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let runner = try cli(home, port, config: "[budget]\ndaily_usd = 0.5\n")
        let first = try await runner.run(["submit", "--prompt", "one"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try await runner.run(["submit", "--prompt", "two"])
        #expect(second.status == 2)
        #expect(second.stderr.contains("daily budget $0.50: spent $0.00 + pending $0.29 + this job $0.29 = $0.59"))
        #expect(second.stderr.contains("nothing was sent"))
        #expect(simulator.recordedRequests().filter { $0.kind == .create }.count == 1)
        let config = try await runner.run(["config"])
        #expect(config.stdout.contains("daily $0.50"))
        let dry = try await runner.run(["submit", "--prompt", "three", "--dry-run", "--json"])
        #expect(dry.status == 0)
        let refusal = try json(dry.stdout)["budget_refusal"] as? String
        #expect(refusal?.hasPrefix("daily budget $0.50: spent $0.00 + pending $0.29") == true)
    }

    @Test func badBudgetValuesNameTheKey() async throws {
        let home = try TemporaryFolder("hailuo-price").url
        defer { TemporaryFolder.remove(home) }
        for (line, key) in [
            ("daily_usd = 0", "budget.daily_usd"), ("monthly_usd = -1", "budget.monthly_usd"),
            ("per_job_usd = \"cheap\"", "budget.per_job_usd"), ("dayly_usd = 1", "budget.dayly_usd"),
        ] {
            let runner = try cli(home, 1, config: "[budget]\n\(line)\n")
            let outcome = try await runner.run(["submit", "--prompt", "a", "--dry-run"])
            #expect(outcome.status == 2, "\(line)")
            #expect(outcome.stderr.contains(key), "\(line): \(outcome.stderr)")
        }
    }

    @Test func twoProcessesAtOnceCannotBothSlipUnderTheCap() async throws {
        let simulator = Simulator()
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        var creates = 0
        var refusals = 0
        var overTheCap = 0
        for round in 1...5 {
            let home = try TemporaryFolder("hailuo-race").url
            defer { TemporaryFolder.remove(home) }
            let runner = try cli(home, port, config: "[budget]\ndaily_usd = 0.5\n")
            let before = simulator.recordedRequests().filter { $0.kind == .create }.count
            async let a = runner.run(["submit", "--prompt", "racer a \(round)"])
            async let b = runner.run(["submit", "--prompt", "racer b \(round)"])
            let outcomes = try await [a, b]
            let statuses = outcomes.map(\.status).sorted()
            #expect(statuses == [0, 2], "round \(round): \(outcomes.map(\.stderr))")
            #expect(outcomes.contains { $0.stderr.contains("daily budget $0.50") }, "round \(round)")
            let after = simulator.recordedRequests().filter { $0.kind == .create }.count
            #expect(after - before == 1, "round \(round): \(after - before) creates")
            creates += after - before
            if after - before > 1 { overTheCap += 1 }
            refusals += outcomes.filter { $0.status == 2 }.count
        }
        print(
            "FIGURE budget race: rounds 5, processes 10, creates \(creates), refusals \(refusals), "
                + "over the cap \(overTheCap)")
    }
}
