import HailuoPreview
import TUIKit
import Testing

@Suite struct TerminalBytesTests {
    private func picture(_ cells: [Cell]) -> CellPicture {
        CellPicture(size: Size(width: cells.count, height: 1), cells: cells)
    }

    @Test func plainCellsCostTheirSymbolsAMoveOneSGRAndAReset() {
        // 8 (move) + 2 symbols + "ESC[27;39;49m" (11) + "ESC[0m" (4)
        #expect(picture([Cell("a"), Cell("b")]).terminalBytes(depth: .monochrome) == 25)
    }

    @Test func aColourIsWrittenOnlyWhenItChanges() {
        let style = Style(foreground: .indexed(196), background: .indexed(16))
        // 8 + 2 * 3 (▀) + "ESC[27;38;5;196;48;5;16m" (22) + 4
        #expect(picture([Cell("▀", style: style), Cell("▀", style: style)]).terminalBytes(depth: .palette256) == 40)
        let other = Style(foreground: .indexed(21), background: .indexed(16))
        // … + "ESC[38;5;21m" (10) for the second cell
        #expect(picture([Cell("▀", style: style), Cell("▀", style: other)]).terminalBytes(depth: .palette256) == 50)
    }

    @Test func depthsWriteColoursTheirOwnWay() {
        let cells = [Cell("▀", style: Style(foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 255)))]
        // 8 + 3 + "ESC[27;38;2;255;0;0;48;2;0;0;255m" (31) + 4
        #expect(picture(cells).terminalBytes(depth: .trueColor) == 46)
        // "ESC[27;38;5;196;48;5;21m" (22)
        #expect(picture(cells).terminalBytes(depth: .palette256) == 37)
        // "ESC[27;91;44m" (11): bright red on blue, the nearest named colours
        #expect(picture(cells).terminalBytes(depth: .palette16) == 26)
        // "ESC[27;39;49m" (11): no colour at all
        #expect(picture(cells).terminalBytes(depth: .monochrome) == 26)
    }

    @Test func aPreviewOfASmoothPictureFitsTheBudgetAt256Colours() {
        let image = TestPictures.ramps(width: 320, height: 180)
        let art = CellArt.render(
            image, fitting: Size(width: 40, height: 12), depth: .palette256, symbols: .unicode, renderer: .builtIn)
        #expect(art.terminalBytes(depth: .palette256) <= 8 * 1024)
        #expect(art.terminalBytes(depth: .palette256) > art.size.width * art.size.height)
    }
}
