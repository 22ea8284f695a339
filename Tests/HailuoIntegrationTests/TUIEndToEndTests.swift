import Foundation
import HailuoCore
import HailuoSimulator
import HailuoTestSupport
import Testing

/// The real `hailuo` screen in tmux, in demo mode against its embedded simulator: what a user
/// types, what the screen shows, and that nothing is lost across a restart.
@Suite("Terminal UI end to end", .serialized, .sharesTheMachine)
struct TUIEndToEndTests {
    /// A private HOME (own config, state and videos) with a 1280x720 PNG in it.
    private static func sandbox() throws -> (runner: CLIRunner, image: URL) {
        let home = try TemporaryFolder("hailuo-tui").url
        let image = home.appendingPathComponent("boat.png")
        try Data(SyntheticImage.png(width: 1280, height: 720)).write(to: image)
        let runner = CLIRunner(home: home, extra: ["HAILUO_DEMO_TIME_SCALE": "60", "TERM": "xterm-256color"])
        return (runner, image)
    }

    private static func open(_ runner: CLIRunner, columns: Int = 100, rows: Int = 30) throws -> TmuxSession {
        try TmuxSession(
            columns: columns, rows: rows, environment: runner.environment, command: [CLIRunner.binary.path])
    }

    @Test func composeSubmitWatchResizeQuitAndFindTheJobAgain() async throws {
        let (runner, image) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let prompt = "A paper boat 纸船 sails 🚣 down a rainy street"
        do {
            let tmux = try Self.open(runner)
            defer { tmux.kill() }
            try await tmux.waitFor("No jobs yet")
            #expect(try tmux.capture().contains("DEMO"))

            try tmux.type(prompt)
            // Both: tmux may show the counter's row before the text's row is redrawn.
            let typed = try await tmux.waitUntil("the prompt and its counter") {
                $0.contains("\(prompt.utf16.count)/2000") && $0.contains("纸船")
            }
            let promptRow = try #require(typed.split(separator: "\n").first { $0.contains("纸船") })
            // The box's right border stays in the last column: CJK and emoji count as 2 cells.
            #expect(promptRow.hasSuffix("│"))
            #expect(Self.cells(promptRow) == 100)

            try tmux.sendKeys("Tab")
            try tmux.type(image.path)
            try await tmux.waitFor("PNG 1280x720")

            try tmux.sendKeys("F4")  // resolution 1080P (6 s clips only)
            try await tmux.waitFor("‹1080P›")
            try tmux.sendKeys("F3")  // 10 s is refused at 1080P, and the screen says why
            try await tmux.waitFor("10 s is not available at 1080P")
            try tmux.sendKeys("F4", "F3")  // back to 768P, then 10 s
            try await tmux.waitFor("‹10 s›")

            try tmux.sendKeys("C-s")
            try await tmux.waitUntil("a queued or generating row") {
                $0.contains("queued") || $0.contains("generating")
            }
            try await tmux.waitFor("completed", timeout: .seconds(60))

            try tmux.resize(columns: 40, rows: 12)
            try await tmux.waitFor("60x18")
            try tmux.resize(columns: 120, rows: 40)
            let wide = try await tmux.waitUntil("the layout back at 120x40") {
                $0.contains("Prompt") && $0.contains("completed")
            }
            #expect(wide.contains("10s 768P"), "the clip column shows what was chosen")

            try tmux.sendKeys("Escape")  // to the jobs table, where q quits
            try await Task.sleep(for: .milliseconds(200))
            try tmux.sendKeys("q")
            try await Self.waitForExit(tmux)
            #expect(try tmux.exitStatus == 0)
        }

        let again = try Self.open(runner)
        defer { again.kill() }
        let screen = try await again.waitFor("completed")
        #expect(screen.contains("A paper boat"))
        #expect(!screen.contains("No jobs yet"))
        try again.sendKeys("C-c")
        try await Self.waitForExit(again)
        let status = try again.exitStatus
        let last = try again.capture()
        #expect(status == 0, "exit status \(String(describing: status)); screen:\n\(last)")
    }

    @Test func aJobSubmittedByAnotherProcessAppears() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try Self.open(runner)
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        let outcome = try await runner.run(["submit", "--prompt", "Lanterns drift over a night river"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        try await tmux.waitFor("Lanterns drift", timeout: .seconds(20))
        try await tmux.waitFor("completed", timeout: .seconds(60))
    }

    @Test func copyingAnIdReachesTheClipboardThroughOSC52() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let outcome = try await runner.run(["submit", "--prompt", "Copy my id", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let id =
            try #require(
                try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])["id"] as? String
        let tmux = try Self.open(runner)
        defer { tmux.kill() }
        try await tmux.waitFor("Copy my id")
        try tmux.sendKeys("Escape")  // to the jobs table
        try await Task.sleep(for: .milliseconds(200))
        try tmux.sendKeys("c")
        try await tmux.waitFor("copied the id")
        #expect(try tmux.pasteBuffer() == id)
    }

    @Test func aJobThatFinishesWhileYouLookElsewhereRingsTheBell() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try Self.open(runner)
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.type("A bell tower at noon")
        try tmux.sendKeys("C-s")
        try await tmux.waitUntil("the job pending") { $0.contains("queued") || $0.contains("generating") }
        #expect(try !tmux.bellRang)
        try await tmux.waitFor("completed", timeout: .seconds(60))
        try await tmux.waitUntil("the bell") { _ in (try? tmux.bellRang) == true }
    }

    @Test func aValidationErrorShowsNextToItsFieldAndNothingIsSent() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try Self.open(runner)
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.sendKeys("C-s")  // empty prompt
        let screen = try await tmux.waitFor("not sent")
        #expect(screen.contains("must not be empty"))
        #expect(screen.contains("No jobs yet"))
    }

    @Test func aHangUpKeepsTheUnsentDraftForTheNextStart() async throws {
        let (runner, image) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        do {
            let tmux = try Self.open(runner)
            defer { tmux.kill() }
            try await tmux.waitFor("No jobs yet")
            try tmux.type("A long prompt 长提示 typed over a shaky link")
            try tmux.sendKeys("Tab")
            try tmux.type(image.path)
            try tmux.sendKeys("F3")
            try await tmux.waitUntil("the draft typed") { $0.contains("PNG 1280x720") && $0.contains("‹10 s›") }
            #expect(Foundation.kill(try tmux.panePID, SIGHUP) == 0)
            try await Self.waitForExit(tmux)
            #expect(try tmux.exitStatus == 130)
        }
        let again = try Self.open(runner)
        defer { again.kill() }
        let screen = try await again.waitFor("draft is back")
        #expect(screen.contains("A long prompt 长提示 typed over a shaky link"))
        #expect(screen.contains("‹10 s›"))
        try await again.waitFor("PNG 1280x720")
    }

    @Test func terminationSignalEndsTheProgram() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try Self.open(runner)
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        let pid = try tmux.panePID
        #expect(Foundation.kill(pid, SIGTERM) == 0)
        try await Self.waitForExit(tmux)
        #expect(try tmux.exitStatus == 130)
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux", "vt100"])
    func opensAndQuitsUnderEachTerminalType(_ term: String) async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        var environment = runner.environment
        environment["TERM"] = term
        let tmux = try TmuxSession(columns: 80, rows: 24, environment: environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("No jobs yet")
        let ascii = term == "linux" || term == "vt100"
        #expect(screen.contains(ascii ? "+- Prompt" : "┌─ Prompt"), "\(term):\n\(screen)")
        try tmux.sendKeys("C-c")
        try await Self.waitForExit(tmux)
        #expect(try tmux.exitStatus == 0)
    }

    @Test func aNonUTF8LocaleGetsASCIIAndSaysSo() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        var environment = runner.environment
        environment["LANG"] = "C"
        let tmux = try TmuxSession(columns: 100, rows: 24, environment: environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("No jobs yet")
        #expect(screen.contains("+- Prompt"))
        #expect(screen.contains("not UTF-8"))
        #expect(!screen.contains("┌"))
    }

    @Test func aTerminalThatVanishesEndsTheProgramWithoutASignal() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        // In a session of its own the program has no controlling terminal: when the terminal goes,
        // no SIGHUP comes, only a hang-up on stdin (POLLHUP), as when an SSH link is cut.
        let tmux = try TmuxSession(
            columns: 100, rows: 30, environment: runner.environment,
            command: ["/usr/bin/setsid", "-w", CLIRunner.binary.path])
        try await tmux.waitFor("No jobs yet")
        let pid = try #require(Self.processID(home: runner.home))
        tmux.kill()
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while Foundation.kill(pid, 0) == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(Foundation.kill(pid, 0) != 0, "the program outlived its terminal")
    }

    @Test func quittingWithAJobPendingLeavesItToFinishAtTheNextStart() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        do {
            let tmux = try Self.open(runner)
            defer { tmux.kill() }
            try await tmux.waitFor("No jobs yet")
            try tmux.type("Fireflies over a summer meadow")
            try tmux.sendKeys("C-s")
            try await tmux.waitUntil("the job pending") { $0.contains("queued") || $0.contains("generating") }
            try tmux.sendKeys("C-c")
            try await Self.waitForExit(tmux)
            // Back on the normal screen, one line says the job goes on.
            let shell = try tmux.capture(scrollback: 5)
            #expect(shell.contains("1 job is still running upstream"), "\(shell)")
        }
        let again = try Self.open(runner)
        defer { again.kill() }
        let screen = try await again.waitFor("completed", timeout: .seconds(60))
        #expect(screen.contains("Fireflies over a summer"))
    }

    @Test func liveModeShowsTheHostAndOnlyTheKeysFingerprint() async throws {
        let key = "sk-live-test-7f3a9c2e51d4b8aa"
        let simulator = Simulator(configuration: SimulatorConfiguration(timeScale: 60, acceptedKeys: [key]))
        let port = try await simulator.start()
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        var environment = runner.environment
        environment["AIML_API_KEY"] = key
        environment["AIML_API_BASE_URL"] = "http://127.0.0.1:\(port)"
        let tmux = try TmuxSession(columns: 100, rows: 30, environment: environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("LIVE")
        #expect(screen.contains("127.0.0.1:\(port)"))
        #expect(screen.contains("…b8aa"))
        #expect(!screen.contains("DEMO"))
        try tmux.type("A kite over the dunes")
        try tmux.sendKeys("C-s")
        let sent = try await tmux.waitUntil("the job accepted") { $0.contains("queued") || $0.contains("generating") }
        let styled = try tmux.captureStyled()
        #expect(!sent.contains(key) && !styled.contains(key), "the key never reaches the screen")
        #expect(simulator.issuedGenerationIDs().count == 1)
        tmux.kill()
        await simulator.stop()
    }

    @Test func aRefusedKeyShowsAsABadgeAndTheJobAsFailed() async throws {
        let simulator = Simulator(
            configuration: SimulatorConfiguration(timeScale: 60, acceptedKeys: ["the-right-key-0000"]))
        let port = try await simulator.start()
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        var environment = runner.environment
        environment["AIML_API_KEY"] = "a-wrong-key-for-this-test-1234"
        environment["AIML_API_BASE_URL"] = "http://127.0.0.1:\(port)"
        let tmux = try TmuxSession(columns: 100, rows: 30, environment: environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("LIVE")
        try tmux.type("A kite over the dunes")
        try tmux.sendKeys("C-s")
        let screen = try await tmux.waitFor("failed")
        #expect(screen.contains("key refused"), "\(screen)")
        #expect(simulator.issuedGenerationIDs().isEmpty)
        tmux.kill()
        await simulator.stop()
    }

    @Test func ctrlZSuspendsToTheShellAndFgBringsTheScreenBack() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try await Self.openFromAShell(runner)
        defer { tmux.kill() }
        try tmux.type("draft 草稿")
        try await tmux.waitFor("draft 草稿")
        try tmux.sendKeys("C-z")
        let shell = try await tmux.waitFor("Stopped")
        #expect(!shell.contains("No jobs yet"), "the screen was left for the shell")
        try tmux.type("fg")
        try tmux.sendKeys("Enter")
        // Back, repainted, with the draft kept.
        let back = try await tmux.waitUntil("the screen back") { $0.contains("No jobs yet") && $0.contains("draft 草稿") }
        #expect(!back.contains("Stopped"))
        try tmux.sendKeys("C-c")
        try await tmux.waitUntil("the shell again") { !$0.contains("No jobs yet") }
        // The terminal is as the shell left it: line editing and echo back on.
        try tmux.type("stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo END")
        try tmux.sendKeys("Enter")
        let modes = try await tmux.waitFor("icanon echo END")
        #expect(!modes.contains("-icanon"))
    }

    /// A stop sent from outside (`kill -TSTP`, as a job-control shell or a script sends it) is
    /// taken by hailuo's own handler, which ncurses leaves alone: the screen is put away first,
    /// and `fg` brings it back repainted.
    @Test func aStopFromOutsideLeavesTheScreenForTheShellAndFgBringsItBack() async throws {
        let (runner, _) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try await Self.openFromAShell(runner)
        defer { tmux.kill() }
        let pid = try #require(Self.processID(home: runner.home))
        kill(pid, SIGTSTP)
        let shell = try await tmux.waitFor("Stopped")
        #expect(!shell.contains("No jobs yet"), "the screen was put away before the stop")
        try tmux.type("fg")
        try tmux.sendKeys("Enter")
        let back = try await tmux.waitUntil("the screen back") { $0.contains("No jobs yet") && !$0.contains("Stopped") }
        #expect(back.contains("DEMO"))
        try tmux.sendKeys("C-c")
        try await tmux.waitUntil("the shell again") { !$0.contains("No jobs yet") }
    }

    /// A bash in tmux (job control on) that has started the screen, once the screen is up.
    private static func openFromAShell(_ runner: CLIRunner) async throws -> TmuxSession {
        let tmux = try TmuxSession(
            columns: 100, rows: 30, environment: runner.environment, command: ["/bin/bash", "--norc", "--noprofile"])
        do {
            try tmux.type(CLIRunner.binary.path)
            try tmux.sendKeys("Enter")
            try await tmux.waitFor("No jobs yet")
        } catch {
            tmux.kill()
            throw error
        }
        return tmux
    }

    /// The pid of the `hailuo` process running with HOME `home` (found through /proc).
    static func processID(home: URL) -> Int32? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry),
                let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
                command.hasPrefix(CLIRunner.binary.path),
                let environment = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))
            else { continue }
            let variables = environment.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if variables.contains("HOME=\(home.path)") { return pid }
        }
        return nil
    }

    /// Waits until the program in the pane has exited and tmux has its exit status (tmux marks
    /// the pane dead when the terminal closes, and learns the status a moment later).
    static func waitForExit(_ tmux: TmuxSession, timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while try tmux.exitStatus == nil {
            if ContinuousClock.now >= deadline {
                Issue.record("the program did not exit within \(timeout); screen:\n\(try tmux.capture())")
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Terminal cells a captured row takes (tmux prints a wide character once for its 2 cells).
    static func cells(_ row: Substring) -> Int {
        row.reduce(0) { total, character in
            guard let scalar = character.unicodeScalars.first else { return total }
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
                || (0xFF00...0xFF60).contains(scalar.value) || (0x1F300...0x1FAFF).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }
}
