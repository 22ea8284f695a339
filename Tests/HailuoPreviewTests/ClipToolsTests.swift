import Foundation
import HailuoPreview
import HailuoTestSupport
import Testing

@Suite("Finding ffmpeg and ffprobe")
struct ClipToolsTests {
    @Test("the tools are found on the PATH, or where HAILUO_FFMPEG / HAILUO_FFPROBE point")
    func locate() throws {
        let folder = try TemporaryFolder("hailuo-tools")
        defer { folder.remove() }
        let ffmpeg = try ClipFixtures.script("ffmpeg", "exit 0", in: folder)
        let probe = try ClipFixtures.script("my-probe", "exit 0", in: folder)

        let onPath = ClipTools.locate(environment: ["PATH": "/nonexistent:\(folder.path)"])
        #expect(onPath.ffmpeg == ffmpeg)
        #expect(onPath.ffprobe == nil)
        #expect(!onPath.isComplete)

        let overridden = ClipTools.locate(environment: [
            "PATH": folder.path, "HAILUO_FFMPEG": "/nonexistent/ffmpeg", "HAILUO_FFPROBE": probe,
        ])
        #expect(overridden.ffmpeg == nil)
        #expect(overridden.ffprobe == probe)

        let byName = ClipTools.locate(environment: ["PATH": folder.path, "HAILUO_FFPROBE": "my-probe"])
        #expect(byName.ffprobe == probe)
    }

    @Test("without ffmpeg every call says it is not installed and how to get it")
    func missing() throws {
        let folder = try TemporaryFolder("hailuo-tools")
        defer { folder.remove() }
        let video = try ClipFixtures.sampleClip(in: folder)
        let none = ClipTools(ffmpeg: nil, ffprobe: nil)
        let reason = "ffmpeg is not installed (Debian: apt install ffmpeg)"
        #expect(throws: PreviewError(reason)) { try ClipReader.probe(video: video, tools: none) }
        #expect(throws: PreviewError(reason)) {
            try ClipReader.extractFrame(video: video, at: .first, to: folder.file("f.png"), tools: none)
        }
        #expect(throws: PreviewError(reason)) { try ClipReader.stripFrames(video: video, count: 3, tools: none) }
        let onlyProbe = ClipTools(ffmpeg: nil, ffprobe: "/usr/bin/true")
        #expect(throws: PreviewError(reason)) {
            try ClipReader.extractFrame(video: video, at: .last, to: folder.file("f.png"), tools: onlyProbe)
        }
    }

    /// With `HAILUO_REQUIRE_FFMPEG=1` (for CI) the tests needing ffmpeg cannot be skipped quietly.
    @Test(
        "ffmpeg and ffprobe are present when HAILUO_REQUIRE_FFMPEG=1",
        .enabled(if: ProcessInfo.processInfo.environment["HAILUO_REQUIRE_FFMPEG"] == "1"))
    func requiredHere() {
        #expect(
            ClipReader.isAvailable,
            "HAILUO_REQUIRE_FFMPEG=1 but ffmpeg or ffprobe is not on the PATH: apt install ffmpeg (scripts/test.sh does)"
        )
    }
}
