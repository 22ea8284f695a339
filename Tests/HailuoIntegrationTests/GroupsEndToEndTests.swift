import Foundation
import HailuoCore
import HailuoTestSupport
import Testing

/// Variants and groups in the real `hailuo` screen in tmux, in demo mode: ×3 asks with the total,
/// three jobs arrive as one group, the compare view shows a frame of each, and a favourite picked
/// there is stored for `hailuo jobs --favourites`.
@Suite("Groups end to end", .serialized, .sharesTheMachine)
struct GroupsEndToEndTests {
    @Test func threeVariantsAreOneGroupAndCompareShowsThreeFrames() async throws {
        try #require(PicturesEndToEndTests.ffmpegInstalled, "ffmpeg is not installed: scripts/test.sh installs it")
        let home = try TemporaryFolder("hailuo-groups").url
        defer { try? FileManager.default.removeItem(at: home) }
        let runner = CLIRunner(home: home, extra: ["HAILUO_DEMO_TIME_SCALE": "60"])
        let tmux = try TmuxSession.hailuo(
            columns: 120, rows: 40, home: home, extra: ["HAILUO_DEMO_TIME_SCALE": "60"])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.type("A lighthouse in a storm, three takes")
        try tmux.sendKeys("F6", "F6")
        try await tmux.waitFor("‹×3›")
        try tmux.sendKeys("C-s")
        let question = try await tmux.waitFor("Send 3 jobs")
        #expect(question.contains("in all") && question.contains("$0.29 each"), "the total:\n\(question)")
        try tmux.sendKeys("y")
        let grouped = try await tmux.waitUntilSettled("the group row") { $0.contains("×3 A lighthouse") }
        #expect(grouped.contains("/3 done"), "\(grouped)")
        let videos = home.appendingPathComponent("videos/hailuo")
        try await tmux.waitUntil("three downloads", timeout: .seconds(60)) { _ in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: videos.path)) ?? []
            return names.filter { $0.hasSuffix(".mp4") }.count == 3
        }
        try await tmux.waitFor("3/3 done", timeout: .seconds(20))
        try tmux.sendKeys("Escape")  // to the table, the group row selected
        try await Task.sleep(for: .milliseconds(200))
        try tmux.sendKeys("C")
        let compare = try await tmux.waitUntilSettled("three frames", timeout: .seconds(30)) {
            $0.contains("Compare ×3") && $0.components(separatedBy: "3.0 s").count - 1 == 3
        }
        #expect(!compare.contains("not downloaded"), "\(compare)")
        let styled = try tmux.captureStyled()
        #expect(styled.components(separatedBy: "\u{1B}[38;5;").count > 60, "the frames are in colour")

        try tmux.sendKeys("Right", "*")
        try await tmux.waitFor("is a favourite")
        let listed = try await runner.run(["jobs", "--favourites", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").count == 1, "one favourite:\n\(listed.stdout)")
        try tmux.sendKeys("Enter")  // the chosen job in the details
        try await tmux.waitFor("read from the file", timeout: .seconds(20))
    }
}
