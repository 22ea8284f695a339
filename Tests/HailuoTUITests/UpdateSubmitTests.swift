import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: submitting")
struct UpdateSubmitTests {
    @Test("Ctrl-S with a valid composer sends exactly one submission")
    func submitValid() {
        var model = UpdateSupport.model()
        model.typeText("A cat on a piano")
        let commands = model.press(.ctrl("s"))
        #expect(commands == [.submit(UpdateSupport.parameters("A cat on a piano"))])
        #expect(model.submissions.inFlight == 1)
        #expect(
            model.submissions.last
                == SubmittedRecord(parameters: UpdateSupport.parameters("A cat on a piano"), at: model.now))
        #expect(model.confirmation == nil)
        #expect(model.composer.issues.isEmpty)
    }

    @Test("Ctrl-S sends the toggles and trimmed image fields as chosen")
    func submitCarriesParameters() {
        var model = UpdateSupport.model()
        model.typeText("waves")
        model.press(.tab)
        model.typeText(" ~/a.png ")
        model.press(.function(3), .function(5))
        let commands = model.press(.ctrl("s"))
        let expected = GenerationParameters(
            prompt: "waves", promptOptimizer: false, duration: 10, resolution: .p768, firstFrame: "~/a.png")
        #expect(commands == [.submit(expected)])
    }

    @Test("Ctrl-S from the table with an empty prompt sends nothing, shows the issue and moves to the prompt")
    func submitEmptyPrompt() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        let commands = model.press(.ctrl("s"))
        #expect(commands.isEmpty)
        #expect(model.submissions.inFlight == 0)
        #expect(model.composer.issues[.prompt] != nil)
        #expect(model.focus == .prompt)
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.submissions.last == nil)
    }

    @Test("an invalid composer at a narrow size closes the details pane so the field with the error is on screen")
    func submitInvalidNarrowShowsComposer() {
        var model = UpdateSupport.model(size: UpdateSupport.narrow, jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.enter)
        #expect(model.details.isOpen)
        #expect(!model.layout.showsComposer)
        let commands = model.press(.ctrl("s"))
        #expect(commands.isEmpty)
        #expect(model.focus == .prompt)
        #expect(model.layout.showsComposer, "focus moved to a prompt that the details pane covers")
    }

    @Test("a blank prompt is refused like an empty one")
    func submitBlankPrompt() {
        var model = UpdateSupport.model()
        model.pasteText("  \n ")
        #expect(model.press(.ctrl("s")).isEmpty)
        #expect(model.composer.issues[.prompt] != nil)
    }

    @Test("Ctrl-S with an image the preflight refused sends nothing and points at the field")
    func submitRefusedImage() {
        var model = UpdateSupport.model()
        model.typeText("waves")
        model.press(.tab)
        model.typeText("shot.gif")
        model.receive(
            .imageChecked(.first, ImageVerdict(reference: "shot.gif", isUsable: false, summary: "GIF is not accepted")))
        model.press(.backTab)
        let commands = model.press(.ctrl("s"))
        #expect(commands.isEmpty)
        #expect(model.composer.issues[.firstFrame] == "GIF is not accepted")
        #expect(model.focus == .firstFrame)
        #expect(model.submissions.inFlight == 0)
    }

    @Test("a second identical Ctrl-S within 120 s asks; y submits again")
    func duplicateYes() {
        var model = UpdateSupport.model()
        model.typeText("same prompt")
        model.press(.ctrl("s"))
        model.advance(119)
        let asked = model.press(.ctrl("s"))
        #expect(asked.isEmpty)
        #expect(model.confirmation == .duplicateSubmit(UpdateSupport.parameters("same prompt")))
        #expect(model.submissions.inFlight == 1)
        let answered = model.press(.character("y"))
        #expect(answered == [.submit(UpdateSupport.parameters("same prompt"))])
        #expect(model.confirmation == nil)
        #expect(model.submissions.inFlight == 2)
    }

    @Test(
        "a second identical Ctrl-S within 120 s asks; n (or Esc) sends nothing",
        arguments: [Key.character("n"), .escape])
    func duplicateNo(answer: Key) {
        var model = UpdateSupport.model()
        model.typeText("same prompt")
        model.press(.ctrl("s"))
        model.press(.ctrl("s"))
        #expect(model.confirmation != nil)
        let answered = model.press(answer)
        #expect(answered.isEmpty)
        #expect(model.confirmation == nil)
        #expect(model.submissions.inFlight == 1)
        #expect(model.composer.prompt.text == "same prompt")
    }

    @Test("other keys leave the question open and change nothing")
    func duplicateOtherKeys() {
        var model = UpdateSupport.model()
        model.typeText("same prompt")
        model.press(.ctrl("s"), .ctrl("s"))
        let before = model
        let commands = model.press(.character("x"), .enter, .ctrl("s"))
        #expect(commands.isEmpty)
        #expect(model == before)
    }

    @Test("120 s or more after the first, the same submission is sent without asking")
    func duplicateAfterWindow() {
        var model = UpdateSupport.model()
        model.typeText("same prompt")
        model.press(.ctrl("s"))
        model.advance(120)
        let commands = model.press(.ctrl("s"))
        #expect(commands == [.submit(UpdateSupport.parameters("same prompt"))])
        #expect(model.confirmation == nil)
    }

    @Test("a changed composer within 120 s is sent without asking")
    func changedNotDuplicate() {
        var model = UpdateSupport.model()
        model.typeText("same prompt")
        model.press(.ctrl("s"))
        model.press(.function(3))
        let commands = model.press(.ctrl("s"))
        #expect(commands == [.submit(GenerationParameters(prompt: "same prompt", duration: 10))])
    }

    // MARK: Results

    @Test("submitFinished(stored) adds the job, selects it and counts the submission done")
    func finishedStored() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        model.selectJob("fail0003")
        model.typeText("fresh")
        model.press(.ctrl("s"))
        let entry = UpdateSupport.entry("new00001", .pending, prompt: "fresh", age: 0)
        let commands = model.receive(
            .submitFinished(parameters: UpdateSupport.parameters("fresh"), outcome: .stored(entry)))
        #expect(commands.isEmpty)
        #expect(model.submissions.inFlight == 0)
        #expect(model.jobs.entries["new00001"] == entry)
        #expect(model.jobs.visible.first == "new00001")
        #expect(model.jobs.selectedID == "new00001")
        #expect(model.statusBar.flash?.kind == .info)
        #expect(model.statusBar.flash?.text.contains("new00001") == true)
    }

    @Test("submitFinished(stored) of an unconfirmed job says the answer was lost and nothing is resent")
    func finishedUnconfirmed() {
        var model = UpdateSupport.model()
        model.typeText("fresh")
        model.press(.ctrl("s"))
        let entry = UpdateSupport.entry("lost0001", .unconfirmed, prompt: "fresh", age: 0)
        let commands = model.receive(
            .submitFinished(parameters: UpdateSupport.parameters("fresh"), outcome: .stored(entry)))
        #expect(commands.isEmpty)
        #expect(model.submissions.inFlight == 0)
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.statusBar.flash?.text.contains("answer was lost") == true)
        #expect(model.statusBar.flash?.text.contains("lost0001") == true)
        #expect(model.jobs.counts.unconfirmed == 1)
    }

    @Test("submitFinished(stored) of a refused job shows the provider's reason")
    func finishedRefused() {
        var model = UpdateSupport.model()
        let job = UpdateSupport.job("refu0001", .failed, prompt: "fresh", age: 0, errorMessage: "content check (1026)")
        model.receive(
            .submitFinished(parameters: UpdateSupport.parameters("fresh"), outcome: .stored(JobEntry(job: job))))
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.statusBar.flash?.text.contains("content check (1026)") == true)
    }

    @Test("submitFinished(invalid) puts each issue next to its field and forgets the attempt")
    func finishedInvalid() {
        var model = UpdateSupport.model()
        model.typeText("fresh")
        model.press(.ctrl("s"))
        let issues = [
            ValidationIssue(field: .lastFrame, rule: .notAccepted, value: "b.png", message: "last frame: not taken"),
            ValidationIssue(field: .duration, rule: .fixed, value: "10 s", message: "duration: 6 s only"),
        ]
        let commands = model.receive(
            .submitFinished(parameters: UpdateSupport.parameters("fresh"), outcome: .invalid(issues)))
        #expect(commands.isEmpty)
        #expect(model.submissions.inFlight == 0)
        #expect(model.composer.issues == [.lastFrame: "last frame: not taken", .duration: "duration: 6 s only"])
        #expect(model.focus == .lastFrame)
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.submissions.last == nil)
        #expect(model.press(.ctrl("s")) == [.submit(UpdateSupport.parameters("fresh"))], "a retry does not ask")
    }

    @Test("submitFinished(failed) says why nothing was sent and forgets the attempt")
    func finishedFailed() {
        var model = UpdateSupport.model()
        model.typeText("fresh")
        model.press(.ctrl("s"))
        model.receive(.submitFinished(parameters: UpdateSupport.parameters("fresh"), outcome: .failed("disk full")))
        #expect(model.submissions.inFlight == 0)
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.statusBar.flash?.text.contains("disk full") == true)
        #expect(model.submissions.last == nil)
    }

    @Test("the in-flight count never goes below zero")
    func inFlightFloor() {
        var model = UpdateSupport.model()
        model.receive(.submitFinished(parameters: UpdateSupport.parameters("x"), outcome: .failed("late")))
        #expect(model.submissions.inFlight == 0)
    }
}
