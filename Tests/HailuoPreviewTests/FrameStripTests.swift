import Foundation
import HailuoPreview
import HailuoTestSupport
import Testing

@Suite("Strips of small frames cached beside the video", .enabled(if: ClipFixtures.ffmpegPresent))
struct FrameStripTests {
    @Test("a strip is made once; the second call finds it without ffmpeg")
    func madeOnceThenCached() throws {
        let folder = try TemporaryFolder("hailuo-strip")
        defer { folder.remove() }
        let video = try ClipFixtures.sampleClip(in: folder, name: "boat.mp4")

        let paths = try ClipReader.stripFrames(video: video, count: 5)
        #expect(paths.count == 5)
        let cache = folder.file(".boat.mp4.frames")
        #expect(paths.allSatisfy { $0.hasPrefix(cache + "/") })
        #expect(paths.first.map { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix("1-of-5.") } == true)
        let pictures = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(Set(pictures).count == 5)
        for path in paths {
            let size = try #require(PNGHeader.size(ofFileAt: path))
            #expect(size.width <= FrameStrip.maximumWidth && size.width == 320 && size.height == 180)
        }

        let noTools = ClipTools(ffmpeg: nil, ffprobe: nil)
        #expect(try ClipReader.stripFrames(video: video, count: 5, tools: noTools) == paths)
        #expect(throws: PreviewError.self) { try ClipReader.stripFrames(video: video, count: 4, tools: noTools) }
    }

    @Test("a changed video gets new frames and the old ones go")
    func changedVideo() throws {
        let folder = try TemporaryFolder("hailuo-strip")
        defer { folder.remove() }
        let video = try ClipFixtures.sampleClip(in: folder)
        let before = try ClipReader.stripFrames(video: video, count: 3)

        let colours = try ClipFixtures.colourClip(in: folder)
        _ = rename(colours, video)
        let after = try ClipReader.stripFrames(video: video, count: 3)
        #expect(Set(before).isDisjoint(with: after))
        #expect(before.allSatisfy { !FileManager.default.fileExists(atPath: $0) })
        let changedSize = try #require(PNGHeader.size(ofFileAt: after[0]))
        #expect(changedSize.width == 64 && changedSize.height == 36)
        let left = try FileManager.default.contentsOfDirectory(atPath: FrameStrip.cacheFolder(forVideo: video))
        #expect(left.count == 3)
    }

    @Test("wide clips are scaled down to the strip width")
    func scaledDown() throws {
        let folder = try TemporaryFolder("hailuo-strip")
        defer { folder.remove() }
        let video = folder.file("wide.mp4")
        try ClipFixtures.runFFmpeg([
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=10:duration=1", "-pix_fmt", "yuv420p",
            "-c:v", "libx264", video,
        ])
        let paths = try ClipReader.stripFrames(video: video, count: 2)
        let sizes = paths.compactMap { PNGHeader.size(ofFileAt: $0) }
        #expect(sizes.count == 2)
        #expect(sizes.allSatisfy { $0.width == 320 && $0.height == 180 })
        let full = try ClipReader.extractFrame(video: video, at: .first, to: folder.file("full.png"))
        #expect(full.width == 640 && full.height == 360)
    }
}
