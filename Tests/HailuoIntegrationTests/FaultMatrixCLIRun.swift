import Foundation
import HailuoCore
import HailuoSimulator
import HailuoTestSupport

/// A fault-matrix row run through the `hailuo` binary: the exit code and stderr sentence expected.
struct FaultMatrixCLICase: Sendable {
    var row: FaultMatrixCase
    /// Extra `submit` arguments (`--wait`, `--download`).
    var arguments: [String]
    /// The documented exit code (0 done, 1 job failed, 3 API or network error).
    var exit: Int32
    /// A fragment of stderr besides the row's message.
    var stderr: String
}

/// What one CLI row did.
struct FaultMatrixCLIOutcome: Sendable {
    var row: FaultMatrixCase
    var jobsLost = 0
    var duplicatePOSTs = 0
    var messagesChecked = 0
    var problems: [String] = []
}

/// Runs the representative CLI subset, each row with its own simulator and HOME.
enum FaultMatrixCLIRun {
    static func row(_ fault: String, _ kind: RequestKind) -> FaultMatrixCase {
        FaultMatrix.all.first { $0.fault == fault && $0.kind == kind }!
    }

    static let cases: [FaultMatrixCLICase] = [
        .init(row: row("500", .create), arguments: [], exit: 3, stderr: "is unconfirmed"),
        .init(row: row("504", .create), arguments: [], exit: 3, stderr: "hailuo resubmit"),
        .init(row: row("reset", .create), arguments: [], exit: 3, stderr: "is unconfirmed"),
        .init(row: row("truncated-json", .create), arguments: [], exit: 3, stderr: "is unconfirmed"),
        .init(row: row("401", .create), arguments: [], exit: 3, stderr: "was not accepted"),
        .init(row: row("403", .create), arguments: [], exit: 3, stderr: "was not accepted"),
        .init(row: row("hostile-text", .create), arguments: [], exit: 3, stderr: "was not accepted"),
        .init(row: row("503", .create), arguments: [], exit: 0, stderr: ""),
        .init(row: row("error-message", .poll), arguments: ["--wait"], exit: 1, stderr: "failed"),
        .init(row: row("completed-without-url", .poll), arguments: ["--wait"], exit: 1, stderr: "failed"),
        .init(row: row("500", .download), arguments: ["--download"], exit: 3, stderr: "download failed"),
        .init(row: row("expired-link", .download), arguments: ["--download"], exit: 0, stderr: ""),
    ]

    /// Every CLI row, a few at a time.
    static func runAll() async throws -> [FaultMatrixCLIOutcome] {
        try await withThrowingTaskGroup(of: FaultMatrixCLIOutcome.self) { group in
            var pending = cases[...]
            var outcomes: [FaultMatrixCLIOutcome] = []
            func addNext() {
                guard let next = pending.popFirst() else { return }
                group.addTask { try await run(next) }
            }
            for _ in 0..<4 { addNext() }
            while let outcome = try await group.next() {
                outcomes.append(outcome)
                addNext()
            }
            return outcomes
        }
    }

    /// The polling settings the CLI allows that make a test's job finish in seconds.
    static let config = """
        [poll]
        min_interval = 3
        max_interval = 3
        requests_per_second = 20
        [download]
        auto = false
        """

    static func run(_ test: FaultMatrixCLICase) async throws -> FaultMatrixCLIOutcome {
        var outcome = FaultMatrixCLIOutcome(row: test.row)
        let home = try TemporaryFolder("hailuo-matrix-cli").url
        defer { TemporaryFolder.remove(home) }
        let configFolder = home.appendingPathComponent("config/hailuo")
        try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
        try config.write(to: configFolder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let simulator = Simulator(configuration: SimulatorConfiguration(timeScale: 2000))
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        let cli = CLIRunner(
            home: home,
            extra: ["AIML_API_KEY": "sk-matrix-cli-0001", "AIML_API_BASE_URL": "http://127.0.0.1:\(port)"])
        simulator.inject(test.row.simulatorFault!, on: test.row.kind, count: 1)

        let result = try await cli.run(
            ["submit", "--prompt", "cli matrix \(test.row)"] + test.arguments, limit: 60)
        if result.status != test.exit {
            outcome.problems.append("exit \(result.status), expected \(test.exit); stderr: \(result.stderr)")
        }
        for fragment in [test.stderr, test.row.message ?? ""]
        where !fragment.isEmpty && !result.stderr.contains(fragment) {
            outcome.problems.append("stderr lacks \"\(fragment)\": \(result.stderr)")
        }
        let listing = try await cli.run(["jobs", "--json"])
        let jobs = listing.stdout.split(separator: "\n").compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
        if jobs.count != 1 { outcome.problems.append("\(jobs.count) jobs in the store, expected 1") }
        let job = jobs.first ?? [:]
        let phase = job["phase"] as? String
        for id in simulator.issuedGenerationIDs() where job["generation_id"] as? String != id && phase != "unconfirmed"
        {
            outcome.jobsLost += 1
            outcome.problems.append("issued id \(id) is not in the store")
        }
        let creates = simulator.recordedRequests().filter { $0.kind == .create }.count
        outcome.duplicatePOSTs =
            max(0, creates - (test.row.resendAllowed ? 2 : 1))
            + max(0, simulator.issuedGenerationIDs().count - 1)
        // The sentences a person reads: the final `hailuo:` line and any download failure line.
        let requestID = test.row.requestID && test.row.kind == .create ? job["request_id"] as? String : nil
        let sentences = result.stderr.split(separator: "\n").filter {
            $0.hasPrefix("hailuo: ") || $0.contains("download failed")
        }
        if test.exit != 0 && sentences.isEmpty { outcome.problems.append("no error sentence on stderr") }
        for line in sentences {
            outcome.messagesChecked += 1
            let lineRequestID = line.hasPrefix("hailuo: ") ? requestID : nil
            for problem in FaultMatrixSentence.problems(String(line), requestID: lineRequestID) {
                outcome.problems.append("stderr: \(problem): \(line)")
            }
        }
        return outcome
    }
}
