import Testing

@testable import TUIKit

@Suite("Canvas")
struct CanvasTests {
    @Test func newCanvasIsBlankAndSized() {
        let canvas = Canvas(size: Size(width: 4, height: 2))
        #expect(canvas.cells.count == 8)
        #expect(canvas.lines() == ["", ""])
        #expect(canvas.lines(trimmed: false) == ["    ", "    "])
        #expect(canvas.cursor == nil)
        #expect(canvas[9, 9] == Cell.blank())
    }

    @Test func drawClipsToTheCanvasAndReturnsColumnsUsed() {
        var canvas = Canvas(size: Size(width: 5, height: 2))
        #expect(canvas.draw("hello world", at: Point(x: 0, y: 0)) == 5)
        #expect(canvas.draw("abc", at: Point(x: 3, y: 1)) == 2)
        #expect(canvas.lines() == ["hello", "   ab"])
        #expect(canvas.draw("zzz", at: Point(x: 0, y: 2)) == 0)
        #expect(canvas.draw("zzz", at: Point(x: 0, y: -1)) == 0)
        #expect(canvas.lines() == ["hello", "   ab"])
    }

    @Test func drawStartingLeftOfTheCanvasShowsOnlyTheVisiblePart() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.draw("abcdef", at: Point(x: -2, y: 0))
        #expect(canvas.lines() == ["cdef"])
    }

    @Test func wideGlyphCutByTheLeftEdgeShowsASpaceInItsVisibleHalf() {
        var canvas = Canvas(size: Size(width: 4, height: 2))
        canvas.draw("xxxx", at: Point(x: 0, y: 0))
        canvas.draw("xxxx", at: Point(x: 0, y: 1))
        canvas.draw("中ab", at: Point(x: -1, y: 0))
        canvas.draw("中ab", at: Point(x: 0, y: 1), clip: Rect(x: 1, y: 1, width: 3, height: 1))
        #expect(canvas.lines() == [" abx", "x ab"])
    }

    @Test func drawClipsToAClipRectAndMaxWidth() {
        var canvas = Canvas(size: Size(width: 6, height: 2))
        canvas.draw("abcdef", at: Point(x: 0, y: 0), clip: Rect(x: 1, y: 0, width: 2, height: 1))
        canvas.draw("abcdef", at: Point(x: 0, y: 1), clip: Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(canvas.lines() == [" bc", ""])
        canvas.draw("uvwxyz", at: Point(x: 0, y: 1), maxWidth: 3)
        #expect(canvas.lines() == [" bc", "uvw"])
    }

    @Test func wideGlyphTakesTwoCellsWithAContinuation() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        #expect(canvas.draw("中a", at: Point(x: 0, y: 0)) == 3)
        #expect(canvas[0, 0] == Cell("中", width: 2))
        #expect(canvas[1, 0].isContinuation)
        #expect(canvas[2, 0].text == "a")
        #expect(canvas.lines() == ["中a"])
        #expect(canvas.lines(trimmed: false) == ["中a "])
    }

    @Test func wideGlyphThatWouldStraddleTheLastColumnBecomesASpace() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.draw("xxxxx", at: Point(x: 0, y: 0))
        #expect(canvas.draw("abcd中", at: Point(x: 0, y: 0)) == 5)
        #expect(canvas[4, 0] == Cell(" "))
        #expect(canvas.lines(trimmed: false) == ["abcd "])
    }

    @Test func wideGlyphThatWouldStraddleTheClipEdgeBecomesASpace() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.draw("xxxxxx", at: Point(x: 0, y: 0))
        canvas.draw("a中", at: Point(x: 0, y: 0), clip: Rect(x: 0, y: 0, width: 2, height: 1))
        #expect(canvas.lines() == ["a xxxx"])
    }

    @Test func overwritingEitherHalfOfAWideGlyphBlanksTheOtherHalf() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.draw("中文", at: Point(x: 0, y: 0))
        canvas.draw("x", at: Point(x: 1, y: 0))
        #expect(canvas.lines() == [" x文"])
        #expect(canvas[0, 0] == Cell(" "))
        canvas.draw("y", at: Point(x: 2, y: 0))
        #expect(canvas.lines() == [" xy"])
        #expect(!canvas[3, 0].isContinuation)
    }

    @Test func wideGlyphOverAnotherShiftedByOneBlanksTheLeftover() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.draw("中文", at: Point(x: 0, y: 0))
        canvas.draw("字", at: Point(x: 1, y: 0))
        #expect(canvas.lines(trimmed: false) == [" 字   "])
        #expect(canvas.cells.filter(\.isContinuation).count == 1)
    }

    @Test func combiningMarkStaysWithItsLetter() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        #expect(canvas.draw("e\u{301}x", at: Point(x: 0, y: 0)) == 2)
        #expect(canvas[0, 0].text.unicodeScalars.map(\.value) == [0x65, 0x301])
        #expect(canvas[1, 0].text == "x")
    }

    @Test func loneCombiningMarkAttachesToThePreviousCell() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.draw("中", at: Point(x: 0, y: 0))
        #expect(canvas.draw("\u{301}", at: Point(x: 2, y: 0)) == 0)
        #expect(canvas[0, 0].text.unicodeScalars.map(\.value) == [0x4E2D, 0x301])
        #expect(canvas[2, 0] == Cell(" "))
    }

    @Test func controlCharactersAreShownAsQuestionMarks() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        canvas.draw("a\tb\u{1B}[c\u{7F}d\r\n", at: Point(x: 0, y: 0))
        #expect(canvas.lines() == ["a?b?[c?d?"])
    }

    @Test func fillAndRestyleStayInsideTheCanvas() {
        var canvas = Canvas(size: Size(width: 4, height: 2))
        canvas.draw("abcd", at: Point(x: 0, y: 0))
        canvas.fill(Rect(x: 2, y: 0, width: 9, height: 9), style: .plain, with: "#")
        #expect(canvas.lines() == ["ab##", "  ##"])
        canvas.fill(Rect(x: 0, y: 1, width: 1, height: 1), with: "中")
        #expect(canvas.lines() == ["ab##", "  ##"])
        let bold = Style.plain.bolded
        canvas.restyle(Rect(x: -1, y: 0, width: 2, height: 1)) { $0.bolded }
        #expect(canvas[0, 0].style == bold)
        #expect(canvas[1, 0].style == .plain)
        #expect(canvas[0, 0].text == "a")
    }

    @Test func linesAndTextSkipContinuationsAndTrimTrailingBlanks() {
        var canvas = Canvas(size: Size(width: 5, height: 3))
        canvas.draw("中 文", at: Point(x: 0, y: 0))
        canvas.draw("x", at: Point(x: 2, y: 2))
        #expect(canvas.lines() == ["中 文", "", "  x"])
        #expect(canvas.lines(trimmed: false) == ["中 文", "     ", "  x  "])
        #expect(canvas.text == "中 文\n\n  x")
    }
}
