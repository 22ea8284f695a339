import Testing

@testable import TUIKit

@Suite("TextEditor layout")
struct TextEditorLayoutTests {
    private func rows(_ text: String, width: Int) -> [String] {
        TextEditor(text: text).layout(width: width).lines.map(\.text)
    }

    private func place(_ text: String, cursor: Int, width: Int) -> [Int] {
        let layout = TextEditor.with(text, cursor: cursor).layout(width: width)
        return [layout.cursorRow, layout.cursorColumn]
    }

    @Test func emptyTextIsOneEmptyRow() {
        let layout = TextEditor().layout(width: 10)
        #expect(layout.lines == [.init(text: "", start: 0, length: 0, width: 0, continues: false)])
        #expect(layout.cursorRow == 0 && layout.cursorColumn == 0)
    }

    @Test func wrapsAtWordBoundariesKeepingSpacesOnTheRowBefore() {
        let layout = TextEditor(text: "hello world foo").layout(width: 8)
        #expect(layout.lines.map(\.text) == ["hello ", "world ", "foo"])
        #expect(layout.lines.map(\.start) == [0, 6, 12])
        #expect(layout.lines.map(\.width) == [6, 6, 3])
        #expect(layout.lines.map(\.continues) == [true, true, false])
    }

    @Test func breaksWordsLongerThanARowByCharacter() {
        #expect(rows("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(rows("ab abcdefghij", width: 4) == ["ab ", "abcd", "efgh", "ij"])
    }

    @Test func wideGlyphNeverStraddlesTheEdge() {
        let layout = TextEditor(text: "a中文字符").layout(width: 4)
        #expect(layout.lines.map(\.text) == ["a中", "文字", "符"])
        #expect(layout.lines.map(\.width) == [3, 4, 2])
        #expect(rows("中文字符测试", width: 5) == ["中文", "字符", "测试"])
    }

    @Test func everyRowFitsAndTheRowsGiveBackTheText() {
        let text = "The quick 茶色の fox 🦊 jumps\nover  the lazy dog,\n\ntwice-and-more ünïcöde 🇯🇵🇯🇵 end"
        for width in 2...24 {
            let lines = TextEditor(text: text).layout(width: width).lines
            #expect(lines.allSatisfy { $0.width <= width && $0.text.displayWidth == $0.width })
            var rebuilt = ""
            for (index, line) in lines.enumerated() {
                #expect(line.start == rebuilt.count)
                rebuilt += line.text
                if !line.continues, index < lines.count - 1 { rebuilt += "\n" }
            }
            #expect(rebuilt == text)
        }
    }

    @Test func newlinesStartRowsAndEmptyLinesAreRows() {
        let layout = TextEditor(text: "a\n\nb\n").layout(width: 10)
        #expect(layout.lines.map(\.text) == ["a", "", "b", ""])
        #expect(layout.lines.map(\.start) == [0, 2, 3, 5])
        #expect(layout.cursorRow == 3 && layout.cursorColumn == 0)
    }

    @Test func cursorAtASoftWrapIsShownAtTheStartOfTheNextRow() {
        #expect(place("hello world", cursor: 5, width: 8) == [0, 5])
        #expect(place("hello world", cursor: 6, width: 8) == [1, 0])
        #expect(place("hello world", cursor: 11, width: 8) == [1, 5])
    }

    @Test func lineFillingItsRowExactlyGetsAnEmptyRowForTheCursorAtItsEnd() {
        let layout = TextEditor(text: "abcd\nxy").layout(width: 4)
        #expect(layout.lines.map(\.text) == ["abcd", "", "xy"])
        #expect(layout.lines.map(\.start) == [0, 4, 5])
        #expect(place("abcd\nxy", cursor: 3, width: 4) == [0, 3])
        #expect(place("abcd\nxy", cursor: 4, width: 4) == [1, 0])
        #expect(place("abcd\nxy", cursor: 5, width: 4) == [2, 0])
        #expect(place("中文", cursor: 2, width: 4) == [1, 0])
    }

    @Test func aSpaceThatDoesNotFitStartsTheNextRow() {
        #expect(rows("abcd ef", width: 4) == ["abcd", " ef"])
        #expect(place("abcd ef", cursor: 4, width: 4) == [1, 0])
        #expect(place("abcd ef", cursor: 5, width: 4) == [1, 1])
    }

    @Test func cursorColumnCountsCellsNotCharacters() {
        #expect(place("a中😀e\u{301}z", cursor: 4, width: 20) == [0, 6])
        #expect(place("中文字符", cursor: 3, width: 5) == [1, 2])
    }

    @Test func widthsBelowTwoAreTreatedAsTwo() {
        #expect(rows("中a", width: 1) == ["中", "a"])
        #expect(rows("abc", width: 0) == ["ab", "c"])
    }

    @Test func singleLineEditorsDoNotWrap() {
        var editor = TextEditor(text: "one two three", singleLine: true)
        editor.press(.home)
        editor.press(.ctrlRight, times: 2)
        let layout = editor.layout(width: 4)
        #expect(layout.lines.map(\.text) == ["one two three"])
        #expect(layout.cursorRow == 0 && layout.cursorColumn == 7)
    }

    @Test func offsetForARowAndColumn() {
        let layout = TextEditor(text: "hello world\n中文").layout(width: 8)
        #expect(layout.offset(row: 0, column: 3) == 3)
        #expect(layout.offset(row: 0, column: 40) == 5)
        #expect(layout.offset(row: 1, column: 40) == 11)
        #expect(layout.offset(row: 2, column: 3) == 13)
        #expect(layout.offset(row: 2, column: 40) == 14)
        #expect(layout.offset(row: 9, column: 0) == 12)
    }
}
