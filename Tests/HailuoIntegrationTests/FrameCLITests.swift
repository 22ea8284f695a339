import Foundation
import HailuoSimulator
import HailuoTestSupport
import Testing

/// `hailuo frame` against a demo job's real downloaded clip (the simulator's sample video).
@Suite(
    "hailuo frame", .serialized, .sharesTheMachine,
    .enabled(if: FrameTools.onRunnerPath, "needs ffmpeg and ffprobe in /usr/bin or /bin"))
struct FrameCLITests {
    /// The width and height in a PNG's IHDR.
    private func pngSize(_ path: String) throws -> [Int] {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)).prefix(24))
        try #require(bytes.count == 24 && Array(bytes[1..<4]) == Array("PNG".utf8))
        try #require(Array(bytes[12..<16]) == Array("IHDR".utf8))
        return [16, 20].map { offset in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    }

    private func json(_ text: String) throws -> [String: Any] {
        let line = try #require(text.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test("the last frame and a frame at a time of a downloaded demo clip, and the refusals")
    func frames() async throws {
        let home = try TemporaryFolder("hailuo-frame-cli").url
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let submit = try await cli.run([
            "submit", "--prompt", "A kite over the dunes", "--wait", "--download", "--json",
        ])
        #expect(submit.status == 0, "\(submit.stderr)")
        let job = try json(submit.stdout)
        let id = try #require(job["id"] as? String)
        let video = try #require(job["file"] as? String)

        let last = try await cli.run(["frame", id, "--last"])
        #expect(last.status == 0, "\(last.stderr)")
        let lastPath = last.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(lastPath == (video as NSString).deletingPathExtension + ".last.png")
        #expect(try pngSize(lastPath) == [SampleVideo.width, SampleVideo.height])

        let still = home.appendingPathComponent("still.png").path
        let at = try await cli.run(["frame", String(id.prefix(5)), "--at", "1.5", "--to", still, "--json"])
        #expect(at.status == 0, "\(at.stderr)")
        let frame = try json(at.stdout)
        #expect(frame["path"] as? String == still)
        #expect(frame["width"] as? Int == SampleVideo.width)
        #expect(frame["height"] as? Int == SampleVideo.height)
        let seconds = try #require(frame["at_seconds"] as? Double)
        #expect(abs(seconds - 1.5) < 0.11)
        #expect(try pngSize(still) == [SampleVideo.width, SampleVideo.height])
        #expect(try Data(contentsOf: URL(fileURLWithPath: still)) != Data(contentsOf: URL(fileURLWithPath: lastPath)))

        let past = try await cli.run(["frame", id, "--at", "99"])
        #expect(past.status == 2)
        #expect(past.stderr.contains("99 s is past the end: the clip is 3 s long"), "\(past.stderr)")

        let noFFmpeg = CLIRunner(home: home, extra: ["HAILUO_FFMPEG": "/nonexistent/ffmpeg"])
        let missing = try await noFFmpeg.run(["frame", id, "--last", "--to", home.appendingPathComponent("x.png").path])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("ffmpeg is not installed (Debian: apt install ffmpeg)"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("x.png").path))
    }

    @Test("bad flags, an unknown id and a job with no downloaded video exit 2 with a reason")
    func refusals() async throws {
        let home = try TemporaryFolder("hailuo-frame-cli").url
        defer { TemporaryFolder.remove(home) }
        // No automatic download, so the finished job has no video until `hailuo download`.
        let configFolder = home.appendingPathComponent("config/hailuo")
        try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
        try Data("[download]\nauto = false\n".utf8).write(to: configFolder.appendingPathComponent("config.toml"))
        let cli = CLIRunner(home: home)
        let submit = try await cli.run(["submit", "--prompt", "A lighthouse at dusk", "--wait", "--json"])
        #expect(submit.status == 0, "\(submit.stderr)")
        let id = try #require(try json(submit.stdout)["id"] as? String)

        let notDownloaded = try await cli.run(["frame", id, "--last"])
        #expect(notDownloaded.status == 2)
        #expect(
            notDownloaded.stderr.contains("job \(id) has no downloaded video yet: hailuo download \(id)"),
            "\(notDownloaded.stderr)")

        for flags in [[String](), ["--last", "--at", "1"]] {
            let outcome = try await cli.run(["frame", id] + flags)
            #expect(outcome.status == 2, "\(flags)")
            #expect(outcome.stderr.contains("--last"), "\(outcome.stderr)")
        }
        let unknown = try await cli.run(["frame", "zzzzzzzz", "--last"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no job matches"), "\(unknown.stderr)")

        let help = try await cli.run(["frame", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("hailuo frame k3f9x2ab --last"))
    }
}

/// Whether ffmpeg can run under ``CLIRunner``.
enum FrameTools {
    /// Whether the `PATH` ``CLIRunner`` gives the binary holds ffmpeg and ffprobe.
    static var onRunnerPath: Bool {
        ["ffmpeg", "ffprobe"].allSatisfy { tool in
            ["/usr/bin", "/bin"].contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
        }
    }
}
