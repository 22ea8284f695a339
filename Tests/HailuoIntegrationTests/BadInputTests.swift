import Foundation
import HailuoSimulator
import HailuoTestSupport
import Testing

/// Bad input through the real `hailuo submit` against a simulator on loopback: every case in
/// ``BadInputCase/all`` either is refused with its exit status and a sentence naming the problem,
/// with nothing sent, or (a borderline input the provider takes) is sent exactly once. No case
/// crashes or hangs.
@Suite("Bad input through the CLI", .serialized, .aloneOnTheMachine)
struct BadInputTests {
    static let key = "sk-badinput-\(UUID().uuidString.prefix(8))"
    /// Secrets that a case puts in its config; no message may repeat them.
    static let secrets = [key, "sk-in-config-1234", "sk-open-key-0001", "user:pw"]

    @Test func everyBadInputIsRefusedClearlyAndNothingIsSent() async throws {
        let home = try TemporaryFolder("hailuo-bad").url
        defer { TemporaryFolder.remove(home) }
        // `nobody` must be able to reach the sandbox for the unreadable-file case.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: home.path)
        let simulator = Simulator()
        let port = try await simulator.start()
        let sandbox = BadInputSandbox(folder: home, baseURL: "http://127.0.0.1:\(port)")
        var tally = (cases: 0, clear: 0, refusedSent: 0, crashes: 0, accepted: 0)
        for (index, item) in BadInputCase.all.enumerated() {
            let caseHome = home.appendingPathComponent(String(format: "case%02d", index))
            try FileManager.default.createDirectory(at: caseHome, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: caseHome.path)
            let box = BadInputSandbox(folder: caseHome, baseURL: sandbox.baseURL)
            let invocation = try item.make(box)
            let before = simulator.recordedRequests().count
            let outcome = try await Self.run(invocation, home: caseHome)
            let sent = simulator.recordedRequests().dropFirst(before)
            tally.cases += 1
            let stderr = outcome.stderrText
            if !outcome.endedCleanly { tally.crashes += 1 }
            let ending = "status \(outcome.status), signalled \(outcome.signalled), timed out \(outcome.timedOut)"
            #expect(outcome.endedCleanly, "\(item.name): \(ending)\n\(stderr)")
            #expect(TerminalBytes.isInert(outcome.stderr), "\(item.name): raw control bytes on stderr")
            #expect(
                !Self.secrets.contains { stderr.contains($0) || outcome.stdoutText.contains($0) },
                "\(item.name): a secret was echoed")
            switch item.expected {
            case .refused(let status, let mentions):
                let missing = mentions.filter { !stderr.localizedCaseInsensitiveContains($0) }
                let clear = outcome.status == status && missing.isEmpty && stderr.utf8.count < 2000
                if clear { tally.clear += 1 }
                tally.refusedSent += sent.count
                #expect(outcome.status == status, "\(item.name): exit \(outcome.status), stderr: \(stderr)")
                #expect(missing.isEmpty, "\(item.name): stderr does not mention \(missing): \(stderr)")
                #expect(stderr.utf8.count < 2000, "\(item.name): a message of \(stderr.utf8.count) bytes")
                #expect(sent.isEmpty, "\(item.name): \(sent.count) requests were sent")
            case .accepted(let mentions):
                tally.accepted += 1
                let missing = mentions.filter { !stderr.localizedCaseInsensitiveContains($0) }
                if outcome.status == 0 && missing.isEmpty { tally.clear += 1 }
                #expect(outcome.status == 0, "\(item.name): exit \(outcome.status), stderr: \(stderr)")
                #expect(missing.isEmpty, "\(item.name): stderr does not mention \(missing): \(stderr)")
                #expect(sent.filter { $0.kind == .create }.count == 1, "\(item.name): \(sent.count) requests sent")
            }
        }
        await simulator.stop()
        #expect(tally.cases >= 40)
        print(
            "FIGURE bad-input: cases \(tally.cases), clear messages \(tally.clear), "
                + "requests sent \(tally.refusedSent), crashes \(tally.crashes) "
                + "(refused \(tally.cases - tally.accepted), accepted and sent once \(tally.accepted))"
        )
    }

    /// Runs one case's invocation with a private environment under `home`.
    static func run(_ invocation: Invocation, home: URL) async throws -> RawOutcome {
        var environment = CLIRunner(home: home).environment
        if !invocation.withoutEnvironmentKey { environment["AIML_API_KEY"] = key }
        let binary = CLIRunner.binary.path
        if let line = invocation.shellLine {
            return try await RawRunner.run(
                "/bin/sh", ["-c", line, binary], environment: environment, limit: invocation.limit)
        }
        if invocation.asNobody && geteuid() == 0 {
            let drop = ["--reuid=65534", "--regid=65534", "--clear-groups", "--", binary]
            return try await RawRunner.run(
                "/usr/bin/setpriv", drop + invocation.arguments, environment: environment, limit: invocation.limit)
        }
        return try await RawRunner.run(binary, invocation.arguments, environment: environment, limit: invocation.limit)
    }
}
