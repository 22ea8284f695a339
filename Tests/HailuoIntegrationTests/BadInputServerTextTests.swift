import Foundation
import HailuoSimulator
import HailuoTestSupport
import Testing

/// Hostile text from the server (the simulator's `hostile-text` fault: OSC 52, a screen clear,
/// BEL, NUL, C1, a right-to-left override) never reaches the terminal as itself: not through the
/// CLI's stdout or stderr, not through the screen.
@Suite("Hostile server text is shown inert", .serialized, .aloneOnTheMachine)
struct BadInputServerTextTests {
    static let key = "sk-hostile-\(UUID().uuidString.prefix(8))"

    @Test func theCLIShowsHostileErrorsInert() async throws {
        let home = try TemporaryFolder("hailuo-hostile").url
        defer { TemporaryFolder.remove(home) }
        try Self.writeConfig(home: home)
        let simulator = Simulator(configuration: SimulatorConfiguration(timeScale: 3000))
        let port = try await simulator.start()
        var environment = CLIRunner(home: home).environment
        environment["AIML_API_KEY"] = Self.key
        environment["AIML_API_BASE_URL"] = "http://127.0.0.1:\(port)"
        var checked = 0, raw = 0
        func run(_ arguments: [String], expect status: Int32, json: Bool = false) async throws -> RawOutcome {
            let outcome = try await RawRunner.run(CLIRunner.binary.path, arguments, environment: environment)
            #expect(outcome.status == status, "\(arguments): exit \(outcome.status)\n\(outcome.stderrText)")
            for (name, data) in [("stdout", outcome.stdout), ("stderr", outcome.stderr)] {
                checked += 1
                let offsets = TerminalBytes.unsafeOffsets(in: data, bidi: !json || name == "stderr")
                raw += offsets.count
                #expect(offsets.isEmpty, "\(arguments) \(name) holds raw control bytes at \(offsets.prefix(5))")
            }
            return outcome
        }

        // A create refused with hostile text (the prompt is echoed back inside it).
        simulator.inject(.hostileText, on: .create)
        let refused = try await run(["submit", "--prompt", "echo \u{202E}me back", "--json"], expect: 3, json: true)
        #expect(refused.stderrText.contains("\\e]52"), "the escape is shown, escaped: \(refused.stderrText)")
        #expect(refused.stderrText.contains("HOSTILE-END"))
        #expect(simulator.issuedGenerationIDs().isEmpty)
        let firstID = try #require(try Self.lastID(in: refused.stdoutText))

        // A job that fails with a hostile error.
        simulator.inject(.hostileText, on: .poll, count: nil)
        let failed = try await run(["submit", "--prompt", "fail me", "--wait", "--json"], expect: 1, json: true)
        #expect(failed.stderrText.contains("Hostile"))
        let secondID = try #require(try Self.lastID(in: failed.stdoutText))

        for id in [firstID, secondID] {
            _ = try await run(["show", id], expect: 0)
            _ = try await run(["show", id, "--json"], expect: 0, json: true)
        }
        _ = try await run(["wait", secondID], expect: 1)
        _ = try await run(["jobs"], expect: 0)
        _ = try await run(["jobs", "--json"], expect: 0, json: true)
        await simulator.stop()
        print("FIGURE hostile-server-text (CLI): outputs checked \(checked), raw control bytes \(raw)")
    }

    @Test func theScreenShowsHostileErrorsInert() async throws {
        let home = try TemporaryFolder("hailuo-hostile-tui").url
        defer { TemporaryFolder.remove(home) }
        try Self.writeConfig(home: home)
        let simulator = Simulator(configuration: SimulatorConfiguration(timeScale: 3000))
        let port = try await simulator.start()
        var environment = CLIRunner(home: home, extra: ["AIML_API_KEY": Self.key]).environment
        environment["TERM"] = "xterm-256color"
        let tmux = try TmuxSession(
            columns: 120, rows: 32, environment: environment,
            command: [CLIRunner.binary.path, "--base-url", "http://127.0.0.1:\(port)"])
        defer { tmux.kill() }
        try await tmux.waitFor("LIVE")

        simulator.inject(.hostileText, on: .create)
        try tmux.type("refused \u{202E}prompt")
        try tmux.sendKeys("C-s")
        try await tmux.waitFor("1 failed", timeout: .seconds(20))
        simulator.inject(.hostileText, on: .poll, count: nil)
        try tmux.sendKeys("C-u")
        try tmux.type("fail on poll")
        try await tmux.waitFor("fail on poll")
        try tmux.sendKeys("C-s")
        let table = try await tmux.waitFor("2 failed", timeout: .seconds(30))
        try tmux.sendKeys("Escape")
        try await Task.sleep(for: .milliseconds(200))
        try tmux.sendKeys("Enter")
        let first = try await tmux.waitFor("\\e]52;c;")
        try tmux.sendKeys("Down")
        let second = try await tmux.waitUntil("the other job's details") { $0.contains("\\e]52;c;") && $0 != first }
        let styled = try tmux.captureStyled()

        var problems: [String] = []
        for (name, screen) in [("details 1", first), ("details 2", second)] {
            if screen.unicodeScalars.contains(where: { $0.value == 0x202E }) { problems.append("\(name): raw RLO") }
            if !screen.contains("\\e") { problems.append("\(name): no visible escape") }
        }
        // A raw ESC [ 2 J would have wiped the layout; a raw OSC 52 would fill tmux's buffer; a raw BEL rings.
        for screen in [table, first, second] where !screen.contains("LIVE") || !screen.contains("Prompt") {
            problems.append("layout wiped")
        }
        if try tmux.pasteBuffer().contains("HOSTILE") { problems.append("clipboard written") }
        if try tmux.bellRang { problems.append("bell rang") }
        if styled.contains("\u{1B}]52") || styled.contains("\u{07}") { problems.append("styled capture holds OSC/BEL") }
        #expect(problems.isEmpty, "\(problems)\n\(first)\n\(second)")
        tmux.kill()
        await simulator.stop()
        print("FIGURE hostile-server-text (screen): screens checked 3, problems \(problems.count)")
    }

    /// A config with 3 s polls (a live-mode job is first polled after at most `max_interval`) and no bell.
    static func writeConfig(home: URL) throws {
        let config = home.appendingPathComponent("config/hailuo/config.toml")
        try FileManager.default.createDirectory(
            at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try SecretsSweepTests.fastPolls.write(to: config, atomically: true, encoding: .utf8)
    }

    static func lastID(in stdout: String) throws -> String? {
        guard let line = stdout.split(separator: "\n").last else { return nil }
        return (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
    }
}
