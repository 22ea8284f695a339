import Foundation
import HailuoPreview
import HailuoSimulator
import HailuoTestSupport
import Testing

@Suite("Extracting single frames with ffmpeg", .enabled(if: ClipFixtures.ffmpegPresent))
struct FrameExtractionTests {
    @Test("first, middle and last frames of the sample clip are full-size PNGs that differ")
    func sampleFrames() throws {
        let folder = try TemporaryFolder("hailuo-frame")
        defer { folder.remove() }
        let video = try ClipFixtures.sampleClip(in: folder)
        var pictures: [Data] = []
        for (name, position) in [("first", FramePosition.first), ("middle", .seconds(1.5)), ("last", .last)] {
            let output = folder.file("\(name).png")
            let frame = try ClipReader.extractFrame(video: video, at: position, to: output)
            #expect(frame.path == output)
            #expect(frame.width == 640 && frame.height == 360)
            let size = try #require(PNGHeader.size(ofFileAt: output))
            #expect(size.width == 640 && size.height == 360)
            pictures.append(try Data(contentsOf: URL(fileURLWithPath: output)))
        }
        #expect(Set(pictures).count == 3)
        // Only the outputs remain: the temporary files were renamed or removed.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ["first.png", "last.png", "middle.png", "sample.mp4"])
    }

    @Test("the last frame is the real last one, and its time is reported")
    func reallyLast() throws {
        let folder = try TemporaryFolder("hailuo-frame")
        defer { folder.remove() }
        let video = try ClipFixtures.colourClip(in: folder)

        let last = try ClipReader.extractFrame(video: video, at: .last, to: folder.file("last.png"))
        let lastColour = try ClipFixtures.averageColour(ofPNG: last.path)
        #expect(lastColour.blue > 180 && lastColour.red < 80 && lastColour.green < 80, "\(lastColour)")
        #expect(abs(last.atSeconds - 2.9) < 0.06, "\(last.atSeconds)")

        let first = try ClipReader.extractFrame(video: video, at: .first, to: folder.file("first.png"))
        let firstColour = try ClipFixtures.averageColour(ofPNG: first.path)
        #expect(firstColour.red > 180 && firstColour.blue < 80, "\(firstColour)")
        #expect(first.atSeconds == 0)

        // Inside the last frame's span (2.9 s to 3 s): that frame, not nothing.
        let nearEnd = try ClipReader.extractFrame(video: video, at: .seconds(2.95), to: folder.file("end.png"))
        let nearEndColour = try ClipFixtures.averageColour(ofPNG: nearEnd.path)
        #expect(nearEndColour.blue > 180 && nearEndColour.green < 80, "\(nearEndColour)")

        let middle = try ClipReader.extractFrame(video: video, at: .seconds(2), to: folder.file("middle.png"))
        let middleColour = try ClipFixtures.averageColour(ofPNG: middle.path)
        #expect(middleColour.green > 80 && middleColour.red < 80 && middleColour.blue < 80, "\(middleColour)")
        #expect(abs(middle.atSeconds - 2) < 0.06, "\(middle.atSeconds)")
    }

    @Test("a time outside the clip is refused with the clip's duration, and nothing is written")
    func outsideTheClip() throws {
        let folder = try TemporaryFolder("hailuo-frame")
        defer { folder.remove() }
        let video = try ClipFixtures.sampleClip(in: folder)
        let output = folder.file("frame.png")
        #expect(throws: PreviewError("99 s is past the end: the clip is 3 s long")) {
            try ClipReader.extractFrame(video: video, at: .seconds(99), to: output)
        }
        #expect(throws: PreviewError("-1 s is before the start: the clip is 3 s long")) {
            try ClipReader.extractFrame(video: video, at: .seconds(-1), to: output)
        }
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(throws: PreviewError("no folder for \"/nonexistent/frame.png\"")) {
            try ClipReader.extractFrame(video: video, at: .first, to: "/nonexistent/frame.png")
        }
    }

    @Test("a clip cut short after its index gives a reason for the frames it lacks, not a hang")
    func truncated() throws {
        let folder = try TemporaryFolder("hailuo-frame")
        defer { folder.remove() }
        let half = try folder.write("half.mp4", Array(SampleVideo.bytes.prefix(SampleVideo.bytes.count / 2)))
        #expect(throws: PreviewError("the clip is truncated or not a video")) {
            try ClipReader.extractFrame(video: half, at: .last, to: folder.file("last.png"))
        }
        #expect(throws: PreviewError("the clip is truncated or not a video")) {
            try ClipReader.stripFrames(video: half, count: 4)
        }
    }
}
