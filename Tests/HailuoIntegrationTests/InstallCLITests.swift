import Foundation
import HailuoTestSupport
import Testing

/// The README's Install section: completion scripts from the real binary, and
/// `scripts/install.sh` laying out the binary and the completions under a prefix.
@Suite("Install: completions and the install script", .serialized, .sharesTheMachine)
struct InstallCLITests {
    /// Every subcommand a completion script must offer.
    static let subcommands = [
        "submit", "batch", "jobs", "show", "wait", "download", "frame", "resubmit", "dismiss", "favourite",
        "history", "spend", "simulate", "config", "models",
    ]

    @Test(arguments: ["bash", "zsh", "fish"])
    func theBinaryWritesACompletionScript(shell: String) async throws {
        let home = try TemporaryFolder("hailuo-completion").url
        defer { TemporaryFolder.remove(home) }
        let outcome = try await CLIRunner(home: home).run(["--generate-completion-script", shell])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        for name in Self.subcommands {
            #expect(outcome.stdout.contains(name), "the \(shell) script does not name \(name)")
        }
    }

    @Test func theInstallScriptLaysOutBinaryAndCompletions() async throws {
        let home = try TemporaryFolder("hailuo-install").url
        defer { TemporaryFolder.remove(home) }
        let prefix = home.appendingPathComponent("prefix")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/install.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, prefix.path]
        process.environment = [
            "HOME": home.path, "PATH": "/usr/bin:/bin", "HAILUO_BINARY": CLIRunner.binary.path,
            "HAILUO_NO_MANUAL": "1",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let drain = PipeDrain(output)
        // Waits without blocking a concurrency thread, as CLIRunner does.
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                continuation.resume(throwing: error)
            }
        }
        let log = drain.text()
        #expect(status == 0, "\(log)")
        let files = [
            "bin/hailuo", "share/bash-completion/completions/hailuo", "share/zsh/site-functions/_hailuo",
            "share/fish/vendor_completions.d/hailuo.fish",
        ]
        for file in files {
            let path = prefix.appendingPathComponent(file).path
            #expect(FileManager.default.fileExists(atPath: path), "missing \(file)\n\(log)")
        }
        let installed = prefix.appendingPathComponent("bin/hailuo").path
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        let bash = try String(
            contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/hailuo"), encoding: .utf8)
        #expect(bash.contains("submit") && bash.contains("batch"))
        #expect(log.contains("libsqlite3"), "the script lists the libraries the binary needs\n\(log)")
    }
}
