import Foundation
import HailuoTestSupport
import Testing

/// A preset's round trip on the real screen in tmux (demo mode): F8 saves the composer to
/// presets.toml under a typed name, F7 brings it back into an emptied composer.
@Suite("Presets end to end", .serialized, .sharesTheMachine)
struct PresetsEndToEndTests {
    @Test func savedWithF8AndRecalledWithF7() async throws {
        let home = try TemporaryFolder("hailuo-presets-tui").url
        defer { try? FileManager.default.removeItem(at: home) }
        let runner = CLIRunner(home: home, extra: ["TERM": "xterm-256color"])
        let file = home.appendingPathComponent("config/hailuo/presets.toml")
        let tmux = try TmuxSession(
            columns: 100, rows: 30, environment: runner.environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")

        let prompt = "Lanterns drift over a night river"
        try tmux.type(prompt)
        try await tmux.waitFor(prompt)
        try tmux.sendKeys("F3")  // 10 s, kept in the preset
        try await tmux.waitFor("‹10 s›")
        try tmux.sendKeys("F8")
        try await tmux.waitFor("Save as preset")
        try tmux.type("night river")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("saved preset \"night river\"")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("[presets.\"night river\"]"))
        #expect(text.contains("prompt = \"\(prompt)\""))
        #expect(text.contains("duration = 10"))

        try tmux.sendKeys("C-u")  // the prompt is one line: Ctrl-U empties it
        try tmux.sendKeys("F3")  // back to 6 s
        try await tmux.waitUntil("the prompt emptied") { !$0.contains(prompt) && $0.contains("‹6 s›") }
        try tmux.sendKeys("F7")
        try await tmux.waitFor("load into the composer")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor("loaded preset \"night river\"")
        let screen = try await tmux.waitUntil("the prompt back") { $0.contains(prompt) && $0.contains("‹10 s›") }
        #expect(!screen.contains("load into the composer"))
    }
}
