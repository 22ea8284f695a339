import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import HailuoTestSupport
import Testing

/// SIGKILL at any moment of a submission, from the command line and from the screen: after a
/// restart every id the provider issued is in a store or its job is unconfirmed, and no job was
/// POSTed twice.
@Suite("Crash safety: kill -9 before, during and after the POST", .serialized, .aloneOnTheMachine)
struct CrashSafetyTests {
    static let cliCount = 80
    static let tuiCount = 20

    /// `HAILUO_CRASH_SEED` repeats a run; otherwise a new seed, printed.
    static func seed() -> UInt64 {
        ProcessInfo.processInfo.environment["HAILUO_CRASH_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...999_999)
    }

    @Test func killedSubmissionsAreNeverLostNorResent() async throws {
        let seed = Self.seed()
        print("crash-safety: seed \(seed) (HAILUO_CRASH_SEED=\(seed) repeats this run)")
        var random = CrashSafetyRandom(seed: seed)
        // Every create answers after 0.4 s, so many kills land while the POST is in flight.
        let simulator = Simulator(
            configuration: SimulatorConfiguration(
                timeScale: 200, slowDelay: 0.4, faults: [FaultRule(fault: .slow, on: .create, count: nil)]))
        let port = try await simulator.start()
        let root = try TemporaryFolder("hailuo-crash").url
        defer { TemporaryFolder.remove(root) }
        let environment = ["AIML_API_KEY": "sk-crash-test-0001", "AIML_API_BASE_URL": "http://127.0.0.1:\(port)"]

        // Plan: CLI kills 0...1.2 s after the start (start-up, then the POST, then waiting);
        // screen kills 0...0.8 s after Ctrl-S (one in five at once, often before the screen has read the key).
        let cliHome = try Self.home(root, "cli")
        var submissions: [CrashSubmission] = []
        for index in 0..<Self.cliCount {
            submissions.append(
                CrashSubmission(
                    prompt: "crash-c\(index)", front: "cli", home: cliHome,
                    delay: Double.random(in: 0...1.2, using: &random)))
        }
        for index in 0..<Self.tuiCount {
            submissions.append(
                CrashSubmission(
                    prompt: "crash-t\(index)", front: "tui", home: try Self.home(root, "tui-\(index)"),
                    delay: max(0, Double.random(in: -0.2...0.8, using: &random))))
        }
        // The CLI store exists before the storm (as it would after a first run).
        let cli = CLIRunner(home: cliHome, extra: environment)
        #expect(try await cli.run(["jobs", "--json"]).status == 0)

        let cliPlan = submissions.filter { $0.front == "cli" }
        let tuiPlan = submissions.filter { $0.front == "tui" }
        async let cliEndings = Self.run(cliPlan, width: 6, environment: environment)
        async let tuiEndings = Self.run(tuiPlan, width: 3, environment: environment)
        submissions = try await cliEndings + tuiEndings
        for submission in submissions {
            let ending = submission.ending
            #expect(
                ending == .killed || ending == .exited(0), "\(submission.prompt) crashed: \(String(describing: ending))"
            )
        }

        // Restart: `hailuo jobs` marks interrupted submissions unconfirmed; `hailuo wait` resumes the rest.
        let homes = Array(Set(submissions.map(\.home)))
        let restarted = try await withThrowingTaskGroup(of: (URL, [CrashJob]).self) { group in
            for home in homes { group.addTask { (home, try await Self.restart(home, environment: environment)) } }
            return try await group.reduce(into: [(URL, [CrashJob])]()) { $0.append($1) }
        }
        var jobs: [String: CrashJob] = [:]
        for (home, listed) in restarted {
            for job in listed { jobs[job.prompt] = job }
            #expect(try Self.integrityProblems(home).isEmpty, "store in \(home.lastPathComponent)")
        }
        await simulator.stop()

        let ledger = CrashSafetyLedger(
            submissions: submissions, requests: simulator.recordedRequests(),
            issuedIDs: simulator.issuedGenerationIDs(), jobs: jobs)
        #expect(ledger.problems.isEmpty, "\(ledger.problems)")
        #expect(ledger.duplicates == 0)
        #expect(ledger.found + ledger.unconfirmed == ledger.issued)
        #expect(ledger.before + ledger.during + ledger.after == submissions.count)
        let screen = CrashSafetyLedger(
            submissions: submissions.filter { $0.front == "tui" }, requests: simulator.recordedRequests(),
            issuedIDs: [], jobs: jobs)
        let split = "\(screen.before)/\(screen.during)/\(screen.after)"
        print("crash-safety: of these, screen kills before/during/after POST \(split)")
        print(
            "FIGURE crash-safety: submissions \(submissions.count) (cli \(Self.cliCount), tui \(Self.tuiCount)), "
                + "kills before/during/after POST \(ledger.before)/\(ledger.during)/\(ledger.after), "
                + "ids issued \(ledger.issued), ids found \(ledger.found), unconfirmed \(ledger.unconfirmed), "
                + "duplicates \(ledger.duplicates), seed \(seed)")
    }

    /// A HOME with a config that polls every 3 s (the CLI's minimum) and does not download.
    static func home(_ root: URL, _ name: String) throws -> URL {
        let home = root.appendingPathComponent(name)
        let config = home.appendingPathComponent("config/hailuo")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try FaultMatrixCLIRun.config.write(
            to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        return home
    }

    /// Runs the submissions `width` at a time, each killed at its planned moment.
    static func run(_ planned: [CrashSubmission], width: Int, environment: [String: String]) async throws
        -> [CrashSubmission]
    {
        try await withThrowingTaskGroup(of: CrashSubmission.self) { group in
            var pending = planned[...]
            var done: [CrashSubmission] = []
            func addNext() {
                guard var next = pending.popFirst() else { return }
                group.addTask {
                    let runner = CLIRunner(home: next.home, extra: environment)
                    if next.front == "cli" {
                        next.ending = try await CrashSafetyProcess.runAndKill(
                            ["submit", "--prompt", next.prompt, "--wait"], environment: runner.environment,
                            after: next.delay, stderr: next.home.appendingPathComponent("\(next.prompt).stderr"))
                    } else {
                        next.ending = try await CrashSafetyScreen.submitAndKill(
                            prompt: next.prompt, runner: runner, delay: next.delay)
                    }
                    return next
                }
            }
            for _ in 0..<width { addNext() }
            while let submission = try await group.next() {
                done.append(submission)
                addNext()
            }
            return done
        }
    }

    /// `hailuo jobs --json` (which recovers abandoned submissions), then `hailuo wait` for every
    /// pending job; returns the jobs as the store holds them afterwards.
    static func restart(_ home: URL, environment: [String: String]) async throws -> [CrashJob] {
        let cli = CLIRunner(home: home, extra: environment)
        var jobs = try await list(cli)
        #expect(!jobs.contains { $0.phase == "submitting" }, "a submission was left half-way")
        let pending = jobs.filter { $0.phase == "pending" }.map(\.id)
        if !pending.isEmpty {
            let wait = try await cli.run(["wait"] + pending + ["--timeout", "60"])
            #expect(wait.status == 0, "hailuo wait: \(wait.stderr)")
            jobs = try await list(cli)
        }
        return jobs
    }

    static func list(_ cli: CLIRunner) async throws -> [CrashJob] {
        let outcome = try await cli.run(["jobs", "--all", "--json"])
        #expect(outcome.status == 0, "hailuo jobs: \(outcome.stderr)")
        return outcome.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]).flatMap(CrashJob.init)
        }
    }

    /// SQLite's own check when the `sqlite3` tool is there, and always: every job and its history
    /// read back through the store.
    static func integrityProblems(_ home: URL) throws -> [String] {
        let database = home.appendingPathComponent("state/hailuo/jobs.sqlite")
        guard FileManager.default.fileExists(atPath: database.path) else { return [] }
        var problems: [String] = []
        let store = try JobStore(url: database)
        for job in try store.jobs(includeHidden: true) where try store.history(jobID: job.id).isEmpty {
            problems.append("job \(job.id) has no history")
        }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [database.path, "PRAGMA integrity_check;"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if output.trimmingCharacters(in: .whitespacesAndNewlines) != "ok" {
                problems.append("integrity: \(output)")
            }
        }
        return problems
    }
}
