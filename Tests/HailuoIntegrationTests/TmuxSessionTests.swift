import Foundation
import Testing

/// The tmux helper itself, against ordinary programs (tmux is required: .ci/run installs it).
@Suite("TmuxSession, the end-to-end test driver", .sharesTheMachine)
struct TmuxSessionTests {
    func environment() -> [String: String] {
        ["HOME": FileManager.default.temporaryDirectory.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    @Test func tmuxIsInstalled() {
        #expect(TmuxSession.executable != nil, "\(TmuxSession.Failure.tmuxMissing)")
    }

    @Test func typedCJKAndEmojiComeBackFromTheScreen() async throws {
        let session = try TmuxSession(columns: 60, rows: 10, environment: environment(), command: ["cat"])
        defer { session.kill() }
        let text = "漢字かな 한국어 🎬🚣 café e\u{301}"
        try session.type(text)
        try session.sendKeys("Enter")
        // cat echoes the line once the terminal sends it, so the text is on the screen twice.
        let screen = try await session.waitUntil("the line twice") { $0.components(separatedBy: text).count == 3 }
        #expect(screen.split(separator: "\n").first == Substring(text))
        #expect(try session.isPaneDead == false)
        #expect(try session.panePID > 1)
    }

    @Test func keysByNameReachTheProgram() async throws {
        let script = #"IFS= read -r line; printf 'got[%s]\n' "$line"; sleep 30"#
        let session = try TmuxSession(
            columns: 40, rows: 6, environment: environment(), command: ["bash", "--norc", "-c", script])
        defer { session.kill() }
        try session.type("abc")
        try session.sendKeys("BSpace", "x", "Enter")
        let screen = try await session.waitFor("got[")
        #expect(screen.contains("got[abx]"))
    }

    @Test func theProgramSeesTheSizeTermAndOnlyTheGivenEnvironment() async throws {
        var environment = environment()
        environment["HAILUO_PROBE"] = "yes"
        let script = #"echo "size=$(tput cols)x$(tput lines) term=$TERM probe=$HAILUO_PROBE"; sleep 30"#
        let session = try TmuxSession(
            columns: 50, rows: 7, environment: environment, command: ["bash", "--norc", "-c", script])
        defer { session.kill() }
        let screen = try await session.waitFor("size=")
        #expect(screen.contains("size=50x7 term=xterm-256color probe=yes"))
        #expect(session.columns == 50 && session.rows == 7)
    }

    @Test func resizeReachesTheProgram() async throws {
        let script = #"trap 'echo "resized $(tput cols)x$(tput lines)"' WINCH; echo ready; while :; do sleep 0.1; done"#
        let session = try TmuxSession(
            columns: 40, rows: 8, environment: environment(), command: ["bash", "--norc", "-c", script])
        defer { session.kill() }
        try await session.waitFor("ready")
        try session.resize(columns: 72, rows: 12)
        try await session.waitFor("resized 72x12")
        #expect(session.columns == 72 && session.rows == 12)
    }

    @Test func styledCaptureKeepsColours() async throws {
        let script = #"printf '\033[31mred\033[0m \033[1mbold\033[0m 漢字\n'; sleep 30"#
        let session = try TmuxSession(
            columns: 40, rows: 5, environment: environment(), command: ["bash", "--norc", "-c", script])
        defer { session.kill() }
        try await session.waitFor("bold")
        let styled = try session.captureStyled()
        #expect(styled.contains("\u{1B}[31mred"))
        #expect(styled.contains("\u{1B}[1mbold"))
        #expect(try session.capture().hasPrefix("red bold 漢字"))
    }

    @Test func aTimeoutFailsWithTheLastScreen() async throws {
        let session = try TmuxSession(
            columns: 40, rows: 5, environment: environment(),
            command: ["bash", "--norc", "-c", "echo something else; sleep 30"])
        defer { session.kill() }
        try await session.waitFor("something else")
        do {
            try await session.waitFor("never shown", timeout: .milliseconds(300))
            Issue.record("waitFor returned for text that is not on the screen")
        } catch let failure as TmuxSession.Failure {
            let message = failure.description
            #expect(message.contains("never shown"))
            #expect(message.contains("something else"))
        }
    }

    @Test func anExitedProgramIsSeenAndItsScreenKept() async throws {
        let session = try TmuxSession(
            columns: 40, rows: 5, environment: environment(),
            command: ["bash", "--norc", "-c", "echo bye; sleep 0.2; exit 3"])
        defer { session.kill() }
        try await session.waitUntil("the pane to die") { _ in (try? session.isPaneDead) == true }
        #expect(try session.exitStatus == 3)  // known at once, even when tmux missed the SIGCHLD
        #expect(try await session.waitForExit() == 3)
        #expect(try session.capture(scrollback: 1).contains("bye"))
        do {
            try await session.waitFor("never shown", timeout: .seconds(5))
            Issue.record("waitFor returned for text that is not on the screen")
        } catch TmuxSession.Failure.programExited(_, let screen) {
            #expect(screen.contains("bye"))
        }
    }

    @Test func aProgramKilledByASignalReportsIt() async throws {
        let session = try TmuxSession(
            columns: 40, rows: 5, environment: environment(), command: ["bash", "--norc", "-c", "kill -TERM $$"])
        defer { session.kill() }
        #expect(try await session.waitForExit() == 128 + SIGTERM)
    }

    @Test func killEndsTheServerAndIsIdempotent() async throws {
        let session = try TmuxSession(columns: 40, rows: 5, environment: environment(), command: ["sleep", "60"])
        let pid = try session.panePID
        #expect(pid > 1)
        session.kill()
        session.kill()
        #expect(throws: TmuxSession.Failure.self) { try session.capture() }
        // The program got SIGHUP with its server; give it a moment to be reaped.
        var alive = true
        for _ in 0..<50 where alive {
            alive = isRunning(pid)
            if alive { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(!alive, "the pane's program \(pid) outlived kill()")
    }

    /// Whether a process exists and is not a zombie (a container's init may not reap at once).
    func isRunning(_ pid: Int32) -> Bool {
        guard Foundation.kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let state = stat.split(separator: ")").last?.split(separator: " ").first
        else { return true }
        return state != "Z"
    }
}
