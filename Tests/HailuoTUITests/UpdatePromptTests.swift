import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: prompt editor")
struct UpdatePromptTests {
    @Test("typed characters go into the prompt and ask for nothing")
    func typing() {
        var model = UpdateSupport.model()
        let commands = model.typeText("A cat 猫 🐈")
        #expect(commands.isEmpty)
        #expect(model.composer.prompt.text == "A cat 猫 🐈")
        #expect(model.focus == .prompt)
    }

    @Test("Enter in the prompt is a new line, never a submission")
    func enterIsNewline() {
        var model = UpdateSupport.model()
        model.typeText("one")
        let commands = model.press(.enter)
        model.typeText("two")
        #expect(commands.isEmpty)
        #expect(model.composer.prompt.text == "one\ntwo")
        #expect(model.submissions.inFlight == 0)
    }

    @Test("a paste inserts multi-line text at the cursor without submitting")
    func pasteMultiLine() {
        var model = UpdateSupport.model()
        model.typeText("start ")
        let commands = model.pasteText("line 1\r\nline 2\nline 3")
        #expect(!commands.contains { if case .submit = $0 { true } else { false } })
        #expect(commands.isEmpty)
        #expect(model.composer.prompt.text == "start line 1\nline 2\nline 3")
        #expect(model.submissions.inFlight == 0)
        #expect(model.submissions.last == nil)
    }

    @Test("a paste while the table or the options have focus goes to the prompt", arguments: [Focus.jobs, .options])
    func pasteFromTable(focus: Focus) {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: focus)
        let commands = model.pasteText("pasted\ntext")
        #expect(commands.isEmpty)
        #expect(model.focus == .prompt)
        #expect(model.composer.prompt.text == "pasted\ntext")
        #expect(model.jobs.textFilter.isEmpty)
    }

    @Test("typing past 2000 UTF-16 units is refused with a flash and changes nothing else")
    func typingPastLimitRefused() {
        var model = UpdateSupport.model()
        model.pasteText(String(repeating: "a", count: 1999))
        model.typeText("b")
        #expect(model.composer.prompt.utf16Count == 2000)
        let before = model
        let commands = model.typeText("c")
        #expect(commands.isEmpty)
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.statusBar.flash?.text.isEmpty == false)
        #expect(model.withoutFlash == before.withoutFlash)
    }

    @Test("an emoji (2 UTF-16 units) at 1999 units is refused")
    func emojiPastLimitRefused() {
        var model = UpdateSupport.model()
        model.pasteText(String(repeating: "a", count: 1999))
        let before = model
        model.typeText("🎬")
        #expect(model.composer.prompt.utf16Count == 1999)
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.withoutFlash == before.withoutFlash)
    }

    @Test("a paste that would pass 2000 units is refused as a whole")
    func pastePastLimitRefused() {
        var model = UpdateSupport.model()
        model.pasteText(String(repeating: "a", count: 1990))
        let before = model
        let commands = model.pasteText(String(repeating: "b", count: 11))
        #expect(commands.isEmpty)
        #expect(model.composer.prompt.text == String(repeating: "a", count: 1990))
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.withoutFlash == before.withoutFlash)
    }

    @Test("editing the prompt clears the error shown next to it")
    func editClearsIssue() {
        var model = UpdateSupport.model()
        model.press(.ctrl("s"))
        #expect(model.composer.issues[.prompt] != nil)
        model.typeText("x")
        #expect(model.composer.issues[.prompt] == nil)
    }

    // MARK: Editing keys reach the editor

    @Test("arrows, Home/End and Ctrl-A/Ctrl-E move the cursor")
    func cursorKeys() {
        var model = UpdateSupport.model()
        model.typeText("abc")
        model.press(.left, .left)
        model.typeText("X")
        #expect(model.composer.prompt.text == "aXbc")
        model.press(.home)
        model.typeText("<")
        model.press(.end)
        model.typeText(">")
        #expect(model.composer.prompt.text == "<aXbc>")
        model.press(.ctrl("a"))
        model.typeText("[")
        model.press(.ctrl("e"))
        model.typeText("]")
        model.press(.right)
        #expect(model.composer.prompt.text == "[<aXbc>]")
    }

    @Test("↑ and ↓ move between lines of the prompt and keep focus there")
    func verticalMoves() {
        var model = UpdateSupport.model()
        model.typeText("first")
        model.press(.enter)
        model.typeText("second")
        model.press(.up)
        model.typeText("1")
        #expect(model.composer.prompt.text == "first1\nsecond")
        model.press(.down)
        model.typeText("2")
        #expect(model.composer.prompt.text == "first1\nsecond2")
        #expect(model.focus == .prompt)
    }

    @Test("word moves: Ctrl-←/Ctrl-→ and Alt-B/Alt-F")
    func wordMoves() {
        var model = UpdateSupport.model()
        model.typeText("one two three")
        model.press(.ctrlLeft)
        model.typeText("_")
        #expect(model.composer.prompt.text == "one two _three")
        model.press(.alt("b"), .alt("b"))
        model.typeText("^")
        #expect(model.composer.prompt.text == "one ^two _three")
        model.press(.ctrlRight)
        model.typeText("!")
        #expect(model.composer.prompt.text == "one ^two! _three")
        model.press(.alt("f"))
        model.typeText("?")
        #expect(model.composer.prompt.text == "one ^two! _three?")
    }

    @Test("Ctrl-W and Alt-Backspace delete the word before, Alt-D the word after")
    func deleteWords() {
        var model = UpdateSupport.model()
        model.typeText("alpha beta gamma delta")
        model.press(.ctrl("w"))
        #expect(model.composer.prompt.text == "alpha beta gamma ")
        model.press(.alt("\u{7F}"))
        #expect(model.composer.prompt.text == "alpha beta ")
        model.press(.home, .alt("d"))
        #expect(model.composer.prompt.text == " beta ")
    }

    @Test("Ctrl-K deletes to the line end and Ctrl-U to the line start")
    func killLine() {
        var model = UpdateSupport.model()
        model.typeText("keep this")
        model.press(.left, .left, .left, .left, .ctrl("k"))
        #expect(model.composer.prompt.text == "keep ")
        model.press(.ctrl("u"))
        #expect(model.composer.prompt.text.isEmpty)
    }

    @Test("Ctrl-_ and Alt-U undo, Alt-R redoes")
    func undoRedo() {
        var model = UpdateSupport.model()
        model.typeText("hello")
        model.press(.ctrl("_"))
        #expect(model.composer.prompt.text.isEmpty)
        model.press(.alt("r"))
        #expect(model.composer.prompt.text == "hello")
        model.press(.alt("u"))
        #expect(model.composer.prompt.text.isEmpty)
    }

    @Test("Backspace and Delete remove a character")
    func backspaceDelete() {
        var model = UpdateSupport.model()
        model.typeText("abcd")
        model.press(.backspace, .left, .left, .delete)
        #expect(model.composer.prompt.text == "ac")
    }

    // MARK: History

    static let historyJobs: [JobEntry] = [
        UpdateSupport.entry("newest01", .completed, prompt: "newest prompt", age: 10),
        UpdateSupport.entry("repeat02", .completed, prompt: "middle prompt", age: 20),
        UpdateSupport.entry("repeat03", .failed, prompt: "middle prompt", age: 30),
        UpdateSupport.entry("oldest04", .completed, prompt: "oldest prompt", age: 40),
    ]

    @Test("Ctrl-P recalls earlier prompts newest first without repeats; Ctrl-N goes back to the draft")
    func historyRecall() {
        var model = UpdateSupport.model(jobs: Self.historyJobs)
        model.typeText("my draft")
        var commands = model.press(.ctrl("p"))
        #expect(model.composer.prompt.text == "newest prompt")
        model.press(.ctrl("p"))
        #expect(model.composer.prompt.text == "middle prompt")
        model.press(.ctrl("p"))
        #expect(model.composer.prompt.text == "oldest prompt")
        commands += model.press(.ctrl("p"))
        #expect(model.composer.prompt.text == "oldest prompt", "the oldest stays at the end of the history")
        model.press(.ctrl("n"))
        #expect(model.composer.prompt.text == "middle prompt")
        model.press(.ctrl("n"), .ctrl("n"))
        #expect(model.composer.prompt.text == "my draft")
        #expect(model.composer.historyIndex == nil)
        commands += model.press(.ctrl("n"))
        #expect(model.composer.prompt.text == "my draft", "Ctrl-N past the draft does nothing")
        #expect(commands.isEmpty)
    }

    @Test("with no jobs, Ctrl-P says there is no history and keeps the text")
    func historyEmpty() {
        var model = UpdateSupport.model()
        model.typeText("draft")
        model.press(.ctrl("p"))
        #expect(model.composer.prompt.text == "draft")
        #expect(model.composer.historyIndex == nil)
        #expect(model.statusBar.flash != nil)
    }

    @Test("editing a recalled prompt leaves history mode; Ctrl-P starts again from the newest")
    func historyEditLeaves() {
        var model = UpdateSupport.model(jobs: Self.historyJobs)
        model.press(.ctrl("p"), .ctrl("p"))
        model.typeText("!")
        #expect(model.composer.historyIndex == nil)
        #expect(model.composer.prompt.text == "middle prompt!")
        model.press(.ctrl("p"))
        #expect(model.composer.prompt.text == "newest prompt")
        model.press(.ctrl("n"))
        #expect(model.composer.prompt.text == "middle prompt!")
    }
}
