import HailuoPreview
import TUIKit
import Testing

/// Decoding and cell art run off the UI thread, several at once: the same input gives the same
/// picture whichever thread draws it, alongside others.
@Suite struct ConcurrentRenderTests {
    @Test func picturesDrawnAtOnceOnManyThreadsMatchOnesDrawnAlone() async throws {
        let png = try #require(ImageEncoder.png(TestPictures.ramps(width: 120, height: 80)))
        let jpeg = try #require(ImageEncoder.jpeg(TestPictures.ramps(width: 120, height: 80), progressive: true))
        let jobs: [([UInt8], ColorDepth, CellArtSymbols)] = [
            (png, .trueColor, .unicode), (jpeg, .palette256, .unicode), (png, .palette16, .ascii),
            (jpeg, .monochrome, .unicode), (jpeg, .trueColor, .ascii), (png, .palette256, .ascii),
        ]
        @Sendable func draw(_ job: ([UInt8], ColorDepth, CellArtSymbols)) throws -> CellPicture {
            let image = try ImageDecoder.decode(bytes: job.0, atLeast: (width: 160, height: 96))
            return CellArt.render(image, fitting: Size(width: 20, height: 12), depth: job.1, symbols: job.2)
        }
        let alone = try jobs.map(draw)
        let together = try await withThrowingTaskGroup(of: (Int, CellPicture).self) { group in
            for _ in 0..<4 {
                for (index, job) in jobs.enumerated() {
                    group.addTask { (index, try draw(job)) }
                }
            }
            var results: [(Int, CellPicture)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(together.count == jobs.count * 4)
        for (index, picture) in together { #expect(picture == alone[index]) }
    }
}
