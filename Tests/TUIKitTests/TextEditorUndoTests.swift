import Testing

@testable import TUIKit

@Suite("TextEditor undo and redo")
struct TextEditorUndoTests {
    @Test func typingIsUndoneAWordAtATime() {
        var editor = TextEditor()
        editor.typeText("hello big world")
        #expect(editor.handle(.ctrl("_"), width: 80) == .changed)
        #expect(editor.text == "hello big")
        #expect(editor.handle(.alt("u"), width: 80) == .changed)
        #expect(editor.text == "hello")
        editor.press(.ctrl("_"))
        #expect(editor.text == "")
        #expect(editor.handle(.ctrl("_"), width: 80) == .unchanged)
        #expect(editor.handle(.alt("r"), width: 80) == .changed)
        #expect(editor.text == "hello")
        editor.press(.alt("r"), times: 2)
        #expect(editor.text == "hello big world" && editor.cursor == 15)
        #expect(editor.handle(.alt("r"), width: 80) == .unchanged)
    }

    @Test func aMoveEndsTheTypingStep() {
        var editor = TextEditor()
        editor.typeText("ab")
        editor.press(.left)
        editor.press(.right)
        editor.typeText("cd")
        editor.undo()
        #expect(editor.text == "ab")
    }

    @Test func newlinesStartANewStep() {
        var editor = TextEditor()
        editor.typeText("one")
        editor.press(.enter)
        editor.typeText("two")
        editor.undo()
        #expect(editor.text == "one")
    }

    @Test func undoPutsTheCursorBackWhereTheEditBegan() {
        var editor = TextEditor(text: "abc")
        editor.press(.home)
        editor.typeText("xy")
        #expect(editor.text == "xyabc" && editor.cursor == 2)
        editor.undo()
        #expect(editor.text == "abc" && editor.cursor == 0)
        editor.redo()
        #expect(editor.text == "xyabc" && editor.cursor == 2)
    }

    @Test func aRunOfBackspacesIsOneStep() {
        var editor = TextEditor(text: "hello world")
        editor.press(.backspace, times: 5)
        #expect(editor.text == "hello ")
        editor.undo()
        #expect(editor.text == "hello world" && editor.cursor == 11)
    }

    @Test func backspaceAfterTypingIsItsOwnStep() {
        var editor = TextEditor()
        editor.typeText("abc")
        editor.press(.backspace)
        editor.undo()
        #expect(editor.text == "abc")
        editor.undo()
        #expect(editor.text == "")
    }

    @Test func everyKillIsItsOwnStep() {
        var editor = TextEditor(text: "one two three")
        editor.press(.ctrl("w"), times: 2)
        #expect(editor.text == "one ")
        editor.undo()
        #expect(editor.text == "one two ")
        editor.undo()
        #expect(editor.text == "one two three")
    }

    @Test func aNewEditForgetsTheRedoStack() {
        var editor = TextEditor()
        editor.typeText("ab")
        editor.undo()
        #expect(editor.canRedo)
        editor.typeText("c")
        #expect(!editor.canRedo)
        let redone = editor.redo()
        #expect(!redone)
        #expect(editor.text == "c")
    }

    @Test func setTextAndPasteAreUndoable() {
        var editor = TextEditor(text: "draft")
        editor.setText("recalled\r\nprompt")
        #expect(editor.text == "recalled\nprompt" && editor.cursor == 15)
        #expect(editor.insert(" more") == .changed)
        editor.undo()
        #expect(editor.text == "recalled\nprompt")
        editor.undo()
        #expect(editor.text == "draft" && editor.cursor == 5)
        let undone = editor.undo()
        #expect(!undone)
    }

    @Test func setTextWithTheSameTextAddsNoStepButMovesTheCursorToTheEnd() {
        var editor = TextEditor(text: "same")
        editor.press(.home)
        editor.setText("same")
        #expect(editor.cursor == 4)
        #expect(!editor.canUndo)
    }

    @Test func historyKeepsTheLatestStepsOnly() {
        var editor = TextEditor()
        for _ in 0..<250 { _ = editor.insert("a") }
        var steps = 0
        while editor.undo() { steps += 1 }
        #expect(steps == EditHistory.depth)
        #expect(editor.text == String(repeating: "a", count: 250 - EditHistory.depth))
    }

    @Test func refusedAndIgnoredKeysLeaveTheHistoryAlone() {
        var editor = TextEditor(maxUTF16: 2)
        editor.typeText("ab")
        #expect(
            editor.handle(.character("c"), width: 80)
                == .refused(
                    "the prompt is limited to 2 characters (UTF-16 units); this would make 3"))
        editor.press(.tab)
        editor.undo()
        #expect(editor.text == "")
        #expect(!editor.canUndo)
    }
}
