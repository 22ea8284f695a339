import Foundation
import HailuoSimulator
import HailuoTestSupport
import Testing

/// `hailuo batch` through the real binary in demo mode.
@Suite("Batches on the command line", .serialized, .sharesTheMachine)
struct BatchCLITests {
    func json(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// The jobs `hailuo jobs --group ID --json` lists.
    func groupJobs(_ cli: CLIRunner, _ group: String) async throws -> [[String: Any]] {
        try await cli.run(["jobs", "--group", group, "--json"]).stdout.split(separator: "\n").map(json)
    }

    func groupID(_ outcome: CLIRunner.Outcome) throws -> String {
        let line = try #require(outcome.stderr.split(separator: "\n").first { $0.contains("(group ") })
        let start = try #require(line.range(of: "(group "))
        return String(line[start.upperBound...].prefix(8))
    }

    @Test func aBadRowSendsNothingThenTheFixedFileSendsOnceAndAnEditSendsOne() async throws {
        let home = try TemporaryFolder("hailuo-batch").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let file = home.appendingPathComponent("scenes.csv")
        try "prompt,duration\na boat,6\na kite,7\n\"a sea, calm\",10\n".write(
            to: file, atomically: true, encoding: .utf8)
        let bad = try await cli.run(["batch", file.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("scenes.csv line 3: duration:"), "\(bad.stderr)")
        #expect(bad.stderr.contains("nothing was sent"))
        #expect(try await cli.run(["jobs", "--json"]).stdout.isEmpty)

        try "prompt,duration\na boat,6\na kite,10\n\"a sea, calm\",10\n".write(
            to: file, atomically: true, encoding: .utf8)
        let first = try await cli.run(["batch", file.path, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").count == 3)
        let group = try groupID(first)
        #expect(try await groupJobs(cli, group).count == 3)

        let again = try await cli.run(["batch", file.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("0 new, 0 left waiting by an earlier run, 3 already sent"))
        #expect(try await groupJobs(cli, group).count == 3)

        try "prompt,duration\na boat,6\na kite at dusk,10\n\"a sea, calm\",10\n".write(
            to: file, atomically: true, encoding: .utf8)
        let edited = try await cli.run(["batch", file.path])
        #expect(edited.stderr.contains("1 new"), "\(edited.stderr)")
        #expect(try await groupJobs(cli, group).count == 4)
    }

    @Test func aDryRunTotalsTheCataloguePricesAndSendsNothing() async throws {
        let home = try TemporaryFolder("hailuo-batch-dry").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let file = home.appendingPathComponent("matrix.toml")
        try """
        [matrix]
        prompts = ["a boat", "a kite"]
        durations = [6, 10]

        [[job]]
        prompt = "one in 1080P"
        resolution = "1080P"
        """.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try await cli.run(["batch", file.path, "--dry-run"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        let six = try #require(SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "768P", duration: 6))
        let ten = try #require(SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "768P", duration: 10))
        let hd = try #require(SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "1080P", duration: 6))
        let total = 2 * six + 2 * ten + hd
        #expect(lines.last?.contains("total 5 jobs, $\(String(format: "%.2f", total))") == true, "\(lines)")
        #expect(lines.first?.hasPrefix("matrix job 1  minimax/hailuo-02  6 s  768P") == true)
        #expect(try await cli.run(["jobs", "--json"]).stdout.isEmpty)
    }

    @Test func aMatrixOverTheMaximumSaysHowManyItWouldMake() async throws {
        let home = try TemporaryFolder("hailuo-batch-max").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let file = home.appendingPathComponent("big.toml")
        let prompts = (1...30).map { "\"p\($0)\"" }.joined(separator: ", ")
        try
            "[matrix]\nprompts = [\(prompts)]\ndurations = [6, 10]\nmodels = [\"minimax/hailuo-02\", \"minimax/hailuo-2.3\"]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try await cli.run(["batch", file.path])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.contains("would make 120 jobs (30 prompts × 2 durations × 2 models)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("maximum of 100"))
    }

    @Test func aMissingFileAndAnUnknownFieldAreSentences() async throws {
        let home = try TemporaryFolder("hailuo-batch-bad").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let missing = try await cli.run(["batch", home.appendingPathComponent("none.jsonl").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.jsonl: no such file"))
        let file = home.appendingPathComponent("rows.jsonl")
        try "{\"prompt\": \"ok\", \"colour\": \"red\"}\n".write(to: file, atomically: true, encoding: .utf8)
        let unknown = try await cli.run(["batch", file.path])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("rows.jsonl line 1, field \"colour\": unknown field"))
        try Data(SyntheticImage.png(width: 200, height: 200)).write(to: home.appendingPathComponent("small.png"))
        try "{\"prompt\": \"ok\"}\n{\"prompt\": \"tiny\", \"image\": \"small.png\"}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let image = try await cli.run(["batch", file.path])
        #expect(image.status == 2)
        #expect(image.stderr.contains("rows.jsonl line 2: first frame"), "\(image.stderr)")
        #expect(try await cli.run(["jobs", "--json"]).stdout.isEmpty)
        try Data([0x7B, 0xFF, 0xFE, 0x7D]).write(to: file)
        let binary = try await cli.run(["batch", file.path])
        #expect(binary.stderr.contains("rows.jsonl line 1: not UTF-8 text"))
    }

    @Test func aBatchKilledHalfWayAndRunAgainCreatesEachRowOnce() async throws {
        let home = try TemporaryFolder("hailuo-batch-kill").url
        defer { TemporaryFolder.remove(home) }
        let file = home.appendingPathComponent("four.jsonl")
        try (1...4).map { "{\"prompt\": \"clip \($0)\"}" }.joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        // Slow clips: the first job is still pending when the kill comes, the rest wait.
        let slow = CLIRunner(home: home, extra: ["HAILUO_DEMO_TIME_SCALE": "40"])
        let log = home.appendingPathComponent("killed.stderr")
        let ending = try await CrashSafetyProcess.runAndKill(
            ["batch", file.path, "--max-in-flight", "1"], environment: slow.environment, after: 3, stderr: log)
        #expect(ending == .killed)
        let fast = CLIRunner(home: home)
        let listed = try await fast.run(["jobs", "--json"]).stdout.split(separator: "\n").map(json)
        #expect(listed.count == 4)
        #expect(listed.filter { $0["phase"] as? String == "waiting" }.count >= 2)
        let rerun = try await fast.run(["batch", file.path, "--max-in-flight", "2", "--wait", "--json"], limit: 120)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let group = try groupID(rerun)
        let jobs = try await groupJobs(fast, group)
        #expect(jobs.count == 4)
        #expect(Set(jobs.compactMap { $0["prompt"] as? String }) == Set((1...4).map { "clip \($0)" }))
        #expect(jobs.allSatisfy { $0["phase"] as? String == "completed" }, "\(jobs.map { $0["phase"] ?? "" })")
    }

    @Test func favouritesAreStoredAndListed() async throws {
        let home = try TemporaryFolder("hailuo-favourite").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let submitted = try await cli.run(["submit", "--prompt", "a favourite boat", "--json"])
        let last = try #require(submitted.stdout.split(separator: "\n").last)
        let id = try #require(try json(last)["id"] as? String)
        #expect(try await cli.run(["jobs", "--favourites", "--json"]).stdout.isEmpty)
        let marked = try await cli.run(["favourite", id])
        #expect(marked.status == 0, "\(marked.stderr)")
        let listed = try await cli.run(["jobs", "--favourites", "--json"]).stdout.split(separator: "\n").map(json)
        #expect(listed.map { $0["id"] as? String } == [id])
        _ = try await cli.run(["favourite", id, "--off"])
        #expect(try await cli.run(["jobs", "--favourites", "--json"]).stdout.isEmpty)
    }
}
