import Foundation
import HailuoCore
import HailuoPreview
import HailuoSimulator
import HailuoTestSupport
import Testing

@Suite("Probing clips with ffprobe", .enabled(if: ClipFixtures.ffmpegPresent))
struct ClipProbeTests {
    @Test("the sample clip is 3 s of 640x360 H.264")
    func sampleClip() throws {
        let folder = try TemporaryFolder("hailuo-probe")
        defer { folder.remove() }
        let info = try ClipReader.probe(video: try ClipFixtures.sampleClip(in: folder))
        #expect(abs(info.durationSeconds - 3) < 0.05)
        #expect(info.width == 640)
        #expect(info.height == 360)
        #expect(info.codec == "h264")
        #expect(info.width == SampleVideo.width && info.height == SampleVideo.height)
    }

    @Test("a file that is not a video, or is cut short before its index, is a reason")
    func notAVideo() throws {
        let folder = try TemporaryFolder("hailuo-probe")
        defer { folder.remove() }
        let text = try folder.write("notes.mp4", Array("just some words\n".utf8))
        let stub = try folder.write("stub.mp4", Array(SampleVideo.bytes.prefix(600)))
        let empty = try folder.write("empty.mp4", [])
        for path in [text, stub, empty] {
            #expect(throws: PreviewError("the clip is truncated or not a video")) { try ClipReader.probe(video: path) }
        }
    }

    @Test("a missing file says so")
    func missingFile() throws {
        #expect(throws: PreviewError("no video at \"/nonexistent/clip.mp4\"")) {
            try ClipReader.probe(video: "/nonexistent/clip.mp4")
        }
    }
}
