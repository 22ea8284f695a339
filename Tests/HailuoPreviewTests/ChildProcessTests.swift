import Foundation
import HailuoPreview
import HailuoTestSupport
import Testing

@Suite("Slow tools are stopped, with nothing left behind")
struct ChildProcessTests {
    /// A fake tool that records its pid, starts a `sleep` child (recording that pid too) and waits.
    private func slowTool(_ name: String, in folder: TemporaryFolder) throws -> String {
        try ClipFixtures.script(
            name,
            """
            echo $$ > '\(folder.file("\(name).pid"))'
            /bin/sleep 60 &
            echo $! > '\(folder.file("\(name)-child.pid"))'
            wait
            """, in: folder)
    }

    private func pid(_ file: String) throws -> Int32 {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        return try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test("a probe that hangs is killed with its child after the timeout")
    func slowProbe() throws {
        let folder = try TemporaryFolder("hailuo-slow")
        defer { folder.remove() }
        let video = try ClipFixtures.sampleClip(in: folder)
        let tools = ClipTools(ffmpeg: "/bin/false", ffprobe: try slowTool("ffprobe", in: folder))
        #expect(throws: PreviewError("ffprobe took longer than 2 s")) {
            try ClipReader.probe(video: video, timeout: .seconds(2), tools: tools)
        }
        let script = try pid(folder.file("ffprobe.pid"))
        let sleeper = try pid(folder.file("ffprobe-child.pid"))
        #expect(ClipFixtures.isGone(script))
        #expect(ClipFixtures.isGone(sleeper))
    }

    @Test("a frame run that hangs is killed with its child", .enabled(if: ClipFixtures.ffmpegPresent))
    func slowFFmpeg() throws {
        let folder = try TemporaryFolder("hailuo-slow")
        defer { folder.remove() }
        let video = try ClipFixtures.sampleClip(in: folder)
        let real = ClipTools.locate()
        let tools = ClipTools(ffmpeg: try slowTool("ffmpeg", in: folder), ffprobe: real.ffprobe)
        #expect(throws: PreviewError("ffmpeg took longer than 1.5 s")) {
            try ClipReader.stripFrames(video: video, count: 3, timeout: .milliseconds(1500), tools: tools)
        }
        #expect(ClipFixtures.isGone(try pid(folder.file("ffmpeg.pid"))))
        #expect(ClipFixtures.isGone(try pid(folder.file("ffmpeg-child.pid"))))
        let cache = FrameStrip.cacheFolder(forVideo: video)
        let left: [String] = (try? FileManager.default.contentsOfDirectory(atPath: cache)) ?? []
        #expect(left.isEmpty)
    }
}
