import TUIKit
import Testing

@testable import HailuoPreview

@Suite struct ColorCoherenceTests {
    /// What a cell shows: its top and bottom halves' colours, or its symbol and both colours.
    private func looks(_ cell: Cell) -> [String] {
        let (fg, bg) = (String(describing: cell.style.foreground), String(describing: cell.style.background))
        switch cell.text {
        case "▀": return [fg, bg]
        case "▄": return [bg, fg]
        case " ": return [bg, bg]
        case "█": return [fg, fg]
        default: return [cell.text, fg, bg]
        }
    }

    private let red = Color.rgb(200, 0, 0)
    private let blue = Color.rgb(0, 0, 200)

    @Test func withoutToleranceEveryCellLooksTheSameWithFewerChanges() {
        let original = [
            Cell("▀", style: Style(foreground: red, background: blue)),
            Cell("▀", style: Style(foreground: blue, background: red)),  // turns over: ▄ keeps both colours set
            Cell(" ", style: Style(foreground: .green, background: red)),  // the space's foreground is not shown
            Cell("█", style: Style(foreground: red, background: .yellow)),  // nor the block's background
            Cell("x", style: Style(foreground: .indexed(100), background: .indexed(101))),
        ]
        var cells = original
        ColorCoherence.apply(&cells, width: cells.count)
        #expect(cells.map(looks) == original.map(looks))
        #expect(cells[1].text == "▄")
        #expect(cells[1].style == cells[0].style)
        #expect(cells[2].style.foreground == red && cells[3].style.background == red)
        let before = CellPicture(size: Size(width: 5, height: 1), cells: original).terminalBytes(depth: .trueColor)
        let after = CellPicture(size: Size(width: 5, height: 1), cells: cells).terminalBytes(depth: .trueColor)
        #expect(after < before)
    }

    @Test func aToleranceMergesOnlyNearbyTruecolorColours() {
        var cells = [
            Cell("▀", style: Style(foreground: .rgb(100, 100, 100), background: .rgb(0, 0, 0))),
            Cell("▀", style: Style(foreground: .rgb(108, 95, 100), background: .rgb(0, 0, 30))),
        ]
        ColorCoherence.apply(&cells, width: 2, tolerance: 8)
        #expect(cells[1].style.foreground == .rgb(100, 100, 100))
        #expect(cells[1].style.background == .rgb(0, 0, 30))
    }

    @Test func rowsStartAfresh() {
        var cells = [
            Cell(" ", style: Style(foreground: red, background: blue)), Cell(" ", style: Style(background: blue)),
        ]
        ColorCoherence.apply(&cells, width: 1)
        #expect(cells[1].style.background == blue)
        #expect(cells[1].style.foreground == nil)
    }

    @Test func truecolorPicturesAreDrawnWithinTheirByteBudget() {
        let image = TestPictures.ramps(width: 400, height: 300)
        for renderer in CellArtRenderer.allCases {
            for box in [Size(width: 40, height: 12), Size(width: 80, height: 24), Size(width: 16, height: 8)] {
                let art = CellArt.render(image, fitting: box, depth: .trueColor, symbols: .unicode, renderer: renderer)
                #expect(art.terminalBytes(depth: .trueColor) <= CellArt.terminalByteBudget(for: art.size))
            }
        }
        #expect(CellArt.terminalByteBudget(for: Size(width: 40, height: 12)) == 8 * 1024)
    }
}
