import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: image fields")
struct UpdateImageFieldTests {
    static let slots: [(ImageSlot, Focus)] = [(.first, .firstFrame), (.last, .lastFrame)]

    @Test("typing in an image field asks for a preflight of the trimmed text", arguments: ImageSlot.allCases)
    func editChecks(slot: ImageSlot) {
        var model = UpdateSupport.model(focus: slot.focus)
        #expect(model.typeText(" ") == [], "a blank field is not checked")
        #expect(model.typeText("a") == [.checkImage(slot, "a")])
        #expect(
            model.typeText(".png ") == [
                .checkImage(slot, "a."), .checkImage(slot, "a.p"), .checkImage(slot, "a.pn"),
                .checkImage(slot, "a.png"),
                .checkImage(slot, "a.png"),
            ])
        #expect(model.composer.field(slot).text == " a.png ")
    }

    @Test("a paste into an image field becomes one line and is checked", arguments: ImageSlot.allCases)
    func pasteChecks(slot: ImageSlot) {
        var model = UpdateSupport.model(focus: slot.focus)
        let commands = model.pasteText("~/shots/a.png\n")
        #expect(model.composer.field(slot).text == "~/shots/a.png ")
        #expect(commands == [.checkImage(slot, "~/shots/a.png")])
        #expect(model.focus == slot.focus)
    }

    @Test("emptying the field clears its verdict and asks for nothing", arguments: ImageSlot.allCases)
    func emptyClearsVerdict(slot: ImageSlot) {
        var model = UpdateSupport.model(focus: slot.focus)
        model.typeText("a.png")
        let verdict = ImageVerdict(reference: "a.png", isUsable: true, summary: "PNG 1280x720 ✓")
        model.receive(.imageChecked(slot, verdict))
        #expect(model.composer.verdicts[slot] != nil)
        let commands = model.press(.ctrl("u"))
        #expect(commands.isEmpty)
        #expect(model.composer.field(slot).text.isEmpty)
        #expect(model.composer.verdicts[slot] == nil)
    }

    @Test("Backspace to empty clears the verdict")
    func backspaceClearsVerdict() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("ab")
        model.receive(.imageChecked(.first, ImageVerdict(reference: "ab", isUsable: false, summary: "not found")))
        #expect(model.press(.backspace) == [.checkImage(.first, "a")])
        #expect(model.press(.backspace).isEmpty)
        #expect(model.composer.verdicts[.first] == nil)
    }

    @Test("moving the cursor in an image field asks for nothing")
    func cursorMovesDoNotCheck() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("a.png")
        #expect(model.press(.left, .home, .end, .right).isEmpty)
    }

    @Test("imageChecked for the current text is shown; a usable verdict clears the field's error")
    func verdictApplied() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText(" a.png ")
        model.composer.setIssue("first frame: not found", for: .firstFrame)
        let verdict = ImageVerdict(reference: "a.png", isUsable: true, summary: "PNG 1280x720 ✓")
        #expect(model.receive(.imageChecked(.first, verdict)).isEmpty)
        #expect(model.composer.verdicts[.first] == verdict)
        #expect(model.composer.issues[.firstFrame] == nil)
    }

    @Test("an unusable verdict leaves the field's error in place")
    func unusableVerdictKeepsIssue() {
        var model = UpdateSupport.model(focus: .lastFrame)
        model.typeText("b.gif")
        model.composer.setIssue("last frame: GIF", for: .lastFrame)
        let verdict = ImageVerdict(reference: "b.gif", isUsable: false, summary: "GIF is not accepted")
        model.receive(.imageChecked(.last, verdict))
        #expect(model.composer.verdicts[.last] == verdict)
        #expect(model.composer.issues[.lastFrame] == "last frame: GIF")
    }

    @Test("imageChecked for text that has changed since is ignored")
    func staleVerdictIgnored() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("a.png")
        let before = model
        model.receive(.imageChecked(.first, ImageVerdict(reference: "a.pn", isUsable: false, summary: "not found")))
        #expect(model == before)
        model.receive(.imageChecked(.last, ImageVerdict(reference: "a.png", isUsable: true, summary: "PNG ✓")))
        #expect(model == before, "a verdict for the other field's text is not this field's")
    }

    // MARK: Tab completion

    @Test("Tab in an image field with text asks for path candidates", arguments: ImageSlot.allCases)
    func tabCompletes(slot: ImageSlot) {
        var model = UpdateSupport.model(focus: slot.focus)
        model.typeText("~/sh")
        #expect(model.press(.tab) == [.completePath(slot, "~/sh")])
        #expect(model.focus == slot.focus)
    }

    @Test("Tab in an empty (or blank) image field moves to the next part")
    func tabEmptyMoves() {
        var model = UpdateSupport.model(focus: .firstFrame)
        #expect(model.press(.tab).isEmpty)
        #expect(model.focus == .lastFrame)
        model.typeText("  ")
        #expect(model.press(.tab).isEmpty)
        #expect(model.focus == .options)
    }

    @Test("one candidate fills the field and asks for its preflight")
    func oneCandidate() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("~/sh")
        let commands = model.receive(.pathCompletions(.first, typed: "~/sh", candidates: ["~/shots/a.png"]))
        #expect(model.composer.firstFrame.text == "~/shots/a.png")
        #expect(model.composer.completions == nil)
        #expect(commands == [.checkImage(.first, "~/shots/a.png")])
    }

    @Test("one folder candidate fills the field without a preflight")
    func oneFolderCandidate() {
        var model = UpdateSupport.model(focus: .lastFrame)
        model.typeText("~/sh")
        let commands = model.receive(.pathCompletions(.last, typed: "~/sh", candidates: ["~/shots/"]))
        #expect(model.composer.lastFrame.text == "~/shots/")
        #expect(commands.isEmpty)
    }

    @Test("several candidates extend the text to their common start and are listed")
    func severalCandidates() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("~/shots/c")
        let candidates = ["~/shots/cat-01.png", "~/shots/cat-02.png", "~/shots/cat-03.jpg"]
        let commands = model.receive(.pathCompletions(.first, typed: "~/shots/c", candidates: candidates))
        #expect(model.composer.firstFrame.text == "~/shots/cat-0")
        #expect(model.composer.completions == PathCompletions(slot: .first, candidates: candidates))
        #expect(commands.allSatisfy { if case .checkImage(.first, _) = $0 { true } else { false } })
        model.typeText("2")
        #expect(model.composer.completions == nil, "typing closes the list")
    }

    @Test("several candidates with nothing in common keep the text and are listed")
    func severalCandidatesNoCommonStart() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("~/")
        let candidates = ["~/a.png", "~/b.png"]
        model.receive(.pathCompletions(.first, typed: "~/", candidates: candidates))
        #expect(model.composer.firstFrame.text == "~/")
        #expect(model.composer.completions?.candidates == candidates)
    }

    @Test("candidates for text that has changed since are ignored")
    func staleCandidates() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("~/sho")
        let before = model
        let commands = model.receive(.pathCompletions(.first, typed: "~/sh", candidates: ["~/shots/a.png"]))
        #expect(commands.isEmpty)
        #expect(model == before)
    }

    @Test("a single candidate equal to the text (already complete) moves to the next part")
    func completeAlready() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("~/a.png")
        let commands = model.receive(.pathCompletions(.first, typed: "~/a.png", candidates: ["~/a.png"]))
        #expect(commands.isEmpty)
        #expect(model.focus == .lastFrame)
        #expect(model.composer.firstFrame.text == "~/a.png")
    }

    @Test("an already-complete answer that arrives after focus moved on leaves focus where it is")
    func completeAlreadyAfterFocusMoved() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("~/a.png")
        model.press(.up)
        #expect(model.focus == .prompt)
        model.receive(.pathCompletions(.first, typed: "~/a.png", candidates: ["~/a.png"]))
        #expect(model.focus == .prompt)
    }

    @Test("no candidates shows an error and leaves the field alone")
    func noCandidates() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("~/nothing")
        let commands = model.receive(.pathCompletions(.first, typed: "~/nothing", candidates: []))
        #expect(commands.isEmpty)
        #expect(model.composer.firstFrame.text == "~/nothing")
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.statusBar.flash?.text.contains("~/nothing") == true)
    }

    // MARK: Moving between fields

    @Test("Enter and ↓ go to the next part, ↑ to the previous", arguments: slots)
    func fieldNavigation(slot: ImageSlot, focus: Focus) {
        var model = UpdateSupport.model(focus: focus)
        model.typeText("x.png")
        // Hailuo-02 takes no references: past the last frame comes the options row.
        let next: Focus = focus == .lastFrame ? .options : focus.next
        #expect(model.press(.enter).isEmpty)
        #expect(model.focus == next)
        model.focus = focus
        #expect(model.press(.down).isEmpty)
        #expect(model.focus == next)
        model.focus = focus
        #expect(model.press(.up).isEmpty)
        #expect(model.focus == focus.previous)
        #expect(model.composer.field(slot).text == "x.png")
    }

    @Test("leaving the field closes the candidate list")
    func leavingClosesCandidates() {
        var model = UpdateSupport.model(focus: .firstFrame)
        model.typeText("~/")
        model.receive(.pathCompletions(.first, typed: "~/", candidates: ["~/a.png", "~/b.png"]))
        model.press(.down)
        #expect(model.composer.completions == nil)
    }
}
