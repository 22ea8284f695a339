import Foundation
import HailuoTestSupport
import Testing

/// H3 and H3 Max through the real binary, in demo mode: sent to the unified endpoint whatever the
/// configured family, waited for and downloaded (H3 Max answers its video as a list), and shown
/// with their ratio and references.
@Suite("H3 through the command line", .serialized, .sharesTheMachine)
struct H3CLITests {
    func json(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test(arguments: ["minimax/h3", "minimax/h3-max"])
    func submitWaitDownloadShow(model: String) async throws {
        let home = try TemporaryFolder("hailuo-h3").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let submit = try await cli.run([
            "submit", "--model", model, "--prompt", "A lighthouse keeper climbs the stairs", "--duration", "12",
            "--ratio", "9:16", "--reference-image", "https://example.com/look.png", "--reference-video",
            "https://example.com/storm.mp4", "--reference-audio", "https://example.com/voice.mp3", "--wait",
            "--download", "--json",
        ])
        #expect(submit.status == 0, "\(submit.stderr)")
        let job = try json(try #require(submit.stdout.split(separator: "\n").last))
        #expect(job["status"] as? String == "completed", "\(job)")
        #expect(job["family"] as? String == "unified")
        #expect(job["model"] as? String == model)
        #expect(job["duration"] as? Int == 12)
        #expect(job["resolution"] as? String == (model == "minimax/h3" ? "2K" : "768P"))
        #expect(job["ratio"] as? String == "9:16")
        #expect(job["reference_videos"] as? [String] == ["https://example.com/storm.mp4"])
        let file = try #require(job["file"] as? String)
        #expect(FileManager.default.fileExists(atPath: file))
        let id = try #require(job["id"] as? String)
        let show = try await cli.run(["show", id])
        #expect(show.stdout.contains("ratio       9:16"), "\(show.stdout)")
        #expect(show.stdout.contains("reference   audio https://example.com/voice.mp3"), "\(show.stdout)")
    }
}
