import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import HailuoTestSupport
import Testing

/// The real screen over a real SSH link (a private sshd on loopback), against a simulator in this process:
/// cutting the link while jobs are pending ends the screen at once without spinning, leaves the store sound
/// and nothing running, and the next session shows the same jobs and takes them to completion.
@Suite("SSH link cut", .serialized, .aloneOnTheMachine)
struct SSHLinkCutTests {
    static let cycles = 10
    static let jobsPerCycle = 2

    /// What one cut cost: how long the screen took to end and the CPU it used meanwhile.
    struct Cut {
        var exitSeconds: Double
        var cpuMilliseconds: Double
    }

    @Test func cuttingTheLinkEndsTheScreenKeepsEveryJobAndTheNextSessionFinishesThem() async throws {
        let server = try await SSHServer.start()
        defer { server.stop() }
        // Time scale 50: a 6 s clip takes 4.8 to 6 s, so jobs are pending at the cut and done soon after.
        let simulator = Simulator(configuration: SimulatorConfiguration(timeScale: 50))
        let port = try await simulator.start()
        let sandbox = try LiveSandbox(baseURL: "http://127.0.0.1:\(port)")
        defer { sandbox.remove() }
        do {
            try await cutAndComeBack(server: server, simulator: simulator, sandbox: sandbox)
        } catch {
            print("sshd log:\n\(server.log)")
            await simulator.stop()
            throw error
        }
        await simulator.stop()
    }

    private func cutAndComeBack(server: SSHServer, simulator: Simulator, sandbox: LiveSandbox) async throws {
        var cuts: [Cut] = []
        var previous: [String] = []
        for cycle in 1...Self.cycles {
            let (cut, submitted) = try await Self.session(cycle, server: server, sandbox: sandbox, showing: previous)
            cuts.append(cut)
            previous = submitted
            let store = try sandbox.store()
            #expect(try SQLiteIntegrity.check(sandbox.storeURL) == "ok", "cycle \(cycle)")
            let jobs = try store.jobs(includeHidden: true)
            #expect(jobs.count == cycle * Self.jobsPerCycle, "cycle \(cycle): every submitted job is in the store")
            #expect(jobs.allSatisfy { $0.phase == .pending || $0.phase == .completed }, "cycle \(cycle)")
            // It ended through its shutdown path, not a crash: no pending job is still leased to it.
            let held = try jobs.filter { $0.phase == .pending }.compactMap { try store.lease(jobID: $0.id) }
            #expect(held.isEmpty, "cycle \(cycle): the screen gave its leases back on its way out")
        }
        let store = try sandbox.store()
        try await Self.finalSession(server: server, sandbox: sandbox, store: store, newest: previous)

        let jobs = try store.jobs(includeHidden: true)
        let issued = Set(simulator.issuedGenerationIDs())
        let completed = Set(jobs.filter { $0.phase == .completed }.compactMap(\.generationID))
        let submitted = Self.cycles * Self.jobsPerCycle
        #expect(issued.count == submitted, "one create per job sent, none repeated")
        let lost = issued.subtracting(completed).count
        #expect(lost == 0, "issued ids not stored or never completed")
        let maxExit = cuts.map(\.exitSeconds).max() ?? 0
        let maxCPU = cuts.map(\.cpuMilliseconds).max() ?? 0
        print(
            "FIGURE ssh-link-cut: cycles \(cuts.count), jobs submitted \(submitted), jobs lost \(lost), "
                + "max TUI exit after cut \(String(format: "%.2f", maxExit)) s, "
                + "max TUI CPU after cut \(String(format: "%.0f", maxCPU)) ms")
    }

    /// One SSH session: waits for the jobs of the last one on screen, submits new ones, cuts the link
    /// (SIGKILL to the ssh client) while they are pending, and checks the screen ended and nothing is left.
    private static func session(
        _ cycle: Int, server: SSHServer, sandbox: LiveSandbox, showing previous: [String]
    ) async throws -> (Cut, [String]) {
        let tmux = try TmuxSession(
            columns: 110, rows: 36, environment: ["HOME": server.folder.path],
            command: server.client(running: sandbox.remoteCommand()))
        defer { tmux.kill() }
        try await tmux.waitFor("LIVE", timeout: .seconds(30))
        try await tmux.waitUntil("the jobs of the last session") { screen in previous.allSatisfy { screen.contains($0) }
        }
        let store = try sandbox.store()
        let before = Set(try store.jobs(includeHidden: true).map(\.id))
        for job in 1...jobsPerCycle {
            // Appended to what the composer holds: every prompt differs, so no repeat question.
            try tmux.type(" cycle \(cycle) job \(job)")
            try tmux.sendKeys("C-s")
            try await waitForStore("job \(job) of cycle \(cycle) accepted") {
                try store.jobs(includeHidden: true).filter { !before.contains($0.id) && $0.generationID != nil }
                    .count == job
            }
        }
        let submitted = try store.jobs(includeHidden: true).map(\.id).filter { !before.contains($0) }
        try await tmux.waitUntil("the new jobs on screen") { screen in submitted.allSatisfy { screen.contains($0) } }
        #expect(try submitted.allSatisfy { try store.job(id: $0)?.phase == .pending }, "pending at the cut")

        let tui = try #require(ProcessStat.hailuo(home: sandbox.home).first, "the screen runs on the server side")
        let cut = try await cutLink(ssh: try tmux.panePID, tui: tui)
        #expect(cut != nil, "cycle \(cycle): the screen outlived its SSH link")
        if cut == nil { kill(tui, SIGKILL) }
        try await waitForStore("no screen and no SSH session left") {
            ProcessStat.hailuo(home: sandbox.home).isEmpty && server.sessionProcesses().isEmpty
        }
        if let cut {
            // Shutting down (engine, leases, HTTP client) takes a few ms of CPU; a loop that spins
            // on a dead terminal burns every tick until the deadline.
            #expect(cut.cpuMilliseconds < 1000, "cycle \(cycle): the screen spun after the cut")
        }
        return (cut ?? Cut(exitSeconds: 10, cpuMilliseconds: 0), submitted)
    }

    /// SIGKILLs the ssh client and samples the screen's process until it ends (or is a zombie): how long
    /// that took and the CPU time it used from the cut. `nil` when it still runs after 10 s.
    private static func cutLink(ssh: pid_t, tui: pid_t) async throws -> Cut? {
        guard let start = ProcessStat.read(tui) else { return nil }
        let clock = ContinuousClock()
        let cutAt = clock.now
        #expect(kill(ssh, SIGKILL) == 0)
        var ticks = start.cpuTicks
        while clock.now - cutAt < .seconds(10) {
            let now = ProcessStat.read(tui)
            if let now { ticks = now.cpuTicks }
            if now == nil || now?.state == "Z" {
                let elapsed = clock.now - cutAt
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                return Cut(
                    exitSeconds: seconds,
                    cpuMilliseconds: Double(ticks - start.cpuTicks) * 1000 / ProcessStat.ticksPerSecond)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    /// A last session: every job comes to completion and shows so, then Ctrl-C quits it.
    private static func finalSession(
        server: SSHServer, sandbox: LiveSandbox, store: JobStore, newest: [String]
    ) async throws {
        let tmux = try TmuxSession(
            columns: 110, rows: 36, environment: ["HOME": server.folder.path],
            command: server.client(running: sandbox.remoteCommand()))
        defer { tmux.kill() }
        try await tmux.waitFor("LIVE", timeout: .seconds(30))
        try await waitForStore("every job completed", timeout: .seconds(60)) {
            try store.jobs(includeHidden: true).allSatisfy { $0.phase == .completed }
        }
        try await tmux.waitUntil("the newest jobs completed on screen") { screen in
            let rows = screen.split(separator: "\n")
            return newest.allSatisfy { id in rows.contains { $0.contains(id) && $0.contains("completed") } }
        }
        try tmux.sendKeys("C-c")
        try await waitForStore("the screen quit") { ProcessStat.hailuo(home: sandbox.home).isEmpty }
    }
}

/// Polls `condition` every 50 ms until it holds; fails with `description` after `timeout`.
func waitForStore(
    _ description: String, timeout: Duration = .seconds(15), _ condition: () throws -> Bool
) async throws {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while try !condition() {
        guard ContinuousClock.now < deadline else {
            throw TmuxSession.Failure.timedOut(waitingFor: description, after: timeout, screen: "")
        }
        try await Task.sleep(for: .milliseconds(50))
    }
}

/// A private HOME for the built `hailuo` in LIVE mode against a test's simulator: polls every 3 s (the
/// shortest the config allows), a rate cap that never delays a test, no automatic downloads.
struct LiveSandbox {
    let home: URL
    let baseURL: String
    /// A made-up key: the simulator accepts any.
    let apiKey = "sk-test-reliability-0000"

    init(baseURL: String) throws {
        home = try TemporaryFolder("hailuo-live").url
        self.baseURL = baseURL
        let config = home.appendingPathComponent("config/hailuo")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        let text = """
            [download]
            auto = false

            [poll]
            min_interval = 3
            max_interval = 3
            requests_per_second = 20

            """
        try text.write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    /// The job store the program uses (`$XDG_STATE_HOME/hailuo/jobs.sqlite`).
    var storeURL: URL { home.appendingPathComponent("state/hailuo/jobs.sqlite") }

    /// The store, opened here (the program creates it at its start).
    func store() throws -> JobStore { try JobStore(url: storeURL) }

    /// The program's environment: ``CLIRunner``'s private XDG folders, the key, an xterm.
    var environment: [String: String] {
        CLIRunner(home: home, extra: ["AIML_API_KEY": apiKey, "TERM": "xterm-256color"]).environment
    }

    /// The argument vector of the screen talking to `baseURL` (default: the sandbox's).
    func command(baseURL: String? = nil) -> [String] {
        [CLIRunner.binary.path, "--base-url", baseURL ?? self.baseURL]
    }

    /// The shell command line an SSH session runs: `env` with ``environment``, then ``command(baseURL:)``.
    func remoteCommand() -> String {
        let assignments = environment.sorted { $0.key < $1.key }.map { shellQuoted("\($0.key)=\($0.value)") }
        return (["env", "-i"] + assignments + command().map(shellQuoted)).joined(separator: " ")
    }

    func remove() {
        TemporaryFolder.remove(home)
    }
}
