import Foundation
import HailuoTestSupport
import Testing

/// The real screen in tmux, in demo mode: choosing H3 brings its fields and toggles (a duration
/// stepper, 2K, a ratio, the references row) and takes the optimizer away; a submitted H3 job
/// goes to the unified endpoint and completes; back on Hailuo-02 the H3 fields go again and the
/// screen says what is kept but not sent.
@Suite("Model switch end to end", .serialized, .sharesTheMachine)
struct ModelSwitchEndToEndTests {
    @Test func h3FieldsAppearAreSentAndGoAgain() async throws {
        let home = try TemporaryFolder("hailuo-models").url
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try TmuxSession.hailuo(
            columns: 120, rows: 36, home: home, extra: ["HAILUO_DEMO_TIME_SCALE": "60"])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.type("A lighthouse keeper climbs the stairs at dusk")
        let before = try await tmux.waitUntilSettled("the prompt") { $0.contains("A lighthouse keeper") }
        #expect(before.contains("Opt") && !before.contains("References") && !before.contains("Ratio"), "\(before)")
        for _ in 0..<5 { try tmux.sendKeys("F2") }
        let h3 = try await tmux.waitUntilSettled("H3's fields") { $0.contains("‹h3›") }
        #expect(h3.contains("References"), "\(h3)")
        #expect(h3.contains("Ratio") && h3.contains("‹2K›") && h3.contains("◂6 s▸"), "\(h3)")
        #expect(!h3.contains("Opt"), "H3 has no optimizer:\n\(h3)")
        #expect(h3.contains("/7000"), "H3's prompt limit:\n\(h3)")
        try tmux.sendKeys("F3", "F3")
        try await tmux.waitFor("◂8 s▸")
        try tmux.sendKeys("Tab", "Tab", "Tab")
        try tmux.type("https://example.com/look.png https://example.com/storm.mp4")
        try await tmux.waitFor("1 image · 1 video")
        try tmux.sendKeys("C-s")
        try await tmux.waitFor("completed", timeout: .seconds(90))
        // Sent as H3 on the unified endpoint (its ids carry the model), with its references.
        try tmux.sendKeys("Escape")
        try await Task.sleep(for: .milliseconds(300))
        try tmux.sendKeys("Enter")
        let details = try await tmux.waitFor("Ref. videos", timeout: .seconds(20))
        #expect(details.contains(":minimax/h3"), "\(details)")
        #expect(details.contains("8 s · 2K"), "\(details)")
        try tmux.sendKeys("Escape")
        try await Task.sleep(for: .milliseconds(300))
        // Back to Hailuo-02: the row goes, and the screen says what is not sent.
        try tmux.sendKeys("F2", "F2")
        let back = try await tmux.waitUntilSettled("back on Hailuo-02") { $0.contains("‹hailuo-02›") }
        #expect(!back.contains("References"), "\(back)")
        #expect(back.contains("not sent with hailuo-02: 2 references (kept)"), "\(back)")
        #expect(back.contains("Opt"), "\(back)")
    }
}
