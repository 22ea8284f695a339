import Foundation
import HailuoTestSupport
import Testing

/// Camera commands through the real binary, in demo mode against its embedded simulator: the
/// command line's warnings and refusal, and the screen's `[` list.
@Suite("Camera commands end to end", .serialized, .sharesTheMachine)
struct CameraEndToEndTests {
    private static func runner() throws -> CLIRunner {
        let home = try TemporaryFolder("hailuo-camera").url
        return CLIRunner(home: home, extra: ["HAILUO_DEMO_TIME_SCALE": "60", "TERM": "xterm-256color"])
    }

    // MARK: Command line

    @Test func anOpenBracketExitsTwoWithTheSentenceAndSendsNothing() async throws {
        let cli = try Self.runner()
        defer { TemporaryFolder.remove(cli.home) }
        let outcome = try await cli.run(["submit", "--prompt", "A cat [Pan left walks on a roof"])
        #expect(outcome.status == 2, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("prompt: the camera bracket opened at position 7"))
        #expect(outcome.stderr.contains("is never closed"))
        #expect(outcome.stderr.contains("nothing was sent"))
        #expect(try await cli.run(["jobs", "--json"]).stdout.isEmpty)
    }

    @Test func anUnknownCommandIsAWarningOnStderrAndTheJobIsSent() async throws {
        let cli = try Self.runner()
        defer { TemporaryFolder.remove(cli.home) }
        let outcome = try await cli.run(["submit", "--prompt", "A cat [Pan sideways] on a roof", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stderr.contains(
                "warning: prompt: [Pan sideways] is not a camera command MiniMax knows; "
                    + "did you mean [Pan left] or [Pan right]?"))
        #expect(!outcome.stdout.contains("warning"), "warnings stay off stdout")
        let jobs = try await cli.run(["jobs", "--json"])
        #expect(jobs.stdout.split(separator: "\n").count == 1)
        #expect(jobs.stdout.contains("Pan sideways"))
    }

    @Test func aKnownCommandBringsNoWarning() async throws {
        let cli = try Self.runner()
        defer { TemporaryFolder.remove(cli.home) }
        let outcome = try await cli.run(["submit", "--prompt", "[Push in, Zoom out] A lamb in the snow", "--dry-run"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("warning"))
    }

    @Test func aBatchRowsWarningNamesItsLine() async throws {
        let cli = try Self.runner()
        defer { TemporaryFolder.remove(cli.home) }
        let file = cli.home.appendingPathComponent("jobs.jsonl")
        try Data(
            """
            {"prompt": "a kite over the sea [Pan left]"}
            {"prompt": "a boat [Pan left, Tilt up, Zoom in, Shake]"}

            """.utf8
        ).write(to: file)
        let outcome = try await cli.run(["batch", file.path, "--dry-run"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("warning: line 2: prompt: [Pan left, Tilt up, Zoom in, Shake] combines 4"))
        #expect(!outcome.stderr.contains("line 1:"))
    }

    // MARK: Screen

    @Test func typingABracketOffersTheCommandsAndTabInsertsOne() async throws {
        let cli = try Self.runner()
        defer { TemporaryFolder.remove(cli.home) }
        let tmux = try TmuxSession(
            columns: 100, rows: 30, environment: cli.environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")

        try tmux.type("A cat [pa")
        let listed = try await tmux.waitFor("Pan left")
        #expect(listed.contains("Camera:"))
        #expect(listed.contains("Pan right"))
        #expect(!listed.contains("Zoom in"), "the list is filtered by what was typed")

        try tmux.sendKeys("Tab")
        let inserted = try await tmux.waitFor("A cat [Pan left]")
        #expect(!inserted.contains("Camera:"), "the list closes once a command is inserted")

        try tmux.type(" walks [Swoop] on a roof")
        let warned = try await tmux.waitFor("is not a camera command")
        #expect(warned.contains("[Swoop] is not a camera command"))

        try tmux.sendKeys("C-c")
        #expect(try await tmux.waitForExit() == 0)
    }
}
