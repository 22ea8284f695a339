import Foundation
import HailuoCore
import HailuoTestSupport
import Testing

/// Pictures in the real `hailuo` screen in tmux, in demo mode: a first frame's thumbnail beside
/// the prompt, a downloaded clip as a strip of frames with its facts read from the file, `L`
/// opening a new draft from the clip's last frame, and ASCII only under `LANG=C`.
@Suite("Pictures end to end", .serialized, .sharesTheMachine)
struct PicturesEndToEndTests {
    /// A private HOME with a 1280x720 PNG in it; demo jobs finish in seconds at this clock.
    private static func sandbox(_ extra: [String: String] = [:]) throws -> (runner: CLIRunner, image: URL) {
        let home = try TemporaryFolder("hailuo-pictures").url
        let image = home.appendingPathComponent("harbour.png")
        try Data(SyntheticImage.png(width: 1280, height: 720)).write(to: image)
        var settings = ["HAILUO_DEMO_TIME_SCALE": "60", "TERM": "xterm-256color"]
        settings.merge(extra) { _, new in new }
        return (CLIRunner(home: home, extra: settings), image)
    }

    /// Whether ffmpeg is on the PATH (scripts/test.sh installs it; clip frames need it).
    static var ffmpegInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/ffmpeg")
        }
    }

    /// Cells of the rows right of the prompt box's right border: the thumbnail panel.
    static func thumbnailPanel(_ screen: String, rows: Int) -> [String] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(rows).map { row in
            guard let border = row.lastIndex(where: { $0 == "│" || $0 == "┐" || $0 == "┘" || $0 == "|" || $0 == "+" })
            else { return "" }
            return String(row[row.index(after: border)...])
        }
    }

    @Test func aThumbnailTheClipsFramesAndContinuingFromTheLastFrame() async throws {
        try #require(Self.ffmpegInstalled, "ffmpeg is not installed: scripts/test.sh installs it")
        let (runner, image) = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try TmuxSession(
            columns: 120, rows: 40, environment: runner.environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.type("The harbour at dawn, boats leaving")
        try tmux.sendKeys("Tab")
        try tmux.type(image.path)
        let withThumbnail = try await tmux.waitUntilSettled("the first frame's thumbnail") {
            $0.contains("PNG 1280x720") && $0.contains("first frame")
        }
        // The thumbnail's cells: symbols in colour, right of the prompt box, above its caption.
        let panel = Self.thumbnailPanel(withThumbnail, rows: 7).filter {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty
        }
        #expect(panel.count >= 4, "no thumbnail rows:\n\(withThumbnail)")
        let styled = try tmux.captureStyled()
        #expect(styled.contains("\u{1B}[38;5;") || styled.contains("\u{1B}[38;2;"), "no colour in the picture")
        // Clearing the field takes the thumbnail away.
        try tmux.sendKeys("C-u")
        try await tmux.waitUntilSettled("the thumbnail gone") { !$0.contains("first frame") }
        try tmux.type(image.path)
        try await tmux.waitFor("first frame")

        try tmux.sendKeys("C-s")
        try await tmux.waitFor("completed", timeout: .seconds(60))
        let videos = runner.home.appendingPathComponent("videos/hailuo")
        try await tmux.waitUntil("the download", timeout: .seconds(30)) { _ in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: videos.path)) ?? []
            return names.contains { $0.hasSuffix(".mp4") }
        }
        try tmux.sendKeys("Escape")  // to the table
        try await Task.sleep(for: .milliseconds(200))
        try tmux.sendKeys("Enter")  // the details pane
        let details = try await tmux.waitFor("(read from the file)", timeout: .seconds(30))
        #expect(details.contains("h264"), "\(details)")
        #expect(details.contains("3.0 s") && details.contains("640x360"), "\(details)")

        try tmux.sendKeys("L")
        let draft = try await tmux.waitUntilSettled("the new draft", timeout: .seconds(30)) {
            $0.contains("continuing") && $0.contains(".last.png")
        }
        #expect(draft.contains("The harbour at dawn"), "the prompt comes with it:\n\(draft)")
        // The extracted PNG passes the image check and is previewed in its turn.
        let checked = try await tmux.waitUntilSettled("the frame checked", timeout: .seconds(20)) {
            $0.contains("PNG ") && $0.contains("first frame")
        }
        #expect(!checked.contains("✗"), "the extracted frame was refused:\n\(checked)")
        let frame = try #require(
            try FileManager.default.contentsOfDirectory(
                at: videos, includingPropertiesForKeys: nil
            ).first { $0.path.hasSuffix(".last.png") })
        let bytes = [UInt8](try Data(contentsOf: frame))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
    }

    @Test func underTheCLocaleThePreviewIsASCII() async throws {
        let (runner, image) = try Self.sandbox(["LANG": "C"])
        defer { try? FileManager.default.removeItem(at: runner.home) }
        let tmux = try TmuxSession(
            columns: 100, rows: 30, environment: runner.environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet")
        try tmux.sendKeys("Tab")
        try tmux.type(image.path)
        let screen = try await tmux.waitUntilSettled("the ASCII thumbnail") {
            $0.contains("PNG 1280x720") && $0.contains("first frame")
        }
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII under LANG=C:\n\(screen)")
        let panel = Self.thumbnailPanel(screen, rows: 5).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(panel.count >= 3, "no ASCII picture:\n\(screen)")
    }
}
