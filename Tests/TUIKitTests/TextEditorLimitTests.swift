import Testing

@testable import TUIKit

@Suite("TextEditor length limit")
struct TextEditorLimitTests {
    private func prompt(_ units: Int) -> TextEditor {
        TextEditor(text: String(repeating: "a", count: units), maxUTF16: 2000)
    }

    @Test func typingUpToExactlyTheLimitIsAllowed() {
        var editor = prompt(1999)
        #expect(editor.handle(.character("b"), width: 80) == .changed)
        #expect(editor.utf16Count == 2000)
    }

    @Test func typingPastTheLimitIsRefusedWithTheCount() {
        var editor = prompt(2000)
        #expect(
            editor.handle(.character("b"), width: 80)
                == .refused("the prompt is limited to 2000 characters (UTF-16 units); this would make 2001"))
        #expect(editor.utf16Count == 2000)
        #expect(
            editor.handle(.enter, width: 80)
                == .refused(
                    "the prompt is limited to 2000 characters (UTF-16 units); this would make 2001"))
        #expect(editor.utf16Count == 2000)
    }

    @Test func anEmojiOfTwoUnitsFitsOnlyWhenBothFit() {
        var fits = prompt(1998)
        #expect(fits.handle(.character("😀"), width: 80) == .changed)
        #expect(fits.utf16Count == 2000)
        #expect(fits.text.count == 1999)

        var tooLong = prompt(1999)
        #expect(
            tooLong.handle(.character("😀"), width: 80)
                == .refused("the prompt is limited to 2000 characters (UTF-16 units); this would make 2001"))
        #expect(tooLong.utf16Count == 1999)
        #expect(tooLong.handle(.character("中"), width: 80) == .changed)
        #expect(tooLong.utf16Count == 2000)
    }

    @Test func pasteIsRefusedAsAWhole() {
        var editor = prompt(1990)
        #expect(
            editor.insert(String(repeating: "b", count: 23))
                == .refused("the prompt is limited to 2000 characters (UTF-16 units); this would make 2013"))
        #expect(editor.utf16Count == 1990)
        #expect(!editor.canUndo)
        #expect(editor.insert(String(repeating: "b", count: 10)) == .changed)
        #expect(editor.utf16Count == 2000)
    }

    @Test func pasteIsMeasuredAfterCleaning() {
        var editor = prompt(1996)
        #expect(editor.insert("ab\r\n") == .changed)
        #expect(editor.utf16Count == 1999)
        var tabs = prompt(1997)
        #expect(
            tabs.insert("\t")
                == .refused("the prompt is limited to 2000 characters (UTF-16 units); this would make 2001"))
    }

    @Test func deletingStillWorksAtAndPastTheLimit() {
        var editor = prompt(2000)
        editor.setText(String(repeating: "x", count: 2005))
        #expect(editor.utf16Count == 2005)
        #expect(
            editor.handle(.character("y"), width: 80)
                == .refused(
                    "the prompt is limited to 2000 characters (UTF-16 units); this would make 2006"))
        #expect(editor.handle(.backspace, width: 80) == .changed)
        #expect(editor.utf16Count == 2004)
        #expect(TextEditor(text: String(repeating: "z", count: 2100), maxUTF16: 2000).utf16Count == 2100)
    }

    @Test func singleLineFieldsNameThemselvesInTheMessage() {
        var field = TextEditor(maxUTF16: 3, singleLine: true)
        #expect(
            field.insert("abcd") == .refused("the field is limited to 3 characters (UTF-16 units); this would make 4"))
        var labelled = TextEditor(maxUTF16: 1, label: "the filter")
        #expect(
            labelled.insert("ab") == .refused("the filter is limited to 1 characters (UTF-16 units); this would make 2")
        )
    }
}

@Suite("TextEditor paste and single-line mode")
struct TextEditorPasteTests {
    @Test func pasteKeepsNewlinesAndNormalisesLineEnds() {
        var editor = TextEditor()
        #expect(editor.insert("line1\r\nline2\rline3\nline4\u{2028}end") == .changed)
        #expect(editor.text == "line1\nline2\nline3\nline4\nend")
        #expect(editor.cursor == editor.text.count)
    }

    @Test func pasteGoesInAtTheCursorAndLeavesItAfterThePaste() {
        var editor = TextEditor.with("ad", cursor: 1)
        _ = editor.insert("b😀c")
        #expect(editor.text == "ab😀cd")
        #expect(editor.cursor == 4)
    }

    @Test func pasteTurnsTabsIntoSpacesAndDropsOtherControlCharacters() {
        var editor = TextEditor()
        _ = editor.insert("a\tb\u{1B}[31mc\u{07}d\u{0}e\u{7F}f\u{9B}g")
        #expect(editor.text == "a    b[31mcdefg")
    }

    @Test func pasteOfNothingUsableChangesNothing() {
        var editor = TextEditor(text: "x")
        #expect(editor.insert("") == .unchanged)
        #expect(editor.insert("\u{1B}\u{07}") == .unchanged)
        #expect(editor.text == "x")
        #expect(!editor.canUndo)
    }

    @Test func singleLinePasteTurnsLineBreaksIntoSpaces() {
        var editor = TextEditor(singleLine: true)
        _ = editor.insert("a\r\nb\nc\rd")
        #expect(editor.text == "a b c d")
        editor.setText("/tmp/x\n")
        #expect(editor.text == "/tmp/x ")
        #expect(TextEditor(text: "p\nq", singleLine: true).text == "p q")
    }

    @Test func singleLineLeavesEnterToTheApp() {
        var editor = TextEditor(text: "a", singleLine: true)
        #expect(editor.handle(.enter, width: 80) == .ignored)
        #expect(editor.handle(.character("\n"), width: 80) == .ignored)
        #expect(editor.text == "a")
    }

    @Test func singleLineEditsLikeAnyField() {
        var editor = TextEditor(singleLine: true)
        editor.typeText("~/pics/a.png")
        editor.press(.ctrlLeft)
        editor.press(.backspace)
        #expect(editor.text == "~/pics/apng")
        editor.press(.home)
        editor.press(.delete)
        editor.undo()
        #expect(editor.text == "~/pics/apng")
        editor.press(.end)
        #expect(editor.cursor == 11)
    }
}
