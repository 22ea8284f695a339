import Foundation
import HailuoCore
import HailuoSimulator
import HailuoTestSupport
import Testing

/// The real screen in tmux against a simulator whose catalogue dropped two models: the roster
/// asked at start reaches the composer, and F2 skips what the provider no longer lists.
@Suite("Terminal UI: models the provider no longer lists", .serialized, .sharesTheMachine)
struct RosterTUITests {
    /// The model the options row shows as chosen (`Model ‹hailuo-02›`).
    static func chosenModel(_ screen: String) -> String? {
        guard let start = screen.range(of: "Model ‹") else { return nil }
        let rest = screen[start.upperBound...]
        return rest.firstIndex(of: "›").map { String(rest[..<$0]) }
    }

    @Test func theChosenModelGetsANoteAndF2SkipsDroppedModels() async throws {
        let home = try TemporaryFolder("hailuo-roster-tui").url
        defer { TemporaryFolder.remove(home) }
        let simulator = Simulator()
        let port = try await simulator.start()
        defer { Task { await simulator.stop() } }
        simulator.removeFromCatalogue(model: "minimax/hailuo-02")
        simulator.removeFromCatalogue(model: "video-01")
        let runner = CLIRunner(
            home: home,
            extra: [
                "AIML_API_KEY": "sk-roster-tui-0001", "AIML_API_BASE_URL": "http://127.0.0.1:\(port)",
                "TERM": "xterm-256color",
            ])
        let tmux = try TmuxSession(
            columns: 110, rows: 30, environment: runner.environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        // The default model is one of the two: the roster's note says so under the options.
        try await tmux.waitFor("is no longer listed by the provider", timeout: .seconds(20))
        #expect(try tmux.capture().contains("‹hailuo-02›"), "the roster does not change the request by itself")

        try tmux.sendKeys("F2")  // video-01 is skipped
        let next = try await tmux.waitFor("‹video-01-live2d›")
        #expect(!next.contains("‹video-01›"))
        #expect(!next.contains("no longer listed"), "a toggle clears the note")
        // Round the table once: each F2 awaited until the model shown changes; the two dropped
        // models never come up.
        var seen = ["video-01-live2d"]
        for _ in 1..<ModelCatalog.ids.count {
            let previous = seen[seen.count - 1]
            try tmux.sendKeys("F2")
            let screen = try await tmux.waitUntil("the model to change from \(previous)") {
                Self.chosenModel($0).map { $0 != previous } ?? false
            }
            seen.append(Self.chosenModel(screen) ?? "?")
            if seen.last == "video-01-live2d" { break }
        }
        #expect(seen.last == "video-01-live2d", "F2 went round the offered models: \(seen)")
        #expect(!seen.contains("hailuo-02") && !seen.contains("video-01"), "\(seen)")
        #expect(seen.count == ModelCatalog.ids.count - 1, "every other model came up once: \(seen)")
        #expect(simulator.recordedRequests().filter { $0.kind == .create }.isEmpty)

        try tmux.sendKeys("Escape")
        try await Task.sleep(for: .milliseconds(200))
        try tmux.sendKeys("q")
        try await TUIEndToEndTests.waitForExit(tmux)
    }
}
