import Testing

@testable import TUIKit

@Suite("TextEditor editing")
struct TextEditorEditingTests {
    @Test func newEditorHoldsCleanedTextWithTheCursorAtTheEnd() {
        let empty = TextEditor()
        #expect(empty.text == "" && empty.cursor == 0 && empty.isEmpty && empty.utf16Count == 0)
        let editor = TextEditor(text: "a\r\nb\tc\u{1B}d")
        #expect(editor.text == "a\nb    cd")
        #expect(editor.cursor == editor.text.count)
        #expect(TextEditor(text: "a😀中").utf16Count == 4)
        #expect(!editor.canUndo)
    }

    @Test func typingInsertsAtTheCursor() {
        var editor = TextEditor()
        #expect(editor.typeText("hllo").allSatisfy { $0 == .changed })
        editor.press(.left, times: 3)
        #expect(editor.handle(.character("é"), width: 80) == .changed)
        #expect(editor.text == "héllo")
        #expect(editor.cursor == 2)
    }

    @Test func enterInsertsANewline() {
        var editor = TextEditor(text: "ab")
        editor.press(.left)
        #expect(editor.handle(.enter, width: 80) == .changed)
        #expect(editor.text == "a\nb")
        #expect(editor.cursor == 2)
    }

    @Test func nonEditingKeysAreIgnoredAndChangeNothing() {
        var editor = TextEditor(text: "abc")
        for key: Key in [
            .tab, .backTab, .escape, .pageUp, .pageDown, .insert, .function(1), .ctrl("s"), .ctrl("c"),
            .alt("x"), .ctrlUp, .shiftLeft, .unknown(999), .character("\u{1B}"), .character("\t"),
        ] {
            #expect(editor.handle(key, width: 80) == .ignored, "\(key)")
        }
        #expect(editor.text == "abc" && editor.cursor == 3)
    }

    @Test func backspaceDeletesTheWholeCharacterBeforeTheCursor() {
        var editor = TextEditor(text: "a中😀🇯🇵👨‍👩‍👧‍👦e\u{301}")
        let expected = ["a中😀🇯🇵👨‍👩‍👧‍👦", "a中😀🇯🇵", "a中😀", "a中", "a", ""]
        for text in expected {
            #expect(editor.handle(.backspace, width: 80) == .changed)
            #expect(editor.text == text)
            #expect(editor.cursor == text.count)
        }
        #expect(editor.handle(.backspace, width: 80) == .unchanged)
    }

    @Test func deleteRemovesTheCharacterAfterTheCursor() {
        var editor = TextEditor.with("中😀x", cursor: 0)
        #expect(editor.handle(.delete, width: 80) == .changed)
        #expect(editor.text == "😀x" && editor.cursor == 0)
        #expect(editor.handle(.delete, width: 80) == .changed)
        #expect(editor.text == "x")
        editor.press(.right)
        #expect(editor.handle(.delete, width: 80) == .unchanged)
    }

    @Test func typedCombiningMarkJoinsTheLetterBeforeIt() {
        var editor = TextEditor()
        editor.typeText("e")
        #expect(editor.handle(.character("\u{301}"), width: 80) == .changed)
        #expect(editor.text.count == 1)
        #expect(editor.cursor == 1)
        #expect(editor.utf16Count == 2)
        #expect(editor.layout(width: 80).cursorColumn == 1)
    }

    @Test func typedRegionalIndicatorsMakeOneFlag() {
        var editor = TextEditor()
        editor.typeText("x")
        _ = editor.handle(.character("\u{1F1EF}"), width: 80)
        _ = editor.handle(.character("\u{1F1F5}"), width: 80)
        #expect(editor.text == "x🇯🇵")
        #expect(editor.cursor == 2)
        #expect(editor.layout(width: 80).cursorColumn == 3)
    }

    @Test func ctrlWAndAltBackspaceDeleteTheWordBeforeTheCursor() {
        var editor = TextEditor(text: "hello big world")
        #expect(editor.handle(.ctrl("w"), width: 80) == .changed)
        #expect(editor.text == "hello big " && editor.cursor == 10)
        #expect(editor.handle(.alt("\u{7F}"), width: 80) == .changed)
        #expect(editor.text == "hello ")
        #expect(editor.handle(.alt("\u{08}"), width: 80) == .changed)
        #expect(editor.text == "")
        #expect(editor.handle(.ctrl("w"), width: 80) == .unchanged)

        var path = TextEditor(text: "~/pictures/frame.png")
        path.press(.ctrl("w"))
        #expect(path.text == "~/pictures/frame.")
        path.press(.ctrl("w"), times: 2)
        #expect(path.text == "~/")
    }

    @Test func ctrlWInTheMiddleKeepsTheTextAfterTheCursor() {
        var editor = TextEditor.with("one two three", cursor: 7)
        editor.press(.ctrl("w"))
        #expect(editor.text == "one  three")
        #expect(editor.cursor == 4)
    }

    @Test func altDDeletesTheWordAfterTheCursor() {
        var editor = TextEditor.with("hello 世界 x", cursor: 0)
        #expect(editor.handle(.alt("d"), width: 80) == .changed)
        #expect(editor.text == " 世界 x" && editor.cursor == 0)
        editor.press(.alt("d"))
        #expect(editor.text == " x")
        editor.press(.alt("d"))
        #expect(editor.text == "")
        #expect(editor.handle(.alt("d"), width: 80) == .unchanged)
    }

    @Test func ctrlKKillsToTheEndOfTheLineThenJoinsTheNextLine() {
        var editor = TextEditor.with("one\ntwo", cursor: 1)
        #expect(editor.handle(.ctrl("k"), width: 80) == .changed)
        #expect(editor.text == "o\ntwo" && editor.cursor == 1)
        #expect(editor.handle(.ctrl("k"), width: 80) == .changed)
        #expect(editor.text == "otwo" && editor.cursor == 1)
        editor.press(.ctrl("k"))
        #expect(editor.text == "o")
        #expect(editor.handle(.ctrl("k"), width: 80) == .unchanged)
    }

    @Test func ctrlUKillsToTheStartOfTheLineThenJoinsThePreviousLine() {
        var editor = TextEditor.with("one\ntwo", cursor: 6)
        #expect(editor.handle(.ctrl("u"), width: 80) == .changed)
        #expect(editor.text == "one\no" && editor.cursor == 4)
        #expect(editor.handle(.ctrl("u"), width: 80) == .changed)
        #expect(editor.text == "oneo" && editor.cursor == 3)
        editor.press(.ctrl("u"))
        #expect(editor.text == "o" && editor.cursor == 0)
        #expect(editor.handle(.ctrl("u"), width: 80) == .unchanged)
    }

    @Test func killKeysWorkOnTheWholeFieldInSingleLineMode() {
        var editor = TextEditor.with("/tmp/a b.png", cursor: 5, singleLine: true)
        editor.press(.ctrl("k"))
        #expect(editor.text == "/tmp/")
        editor.press(.ctrl("u"))
        #expect(editor.text == "")
    }
}
