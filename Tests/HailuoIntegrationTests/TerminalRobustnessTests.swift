import Foundation
import HailuoCore
import HailuoTestSupport
import Testing

/// The real `hailuo` screen under terminal abuse: resize storms (with jobs pending and a draft in
/// the composer), a window too small for the layout, every terminal type and the C locale after a
/// storm, and a terminal that vanishes while a frame is being drawn.
@Suite("Terminal robustness", .serialized, .aloneOnTheMachine)
struct TerminalRobustnessTests {
    /// A private HOME; demo jobs take about ten minutes at this clock, so they stay pending.
    private static func sandbox(_ extra: [String: String] = [:]) throws -> CLIRunner {
        let home = try TemporaryFolder("hailuo-robust").url
        var settings = ["HAILUO_DEMO_TIME_SCALE": "0.5", "TERM": "xterm-256color"]
        settings.merge(extra) { _, new in new }
        return CLIRunner(home: home, extra: settings)
    }

    /// Submits `count` demo jobs from the command line (they stay pending).
    private static func submitJobs(_ runner: CLIRunner, count: Int) async throws {
        for index in 0..<count {
            let outcome = try await runner.run(["submit", "--prompt", "Storm job \(index) over the harbour"])
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
    }

    @Test func aResizeStormWithJobsPendingLeavesACorrectScreen() async throws {
        let runner = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        try await Self.submitJobs(runner, count: 2)
        let tmux = try TmuxSession(
            columns: 80, rows: 24, environment: runner.environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitUntil("the pending jobs") { $0.contains("Storm job 1") && $0.contains("Storm job 0") }
        let draft = "storm 风暴 🚣 draft"
        try tmux.type(draft)
        try await tmux.waitFor(draft)
        let pid = try tmux.panePID

        var random = StormRandom(seed: 0x5EED_0001)
        let storm = try await Self.storm(tmux, resizes: 100, over: .seconds(2), random: &random)
        #expect(storm.crashed == false, "the program died during the storm")
        #expect(Foundation.kill(pid, 0) == 0, "the program is gone after the storm")

        let leftovers = try await Self.settleAndCompare(tmux, mustShow: [draft, "Storm job 0", "Storm job 1"])
        #expect(leftovers == 0)
        print(
            "FIGURE terminal-robustness: resizes \(storm.resizes) in \(storm.secondsText) s, crashes 0, "
                + "jobs pending 2, draft kept, leftover cells after settling at 80x24 \(leftovers)")
    }

    @Test func aTinyWindowShowsOneLineIgnoresKeysAndGrowsBack() async throws {
        let runner = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try TmuxSession(
            columns: 80, rows: 24, environment: runner.environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.type("keep me")
        try await tmux.waitFor("keep me")

        try tmux.resize(columns: 20, rows: 6)
        let small = try await tmux.waitFor("60x18")
        let shown = small.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(shown.count == 1, "one line only:\n\(small)")
        #expect(shown.allSatisfy { TUIEndToEndTests.cells($0) <= 20 })
        // Keys that would edit, submit, switch fields or quit from the table: none may act unseen.
        let keys = ["x", "Enter", "C-u", "C-s", "Tab", "Escape", "q", "F3", "BSpace", "M-b"]
        for key in keys { try tmux.sendKeys(key) }
        try tmux.type("unseen 看不见")
        try await Task.sleep(for: .milliseconds(600))
        #expect(try !tmux.isPaneDead, "the program exited on keys sent to the small window")
        let still = try tmux.capture()
        #expect(still.contains("60x18"), "\(still)")

        try tmux.resize(columns: 80, rows: 24)
        let back = try await tmux.waitUntilSettled("the full layout") { $0.contains("Prompt") && $0.contains("keep me") }
        #expect(back.contains("No jobs yet"), "nothing was submitted:\n\(back)")
        #expect(!back.contains("unseen") && !back.contains("keep mex"), "no key reached the composer:\n\(back)")
        #expect(back.contains("‹6 s›"), "the duration was not toggled:\n\(back)")
        let leftovers = try await Self.settleAndCompare(tmux, mustShow: ["keep me"])
        #expect(leftovers == 0)
        print(
            "FIGURE terminal-robustness: 20x6 window one line, keys ignored \(keys.count + 1) of \(keys.count + 1), "
                + "layout restored at 80x24, leftover cells \(leftovers)")
    }

    /// The terminal types of TUIEndToEndTests plus plain `xterm`, and the C locale.
    static let terminals: [(term: String, lang: String)] = [
        ("xterm-256color", "C.UTF-8"), ("xterm", "C.UTF-8"), ("screen-256color", "C.UTF-8"),
        ("tmux-256color", "C.UTF-8"), ("linux", "C.UTF-8"), ("vt100", "C.UTF-8"), ("xterm-256color", "C"),
    ]

    @Test(arguments: 0..<7)
    func eachTerminalTypeAndTheCLocaleSurviveAResizeStorm(_ index: Int) async throws {
        let (term, lang) = Self.terminals[index]
        let runner = try Self.sandbox(["TERM": term, "LANG": lang])
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try TmuxSession(
            columns: 80, rows: 24, environment: runner.environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.type("term test")
        try await tmux.waitFor("term test")
        var random = StormRandom(seed: 0x5EED_0100 + UInt64(index))
        let storm = try await Self.storm(tmux, resizes: 100, over: .seconds(2), random: &random)
        #expect(storm.crashed == false, "\(term) \(lang): the program died during the storm")
        let ascii = term == "linux" || term == "vt100" || lang == "C"
        let leftovers = try await Self.settleAndCompare(
            tmux, mustShow: ["term test", ascii ? "+- Prompt" : "┌─ Prompt"])
        #expect(leftovers == 0, "\(term) \(lang)")
        if ascii { #expect(!(try tmux.capture()).contains("┌"), "\(term) \(lang) drew line-drawing glyphs") }
        try tmux.sendKeys("C-c")
        try await TUIEndToEndTests.waitForExit(tmux)
        #expect(try tmux.exitStatus == 0)
        print(
            "FIGURE terminal-robustness: TERM=\(term) LANG=\(lang) resizes \(storm.resizes) in \(storm.secondsText) s, "
                + "crashes 0, leftover cells \(leftovers), exit 0")
    }

    /// Two ways the terminal goes while frames are being drawn: the tmux server killed, and the
    /// pane closed. The program runs in a session of its own (no SIGHUP, only a hang-up on its input).
    @Test(arguments: [false, true])
    func aTerminalThatVanishesMidFrameEndsTheProgramWithoutSpinning(_ closePane: Bool) async throws {
        let runner = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        try await Self.submitJobs(runner, count: 1)
        let tmux = try TmuxSession(
            columns: 80, rows: 24, environment: runner.environment,
            command: ["/usr/bin/setsid", "-w", CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("Storm job 0")
        try tmux.type("a draft when the link dies")
        try await tmux.waitFor("a draft when the link dies")
        let pid = try #require(TUIEndToEndTests.processID(home: runner.home))
        defer { if Self.isRunning(pid) { Foundation.kill(pid, SIGKILL) } }

        // Resize fast enough that a frame is always being drawn, and pull the terminal mid-storm.
        let storming = Task {
            var random = StormRandom(seed: closePane ? 0x5EED_0201 : 0x5EED_0200)
            return try await Self.storm(tmux, resizes: 100, over: .seconds(2), random: &random)
        }
        try await Task.sleep(for: .milliseconds(500))
        let ticksBefore = try #require(Self.cpuTicks(pid))
        let clock = ContinuousClock()
        let cut = clock.now
        if closePane { try tmux.closePane() } else { tmux.kill() }
        let stormed = try await storming.value
        #expect(stormed.resizes > 0 && stormed.resizes < 100, "the terminal went during the storm")
        var ticksLast = ticksBefore
        while Self.isRunning(pid), clock.now < cut.advanced(by: .seconds(5)) {
            ticksLast = Self.cpuTicks(pid) ?? ticksLast
            try await Task.sleep(for: .milliseconds(20))
        }
        let waited = cut.duration(to: clock.now)
        #expect(!Self.isRunning(pid), "the program outlived its terminal by \(waited)")
        let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpuSeconds = Double(ticksLast - ticksBefore) / hertz
        let wallSeconds = Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
        // A program spinning on a dead terminal burns a whole core until it is killed.
        #expect(cpuSeconds <= wallSeconds * 0.8 + 0.1, "CPU \(cpuSeconds) s in \(wallSeconds) s")

        let listed = try await runner.run(["jobs", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Storm job 0"), "the store lost the job:\n\(listed.stdout)")
        print(
            "FIGURE terminal-robustness: terminal vanished mid-frame (\(closePane ? "pane closed" : "server killed") "
                + "after \(stormed.resizes) resizes), "
                + String(format: "exited after %.2f s, CPU %.2f s while exiting, store intact", wallSeconds, cpuSeconds)
        )
    }

    // MARK: Helpers

    struct Storm {
        var resizes: Int
        var seconds: Double
        var crashed: Bool
        var secondsText: String { String(format: "%.1f", seconds) }
    }

    /// `resizes` random resizes spread over `duration` (a tenth of them tiny, down to 1x1). Stops
    /// early when the pane dies or the server is gone.
    static func storm(
        _ tmux: TmuxSession, resizes: Int, over duration: Duration, random: inout StormRandom
    ) async throws -> Storm {
        let clock = ContinuousClock()
        let start = clock.now
        var done = 0
        for index in 0..<resizes {
            let (columns, rows) =
                random.below(10) == 0
                ? (1 + random.below(20), 1 + random.below(6))
                : (10 + random.below(191), 4 + random.below(57))
            do {
                try tmux.resize(columns: columns, rows: rows)
            } catch {
                return Storm(resizes: done, seconds: Self.seconds(since: start), crashed: true)
            }
            done += 1
            let next = start.advanced(by: duration * Double(index + 1) / Double(resizes))
            if next > clock.now { try await Task.sleep(until: next, clock: clock) }
        }
        let crashed = (try? tmux.isPaneDead) ?? true
        return Storm(resizes: done, seconds: Self.seconds(since: start), crashed: crashed)
    }

    /// Settles at 80x24 and compares the screen with a forced full repaint (Ctrl-L): returns the
    /// number of cells that differ (garbage left from earlier sizes). Also checks that every row
    /// fits in 80 cells, that box rows end with their border in the last column, and `mustShow`.
    static func settleAndCompare(_ tmux: TmuxSession, mustShow: [String]) async throws -> Int {
        try tmux.resize(columns: 80, rows: 24)
        try await tmux.waitUntil("the layout at 80x24 with \(mustShow)") { screen in
            mustShow.allSatisfy { screen.contains($0) }
        }
        try await Task.sleep(for: .milliseconds(400))
        let settled = try tmux.capture()
        try tmux.sendKeys("C-l")
        try await Task.sleep(for: .milliseconds(400))
        let repainted = try tmux.capture()
        let rows = settled.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.allSatisfy { TUIEndToEndTests.cells($0) <= 80 }, "a row wider than 80:\n\(settled)")
        let boxRows = rows.filter { $0.hasPrefix("│") || $0.hasPrefix("|") }
        #expect(!boxRows.isEmpty, "no box rows:\n\(settled)")
        for row in boxRows {
            #expect(TUIEndToEndTests.cells(row) == 80 && (row.hasSuffix("│") || row.hasSuffix("|")), "\(row)")
        }
        let differing = differingCells(normalized(settled), normalized(repainted))
        if differing > 0 { Issue.record("settled screen:\n\(settled)\nafter Ctrl-L:\n\(repainted)") }
        return differing
    }

    /// The screen with what changes by itself each second (digits of times, spinner frames) masked.
    static func normalized(_ screen: String) -> [[Character]] {
        let spinners: Set<Character> = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏", "/", "\\"]
        return screen.split(separator: "\n", omittingEmptySubsequences: false).map { row in
            row.map { $0.isNumber ? "#" : spinners.contains($0) ? "*" : $0 }
        }
    }

    /// Characters that differ between two screens, row by row (a missing character counts).
    static func differingCells(_ a: [[Character]], _ b: [[Character]]) -> Int {
        var count = 0
        for row in 0..<max(a.count, b.count) {
            let left = row < a.count ? a[row] : []
            let right = row < b.count ? b[row] : []
            for column in 0..<max(left.count, right.count) {
                let x = column < left.count ? left[column] : " "
                let y = column < right.count ? right[column] : " "
                if x != y { count += 1 }
            }
        }
        return count
    }

    /// Whether `pid` exists and has not exited (a zombie waiting to be reaped has exited).
    static func isRunning(_ pid: Int32) -> Bool {
        guard Foundation.kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    /// User plus system CPU time of `pid` in clock ticks, from /proc/PID/stat (fields 14 and 15).
    static func cpuTicks(_ pid: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: ContinuousClock.now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}

/// SplitMix64, so a storm's sizes are the same on every run.
struct StormRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func below(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
