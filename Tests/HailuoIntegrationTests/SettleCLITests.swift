import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

/// The CLI's side of settling: `show`, `resubmit` without the billed warning, `history --remote`.
@Suite("Settling and jobs made elsewhere through the real binary", .serialized, .sharesTheMachine)
struct SettleCLITests {
    static func cli(_ harness: Harness) -> CLIRunner {
        CLIRunner(
            home: harness.folder.appendingPathComponent("home"),
            extra: ["AIML_API_KEY": "sk-settle-cli-0001", "AIML_API_BASE_URL": harness.simulator.baseURL])
    }

    static func storeURL(_ harness: Harness) throws -> URL {
        let folder = harness.folder.appendingPathComponent("home/state/hailuo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("jobs.sqlite")
    }

    @Test func aJobNotFoundUpstreamIsShownSoAndResentWithoutTheBilledWarning() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let url = try Self.storeURL(harness)
        let store = try JobStore(url: url)
        try store.insert(SettleTests.neverSent(id: "nevers11"))
        let engine = try harness.engine(settle: SettleTests.fast(grace: 1), database: url)
        await engine.start()
        let settled = try await SettleTests.waitFor(engine, "nevers11") { $0.settleState == .notFoundUpstream }
        #expect(settled.settleState == .notFoundUpstream)
        await engine.shutdown()
        // A second unconfirmed job, never looked up: its resend still warns.
        try store.insert(SettleTests.neverSent(id: "nevers12"))
        let cli = Self.cli(harness)

        let shown = try await cli.run(["show", "nevers11"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Logs: not found upstream (checked until "))
        #expect(!shown.stdout.contains("may be billed"))
        let json = try await cli.run(["show", "nevers11", "--json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["settle_state"] as? String == "notFoundUpstream")
        #expect(object["settle_checked_at"] is String)

        let resent = try await cli.run(["resubmit", "nevers11"])
        #expect(resent.status == 0, "\(resent.stderr)")
        #expect(!resent.stderr.contains("may be billed"))
        #expect(resent.stderr.contains("not in the provider's request logs"))
        #expect(harness.requests(.create).count == 1)

        let warned = try await cli.run(["resubmit", "nevers12"])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("may be billed"))
        #expect(harness.requests(.create).count == 2)
    }

    @Test func historyRemoteListsAPlaygroundJobAndImportsItOnce() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let cli = Self.cli(harness)
        let own = try await cli.run(["submit", "--prompt", "made here"])
        #expect(own.status == 0, "\(own.stderr)")
        let ownID = try #require(harness.simulator.issuedGenerationIDs().first)
        let playground = harness.simulator.addPlaygroundJob(prompt: "made on the website")

        let listed = try await cli.run(["history", "--remote", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(rows.count == 1)
        #expect(rows.first?["generation_id"] as? String == playground)
        #expect(rows.first?["origin"] as? String == "playground")
        #expect(!listed.stdout.contains(ownID))

        let first = try await cli.run(["history", "--remote", "--import"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(playground))
        #expect(first.stderr.contains("imported 1 of 1"))
        let second = try await cli.run(["history", "--remote", "--import"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains(playground))

        let store = try JobStore(url: try Self.storeURL(harness))
        let jobs = try store.jobs(includeHidden: true)
        #expect(jobs.count == 2)
        let imported = try #require(jobs.first { $0.generationID == playground })
        #expect(imported.parameters.prompt == "(made elsewhere: playground)")
        // Polled like any other job (the binary's poll intervals are the provider's, so an engine
        // with the harness's short ones takes it to the end).
        let engine = try harness.engine(database: try Self.storeURL(harness))
        await engine.start()
        #expect(try await harness.settle(engine, imported.id).phase == .completed)
        #expect(harness.requests(.create).count == 1)
    }
}
