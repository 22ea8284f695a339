import Foundation
import HailuoTUI
import HailuoTestSupport
import TUIKit
import Testing

@testable import HailuoTUIRuntime

@Suite("Making pictures off the UI thread")
struct PictureMakerTests {
    static func request(_ source: PictureSource, box: Size = Size(width: 20, height: 6)) -> PictureRequest {
        PictureRequest(source: source, box: box, depth: .palette256, symbols: .unicode)
    }

    @Test("an image becomes one picture that fits its box, in palette colours")
    func imageBecomesAPicture() throws {
        let folder = try TemporaryFolder("hailuo-maker")
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let path = folder.url.appendingPathComponent("frame.png").path
        try Data(SyntheticImage.png(width: 640, height: 360)).write(to: URL(fileURLWithPath: path))
        let outcome = PictureMaker.outcome(for: Self.request(.image(path)), resolve: { $0 })
        guard case .pictures(let pictures, let clip) = outcome, let picture = pictures.first else {
            Issue.record("no picture: \(outcome)")
            return
        }
        #expect(pictures.count == 1 && clip == nil)
        #expect(picture.size.width <= 20 && picture.size.height <= 6 && picture.size.width >= 10)
        #expect(picture.cells.contains { $0.style.background != nil || $0.style.foreground != nil })
    }

    @Test("a truncated image, a missing one and a folder each say why, with nothing else")
    func brokenImagesSayWhy() throws {
        let folder = try TemporaryFolder("hailuo-maker")
        defer { try? FileManager.default.removeItem(at: folder.url) }
        let cut = folder.url.appendingPathComponent("cut.png").path
        try Data(SyntheticImage.png(width: 640, height: 360).prefix(300)).write(to: URL(fileURLWithPath: cut))
        for path in [cut, folder.url.appendingPathComponent("gone.png").path, folder.url.path] {
            let outcome = PictureMaker.outcome(for: Self.request(.image(path)), resolve: { $0 })
            guard case .unavailable(let reason) = outcome else {
                Issue.record("\(path) made a picture")
                continue
            }
            #expect(reason.hasPrefix("cannot preview: "), "\(reason)")
            #expect(!reason.contains("\u{1B}"))
        }
    }

    @Test("the last frame goes beside the video, named as hailuo frame --last names it")
    func lastFramePath() {
        #expect(PictureMaker.lastFramePath(for: "/v/2026-clip-ab12cd34.mp4") == "/v/2026-clip-ab12cd34.last.png")
    }
}
