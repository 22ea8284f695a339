import Foundation
import HailuoSimulator
import HailuoTestSupport
import Testing

/// Money on the command line (demo mode): the cost in `show` and `jobs`, the sidecar's keys, and
/// `hailuo spend`.
@Suite("Money on the command line", .serialized, .sharesTheMachine)
struct MoneyCLITests {
    func json(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// Submits and waits; returns the job's JSON object.
    func submit(_ cli: CLIRunner, _ arguments: [String]) async throws -> [String: Any] {
        let outcome = try await cli.run(["submit", "--wait", "--json"] + arguments)
        return try json(try #require(outcome.stdout.split(separator: "\n").last, "\(outcome.stderr)"))
    }

    @Test func showJobsAndTheSidecarCarryTheCost() async throws {
        let home = try TemporaryFolder("hailuo-money").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let job = try await submit(cli, ["--prompt", "a priced boat", "--download"])
        #expect(job["status"] as? String == "completed")
        let id = try #require(job["id"] as? String)
        let price = try #require(SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "768P", duration: 6))

        let show = try json(try #require(try await cli.run(["show", id, "--json"]).stdout.split(separator: "\n").last))
        #expect(show["cost_usd"] as? Double == price)
        #expect(show.keys.contains("estimated_usd"))
        #expect(show["client_request_id"] as? String == id)
        for key in ["id", "generation_id", "status", "model", "prompt", "file", "history", "created_at"] {
            #expect(show.keys.contains(key), "missing \(key)")
        }

        let listed = try await cli.run(["jobs", "--json"]).stdout.split(separator: "\n").map(json)
        let row = try #require(listed.first { $0["id"] as? String == id })
        #expect(row["cost_usd"] as? Double == price)
        #expect(row.keys.contains("estimated_usd"))

        let text = try await cli.run(["show", id]).stdout
        #expect(text.contains("Cost        $0.29 (provider)"))

        let file = try #require(job["file"] as? String)
        let sidecarURL = URL(fileURLWithPath: file).deletingPathExtension().appendingPathExtension("json")
        let sidecar = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: sidecarURL)) as? [String: Any])
        #expect(sidecar["cost_usd"] as? Double == price)
        #expect(sidecar["client_request_id"] as? String == id)
        #expect(sidecar["inference_id"] as? String == job["generation_id"] as? String)
        #expect(sidecar.keys.contains("estimated_usd"))
    }

    @Test func spendAddsUpTheProvidersPrices() async throws {
        let home = try TemporaryFolder("hailuo-spend").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let six = try await submit(cli, ["--prompt", "six seconds"])
        let ten = try await submit(cli, ["--prompt", "ten seconds", "--duration", "10"])
        let image = home.appendingPathComponent("first.png")
        try Data(SyntheticImage.png(width: 640, height: 360)).write(to: image)
        let fast = try await submit(
            cli, ["--prompt", "fast one", "--model", "minimax/hailuo-2.3-fast", "--image", image.path])
        let failed = try await submit(cli, ["--prompt", "break [sim:fail]"])
        #expect([six, ten, fast].allSatisfy { $0["status"] as? String == "completed" })
        #expect(failed["status"] as? String == "failed")
        let hailuo02 =
            try #require(SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "768P", duration: 6))
            + (try #require(SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "768P", duration: 10)))
        let fastPrice = try #require(
            SimulatorPrices.price(model: "minimax/hailuo-2.3-fast", resolution: "768P", duration: 6))

        let outcome = try await cli.run(["spend", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let spend = try json(try #require(lines.first))
        let total = try #require(spend["total_usd"] as? Double)
        #expect(abs(total - (hailuo02 + fastPrice)) < 1e-9)
        #expect(abs((spend["today_usd"] as? Double ?? -1) - total) < 1e-9)
        #expect(abs((spend["month_usd"] as? Double ?? -1) - total) < 1e-9)
        #expect(spend["total_jobs"] as? Int == 4)  // the failed one at $0 included
        #expect(spend["demo"] as? Bool == true)
        #expect(spend["balance_usd"] as? Double == SimulatorConfiguration().startingBalance)
        let perModel = try #require(spend["per_model"] as? [String: [String: Any]])
        #expect(abs((perModel["minimax/hailuo-02"]?["usd"] as? Double ?? -1) - hailuo02) < 1e-9)
        #expect(abs((perModel["minimax/hailuo-2.3-fast"]?["usd"] as? Double ?? -1) - fastPrice) < 1e-9)

        let since = try json(
            try #require(try await cli.run(["spend", "--since", "24h", "--json"]).stdout.split(separator: "\n").first))
        #expect(abs((since["since_usd"] as? Double ?? -1) - total) < 1e-9)

        let text = try await cli.run(["spend"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("DEMO"))
        #expect(text.stdout.contains("all time"))
        #expect(text.stdout.contains("balance"))
    }

    @Test func theBalanceIsUnknownWhenBillingFails() async throws {
        let home = try TemporaryFolder("hailuo-balance").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator()
        let port = try await simulator.start()
        simulator.inject(.billingServerError, on: .billing, count: nil)
        let cli = CLIRunner(
            home: home, extra: ["AIML_API_KEY": "sk-spend-0001", "AIML_API_BASE_URL": "http://127.0.0.1:\(port)"])
        let outcome = try await cli.run(["spend", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try json(try #require(outcome.stdout.split(separator: "\n").first))
        #expect(object["balance_usd"] is NSNull)
        #expect(object["demo"] as? Bool == false)
        #expect(object["total_usd"] as? Double == 0)
        #expect(simulator.recordedRequests().filter { $0.kind == .billing }.count == 1)
        let text = try await cli.run(["spend"])
        #expect(text.stdout.contains("balance  unknown"))
        #expect(!text.stdout.contains("DEMO"))
        await simulator.stop()
    }

    @Test(arguments: ["yesterday", "2026-13-01", "7w", "0d", "2026-1-5", ""])
    func aBadSinceExitsTwoWithASentence(value: String) async throws {
        let home = try TemporaryFolder("hailuo-since").url
        defer { TemporaryFolder.remove(home) }
        let outcome = try await CLIRunner(home: home).run(["spend", "--since", value])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("YYYY-MM-DD"))
        #expect(outcome.stdout.isEmpty)
    }
}
