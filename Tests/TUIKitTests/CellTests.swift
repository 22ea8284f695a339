import Testing

@testable import TUIKit

/// A cell keeps any grapheme it is given, stays small plain data, and compares by what it shows.
@Suite("Cell")
struct CellTests {
    @Test(arguments: [
        " ", "a", "~", "é", "─", "⠴", "海", "🙂", "",
        "e\u{301}", "🇯🇵", "❤️", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈",
    ])
    func keepsItsGrapheme(text: String) {
        let cell = Cell(text, style: Style(foreground: .cyan, bold: true), width: 1)
        #expect(cell.text == text)
        #expect(cell == Cell(text, style: Style(foreground: .cyan, bold: true), width: 1))
    }

    @Test func cellsThatShowSomethingElseDiffer() {
        #expect(Cell("a") != Cell("b"))
        #expect(Cell("e\u{301}") != Cell("e"))
        #expect(Cell("🇯🇵") != Cell("🇫🇷"))
        #expect(Cell("a") != Cell("a", style: Style(bold: true)))
        #expect(Cell("海", width: 2) != Cell("海", width: 1))
    }

    @Test func changingTheTextKeepsTheRest() {
        var cell = Cell("a", style: Style(reverse: true), width: 1)
        cell.text += "\u{301}"
        #expect(cell.text == "a\u{301}")
        #expect(cell.style == Style(reverse: true))
    }

    /// A frame is 4,800 cells at 120 x 40, copied and compared every second while the screen ticks.
    @Test func aCellStaysSmall() {
        #expect(MemoryLayout<Cell>.stride <= 16)
        #expect(_isPOD(Cell.self), "no reference inside: frames are copied and freed without reference counting")
    }
}
