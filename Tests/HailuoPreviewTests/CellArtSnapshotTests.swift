import Foundation
import TUIKit
import Testing

@testable import HailuoPreview

/// The cell art of a fixed picture, symbol by symbol and colour by colour, in every depth.
@Suite struct CellArtSnapshotTests {
    static let box = Size(width: 16, height: 8)

    static var chafaRequired: Bool { ProcessInfo.processInfo.environment["HAILUO_REQUIRE_CHAFA"] == "1" }

    @Test(arguments: ColorDepth.allCases)
    func builtInHalfBlocks(depth: ColorDepth) {
        let picture = CellArt.render(
            TestPictures.bars, fitting: Self.box, depth: depth, symbols: .unicode, renderer: .builtIn)
        #expect(picture.size == Size(width: 16, height: 4))
        SnapshotFile.check(
            "builtin-unicode-\(depth.rawValue)", SnapshotFile.text(picture, title: "built-in unicode \(depth)"))
    }

    @Test(arguments: ColorDepth.allCases)
    func builtInASCIIShading(depth: ColorDepth) {
        let picture = CellArt.render(
            TestPictures.bars, fitting: Self.box, depth: depth, symbols: .ascii, renderer: .builtIn)
        #expect(picture.lines.joined().allSatisfy { BuiltInRenderer.ramp.contains(String($0)) })
        SnapshotFile.check(
            "builtin-ascii-\(depth.rawValue)", SnapshotFile.text(picture, title: "built-in ascii \(depth)"))
    }

    @Test(arguments: ColorDepth.allCases, [CellArtSymbols.unicode, .ascii])
    func libchafa(depth: ColorDepth, symbols: CellArtSymbols) {
        if Self.chafaRequired {
            #expect(CellArt.isChafaAvailable, "HAILUO_REQUIRE_CHAFA=1 but libchafa.so.0 did not load")
        }
        guard CellArt.isChafaAvailable else {
            print("note: libchafa.so.0 is not loadable here; the chafa snapshots are skipped")
            return
        }
        let picture = CellArt.render(TestPictures.bars, fitting: Self.box, depth: depth, symbols: symbols)
        #expect(picture.size == Size(width: 16, height: 4))
        SnapshotFile.check(
            "chafa-\(symbols.rawValue)-\(depth.rawValue)",
            SnapshotFile.text(picture, title: "libchafa \(symbols.rawValue) \(depth)"))
    }

    /// `CellPicture` blanks cells wider than a column: chafa must never give one, on any picture.
    @Test(arguments: ColorDepth.allCases, [CellArtSymbols.unicode, .ascii])
    func libchafaCellsAreAllOneColumnWide(depth: ColorDepth, symbols: CellArtSymbols) throws {
        guard CellArt.isChafaAvailable else { return }
        for image in [TestPictures.bars, TestPictures.ramps(width: 300, height: 200)] {
            let size = CellArt.fittedSize(width: image.width, height: image.height, in: Size(width: 40, height: 12))
            let cells = try #require(ChafaRenderer.cells(image, size: size, depth: depth, symbols: symbols))
            #expect(CellPicture(size: size, cells: cells).cells == cells)
            #expect(cells.allSatisfy { DisplayWidth.of($0.text) == 1 })
            if symbols == .ascii { #expect(cells.allSatisfy { $0.text.unicodeScalars.allSatisfy(\.isASCII) }) }
        }
    }

    @Test func indexedDepthsGivePaletteColoursAndTruecolorGivesRGB() {
        for renderer in CellArtRenderer.allCases {
            let colors = { (depth: ColorDepth) in
                CellArt.render(
                    TestPictures.bars, fitting: Self.box, depth: depth, symbols: .unicode, renderer: renderer
                )
                .cells.flatMap { [$0.style.foreground, $0.style.background] }.compactMap { $0 }
            }
            #expect(colors(.trueColor).allSatisfy { if case .rgb = $0 { true } else { false } })
            #expect(colors(.palette256).allSatisfy { (16...255).contains($0.paletteIndex) && !isRGB($0) })
            #expect(colors(.palette16).allSatisfy { $0.paletteIndex < 16 })
            #expect(colors(.monochrome).isEmpty)
            #expect(!colors(.palette16).isEmpty)
        }
    }

    @Test func transparentPixelsShowOverDarkGrey() {
        let clear = TestPictures.flat(width: 4, height: 4, [255, 0, 0, 0])
        let picture = CellArt.render(
            clear, fitting: Size(width: 2, height: 1), depth: .trueColor, symbols: .unicode, renderer: .builtIn)
        #expect(picture.size == Size(width: 2, height: 1))
        #expect(picture.cells.allSatisfy { $0.style.background == .rgb(48, 48, 48) })
    }

    @Test func anEmptyBoxOrImageGivesAnEmptyPicture() {
        let empty = RGBAImage(width: 0, height: 0, pixels: [])
        #expect(
            CellArt.render(empty, fitting: Self.box, depth: .trueColor, symbols: .unicode).size
                == Size(width: 0, height: 0))
        let none = CellArt.render(
            TestPictures.bars, fitting: Size(width: 0, height: 5), depth: .trueColor, symbols: .unicode)
        #expect(none.cells.isEmpty)
    }

    @Test func theRendererIsNamed() {
        #expect(
            CellArt.rendererName
                == (CellArt.isChafaAvailable ? "libchafa (\(ChafaRenderer.libraryName))" : "built-in half blocks"))
        if CellArt.isChafaAvailable { #expect(ChafaRenderer.libraryName.hasPrefix("libchafa.so")) }
    }

    private func isRGB(_ color: Color) -> Bool { if case .rgb = color { true } else { false } }
}
