import Testing

@testable import TUIKit

@Suite("TextEditor cursor motion")
struct TextEditorMotionTests {
    /// a, 中, 😀, 🇯🇵, é (e + combining acute), 👨‍👩‍👧‍👦, b: 7 characters, 1+2+2+2+1+2+1 columns.
    let mixed = "a中😀🇯🇵e\u{301}👨‍👩‍👧‍👦b"

    @Test func leftAndRightStepByWholeCharacterAndColumnsFollowDisplayWidth() {
        var editor = TextEditor.with(mixed, cursor: 0)
        var columns: [Int] = []
        for _ in 0..<7 {
            #expect(editor.handle(.right, width: 80) == .moved)
            columns.append(editor.layout(width: 80).cursorColumn)
        }
        #expect(columns == [1, 3, 5, 7, 8, 10, 11])
        #expect(editor.cursor == 7)
        #expect(editor.handle(.right, width: 80) == .unchanged)
        #expect(editor.press(.left, times: 7).allSatisfy { $0 == .moved })
        #expect(editor.cursor == 0)
        #expect(editor.handle(.left, width: 80) == .unchanged)
    }

    @Test func leftAndRightCrossNewlines() {
        var editor = TextEditor.with("ab\ncd", cursor: 3)
        editor.press(.left)
        #expect(editor.cursor == 2)
        #expect(editor.layout(width: 80).cursorRow == 0)
        editor.press(.right)
        #expect(editor.layout(width: 80).cursorRow == 1)
        #expect(editor.layout(width: 80).cursorColumn == 0)
    }

    @Test func homeAndEndGoToTheEdgesOfTheLogicalLine() {
        for (home, end) in [(Key.home, Key.end), (.ctrl("a"), .ctrl("e"))] {
            var editor = TextEditor.with("one\ntwo words\nthree", cursor: 6)
            #expect(editor.handle(home, width: 5) == .moved)
            #expect(editor.cursor == 4)
            #expect(editor.handle(home, width: 5) == .unchanged)
            #expect(editor.handle(end, width: 5) == .moved)
            #expect(editor.cursor == 13)
            #expect(editor.handle(end, width: 5) == .unchanged)
        }
    }

    @Test func wordMotionsStopAtWordStartsAndEnds() {
        // "hello" 0..<5, "," 5, " " 6, "wörld" 7..<12, " " 12, "中文" 13..<15, " " 15, "foo_bar" 16..<23
        let text = "hello, wörld 中文 foo_bar"
        var editor = TextEditor(text: text)
        var starts: [Int] = []
        for key: Key in [.ctrlLeft, .alt("b"), .ctrlLeft, .alt("b")] {
            #expect(editor.handle(key, width: 80) == .moved)
            starts.append(editor.cursor)
        }
        #expect(starts == [16, 13, 7, 0])
        #expect(editor.handle(.ctrlLeft, width: 80) == .unchanged)
        var ends: [Int] = []
        for key: Key in [.ctrlRight, .alt("f"), .ctrlRight, .alt("f")] {
            #expect(editor.handle(key, width: 80) == .moved)
            ends.append(editor.cursor)
        }
        #expect(ends == [5, 12, 15, 23])
        #expect(editor.handle(.alt("f"), width: 80) == .unchanged)
    }

    @Test func wordMotionsTreatEmojiAndPunctuationAsSeparators() {
        var editor = TextEditor(text: "cat🐱dog.png")
        editor.press(.ctrlLeft)
        #expect(editor.cursor == 8)
        editor.press(.ctrlLeft)
        #expect(editor.cursor == 4)
        editor.press(.ctrlLeft)
        #expect(editor.cursor == 0)
    }

    @Test func upAndDownMoveByVisualRowKeepingTheColumn() {
        // width 8: "hello " | "world " | "foo"
        var editor = TextEditor(text: "hello world foo")
        #expect(editor.layout(width: 8).lines.map(\.text) == ["hello ", "world ", "foo"])
        #expect(editor.handle(.up, width: 8) == .moved)
        #expect(editor.cursor == 9)
        #expect(editor.handle(.up, width: 8) == .moved)
        #expect(editor.cursor == 3)
        #expect(editor.handle(.up, width: 8) == .ignored)
        #expect(editor.cursor == 3)
        editor.press(.down, times: 2, width: 8)
        #expect(editor.cursor == 15)
        #expect(editor.handle(.down, width: 8) == .ignored)
    }

    @Test func upAndDownKeepTheGoalColumnAcrossAShortLine() {
        var editor = TextEditor.with("abcdefgh\nab\nabcdefgh", cursor: 6)
        editor.press(.down)
        #expect(editor.cursor == 11)
        editor.press(.down)
        #expect(editor.cursor == 18)
        editor.press(.up, times: 2)
        #expect(editor.cursor == 6)
    }

    @Test func aHorizontalMoveResetsTheGoalColumn() {
        var editor = TextEditor.with("abcdefgh\nab\nabcdefgh", cursor: 6)
        editor.press(.down)
        editor.press(.left)
        editor.press(.down)
        #expect(editor.cursor == 13)
    }

    @Test func verticalMovesCountDisplayCellsAndNeverLandInsideAWideGlyph() {
        var editor = TextEditor.with("中文字\nabcdef", cursor: 7)
        editor.press(.up)
        #expect(editor.cursor == 1)
        #expect(editor.layout(width: 80).cursorColumn == 2)
        editor.press(.down)
        #expect(editor.cursor == 7)
        editor.press(.right)
        editor.press(.up)
        #expect(editor.cursor == 2)
        #expect(editor.layout(width: 80).cursorColumn == 4)
        editor.press(.down)
        editor.press(.left, times: 3)
        editor.press(.up)
        #expect(editor.cursor == 0)
    }

    @Test func movingUpOntoASoftWrappedRowStopsBeforeItsLastCharacter() {
        // width 6: "ab " | "cdefg"; the end of "ab " is shown at the start of the next row.
        var editor = TextEditor(text: "ab cdefg")
        #expect(editor.layout(width: 6).lines.map(\.text) == ["ab ", "cdefg"])
        editor.press(.up, width: 6)
        #expect(editor.cursor == 2)
        let layout = editor.layout(width: 6)
        #expect(layout.cursorRow == 0 && layout.cursorColumn == 2)
    }

    @Test func upAndDownAreLeftToTheAppInSingleLineMode() {
        var editor = TextEditor(text: "abc", singleLine: true)
        #expect(editor.handle(.up, width: 2) == .ignored)
        #expect(editor.handle(.down, width: 2) == .ignored)
        #expect(editor.cursor == 3)
    }
}
