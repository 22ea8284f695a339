import Foundation
import HailuoSimulator
import HailuoTestSupport
import Testing

/// A whole session with a recognisable key, by every key source and through the screen, then a
/// search of everything it left behind for the key and for the image's base64 text.
@Suite("Secrets sweep", .serialized, .aloneOnTheMachine)
struct SecretsSweepTests {
    /// Polls every 3 s (a live-mode job is first polled after at most `max_interval`), no bell.
    static let fastPolls = "[poll]\nmin_interval = 3\nmax_interval = 3\n\n[notify]\non_finish = \"none\"\n\n"

    @Test func aFullSessionLeavesNoKeyAndNoImageDataAnywhere() async throws {
        let key = "sk-HAILUOSECRET-" + (0..<12).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        let home = try TemporaryFolder("hailuo-secrets").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator(configuration: SimulatorConfiguration(timeScale: 3000, acceptedKeys: [key]))
        let port = try await simulator.start()
        let base = "http://127.0.0.1:\(port)"
        let imageData = UniqueImage.png(width: 1280, height: 720)
        let image = home.appendingPathComponent("first.png")
        try imageData.write(to: image)
        var sweep = SecretSweep(SecretNeedles(key: key, image: imageData))
        let config = home.appendingPathComponent("config/hailuo/config.toml")
        try FileManager.default.createDirectory(
            at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.fastPolls.write(to: config, atomically: true, encoding: .utf8)

        let cli = CLIRunner(home: home, extra: ["AIML_API_KEY": key, "AIML_API_BASE_URL": base])
        func run(_ runner: CLIRunner, _ arguments: [String], expect status: Int32) async throws -> CLIRunner.Outcome {
            let outcome = try await runner.run(arguments)
            #expect(outcome.status == status, "\(arguments): exit \(outcome.status)\n\(outcome.stderr)")
            sweep.search(outcome.stdout, place: "stdout of \(arguments.prefix(3))")
            sweep.search(outcome.stderr, place: "stderr of \(arguments.prefix(3))")
            return outcome
        }

        // The environment key: every command, a failure, a refusal.
        _ = try await run(cli, ["config"], expect: 0)
        let submit = try await run(
            cli, ["submit", "--prompt", "Secret boat", "--image", image.path, "--wait", "--download", "--json"],
            expect: 0)
        let lastLine = try #require(submit.stdout.split(separator: "\n").last)
        let decoded = try JSONSerialization.jsonObject(with: Data(lastLine.utf8))
        let job = try #require(decoded as? [String: Any])
        let id = try #require(job["id"] as? String)
        #expect(
            simulator.recordedRequests().contains {
                $0.kind == .create && $0.bodyText?.contains("data:image/png") == true
            })
        for arguments in [["jobs"], ["jobs", "--json"], ["show", id], ["show", id, "--json"], ["wait", id]] {
            _ = try await run(cli, arguments, expect: 0)
        }
        _ = try await run(cli, ["download", id, "--to", home.appendingPathComponent("elsewhere").path], expect: 0)
        _ = try await run(cli, ["submit", "--prompt", "break [sim:fail]", "--image", image.path, "--wait"], expect: 1)
        simulator.inject(.noCredits, on: .create)
        _ = try await run(cli, ["submit", "--prompt", "no credits", "--image", image.path], expect: 3)
        let wrong = CLIRunner(home: home, extra: ["AIML_API_KEY": "sk-wrong-key-0000", "AIML_API_BASE_URL": base])
        let refused = try await run(wrong, ["submit", "--prompt", "wrong key", "--image", image.path], expect: 3)
        #expect(refused.stderr.localizedCaseInsensitiveContains("401") || refused.stderr.contains("key"))

        // The key from a private key file, then from a key command.
        let keyFile = home.appendingPathComponent("keys/api_key")
        try FileManager.default.createDirectory(
            at: keyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try (key + "\n").write(to: keyFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        let viaFile = home.appendingPathComponent("via-file.toml")
        try (Self.fastPolls + "[profiles.default]\napi_key_file = \"\(keyFile.path)\"\n").write(
            to: viaFile, atomically: true, encoding: .utf8)
        let viaCommand = home.appendingPathComponent("via-command.toml")
        try (Self.fastPolls + "[profiles.default]\napi_key_command = \"cat '\(keyFile.path)'\"\n")
            .write(to: viaCommand, atomically: true, encoding: .utf8)
        let keyless = CLIRunner(home: home, extra: ["AIML_API_BASE_URL": base])
        for file in [viaFile, viaCommand] {
            _ = try await run(keyless, ["config", "--config", file.path], expect: 0)
            let outcome = try await run(
                keyless, ["submit", "--config", file.path, "--prompt", "keyed boat", "--image", image.path, "--wait"],
                expect: 0)
            #expect(!outcome.stderr.contains("DEMO"), "\(file.lastPathComponent) ran in demo mode")
        }
        // The README's promise: a key file others can read is refused.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile.path)
        let open = try await run(keyless, ["submit", "--config", viaFile.path, "--prompt", "open key"], expect: 2)
        #expect(open.stderr.contains("chmod 600"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)

        // The screen, with the key in its environment: submit with an image, details, a draft left behind.
        try await Self.screenSession(home: home, base: base, key: key, image: image.path, sweep: &sweep)

        // Everything left on disk.
        let state = home.appendingPathComponent("state/hailuo")
        sweep.searchFiles(under: state)
        sweep.searchFiles(under: home.appendingPathComponent("videos")) { $0.pathExtension == "json" }
        sweep.searchFiles(under: home.appendingPathComponent("elsewhere")) { $0.pathExtension == "json" }
        sweep.searchFiles(under: home.appendingPathComponent("config"))
        let stateFiles = (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []
        #expect(
            stateFiles.contains("jobs.sqlite") && stateFiles.contains("hailuo.log")
                && stateFiles.contains("draft.json"),
            "\(stateFiles)")
        let sidecars =
            FileManager.default.enumerator(atPath: home.appendingPathComponent("videos").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        #expect(!sidecars.isEmpty)

        // The README's modes: state folder 0700, its files 0600.
        #expect(permissions(state.path) == 0o700)
        for name in stateFiles {
            let path = state.appendingPathComponent(name).path
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let expected = isFolder.boolValue ? 0o700 : 0o600
            #expect(permissions(path) == expected, "\(name) is \(String(permissions(path) ?? 0, radix: 8))")
        }

        await simulator.stop()
        #expect(sweep.keyHits.isEmpty, "the key was found in: \(sweep.keyHits)")
        #expect(sweep.base64Hits.isEmpty, "base64 image data was found in: \(sweep.base64Hits)")
        print(
            "FIGURE secrets: places searched \(sweep.places.count), key hits \(sweep.keyHits.count), "
                + "base64 hits \(sweep.base64Hits.count) (state files \(stateFiles.count), sidecars \(sidecars.count))")
    }

    /// The TUI in tmux: a job with an image to completion, its details, a draft left unsent; the
    /// command lines of every process are searched while it runs, the screens after each step.
    static func screenSession(home: URL, base: String, key: String, image: String, sweep: inout SecretSweep)
        async throws
    {
        var environment = CLIRunner(home: home, extra: ["AIML_API_KEY": key]).environment
        environment["TERM"] = "xterm-256color"
        let tmux = try TmuxSession(
            columns: 110, rows: 32, environment: environment, command: [CLIRunner.binary.path, "--base-url", base])
        defer { tmux.kill() }
        try await tmux.waitFor("LIVE")
        sweep.searchCommandLines(label: "screen open")
        // A positive control: the search does find the key where it is expected (the exported
        // environment of the screen's process); this place is not counted.
        let pid = try #require(TUIEndToEndTests.processID(home: home))
        let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))
        #expect(sweep.needles.keyForms.allSatisfy { environ.range(of: $0) != nil }, "the search misses the key")
        try tmux.type("A secret lighthouse")
        try tmux.sendKeys("Tab")
        try tmux.type(image)
        try await tmux.waitFor("PNG 1280x720")
        try tmux.sendKeys("C-s")
        sweep.searchCommandLines(label: "screen submitting")
        try await tmux.waitUntil("the lighthouse completed", timeout: .seconds(60)) {
            // The lighthouse's own row: the CLI session's jobs above are completed already.
            $0.split(separator: "\n").contains { $0.contains("secret lighth") && $0.contains("completed") }
        }
        sweep.search(try tmux.capture(), place: "screen: jobs")
        sweep.search(try tmux.captureStyled(), place: "styled screen: jobs")
        try tmux.sendKeys("BTab")  // back to the prompt: an unsent draft, kept at quit
        try tmux.sendKeys("C-u")
        try tmux.type("an unsent draft")
        try await tmux.waitFor("an unsent draft")
        sweep.search(try tmux.capture(), place: "screen: draft")
        try tmux.sendKeys("Escape")
        try await Task.sleep(for: .milliseconds(200))
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("Generation")
        sweep.search(try tmux.capture(), place: "screen: details")
        sweep.search(try tmux.captureStyled(), place: "styled screen: details")
        sweep.searchCommandLines(label: "screen details")
        try tmux.sendKeys("C-c")
        // The screen may ask first when it still counts a submission as under way; quitting keeps it.
        try await Task.sleep(for: .milliseconds(500))
        if try tmux.capture().contains("Quit anyway?") {
            print("NOTE secrets: the screen asked to confirm quitting (\"a submission is still on its way\")")
            try tmux.sendKeys("y")
        }
        try await TUIEndToEndTests.waitForExit(tmux)
        sweep.search(try tmux.capture(), place: "screen: after quit")
        sweep.search(try tmux.pasteBuffer(), place: "tmux paste buffer")
    }
}
