import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: keys that work everywhere")
struct UpdateGlobalKeyTests {
    // MARK: Quit, suspend, redraw

    @Test("Ctrl-C without a submission in flight quits at once", arguments: Focus.allCases)
    func ctrlCQuits(focus: Focus) {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: focus)
        #expect(model.press(.ctrl("c")) == [.quit])
        #expect(model.quitting)
        #expect(model.confirmation == nil)
    }

    @Test("Ctrl-C with a submission in flight asks; y quits")
    func ctrlCInFlightYes() {
        var model = UpdateSupport.model()
        model.typeText("a prompt")
        model.press(.ctrl("s"))
        #expect(model.press(.ctrl("c")).isEmpty)
        #expect(model.confirmation == .quitWhileSubmitting)
        #expect(!model.quitting)
        #expect(model.press(.character("y")) == [.quit])
        #expect(model.quitting)
        #expect(model.confirmation == nil)
    }

    @Test("Ctrl-C with a submission in flight asks; n stays", arguments: [Key.character("n"), .escape, .ctrl("c")])
    func ctrlCInFlightNo(answer: Key) {
        var model = UpdateSupport.model()
        model.typeText("a prompt")
        model.press(.ctrl("s"))
        model.press(.ctrl("c"))
        #expect(model.press(answer).isEmpty)
        #expect(!model.quitting)
        #expect(model.confirmation == nil)
        #expect(model.submissions.inFlight == 1)
    }

    @Test("once the submission has finished, Ctrl-C quits without asking")
    func ctrlCAfterFinished() {
        var model = UpdateSupport.model()
        model.typeText("a prompt")
        model.press(.ctrl("s"))
        model.receive(.submitFinished(parameters: UpdateSupport.parameters("a prompt"), outcome: .failed("offline")))
        #expect(model.press(.ctrl("c")) == [.quit])
    }

    @Test("Ctrl-Z suspends and Ctrl-L redraws, from every part, without changing the model", arguments: Focus.allCases)
    func suspendAndRedraw(focus: Focus) {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: focus)
        let before = model
        #expect(model.press(.ctrl("z")) == [.suspend])
        #expect(model.press(.ctrl("l")) == [.redraw])
        #expect(model == before)
    }

    @Test("Ctrl-C, Ctrl-Z and Ctrl-L still work while the help is open")
    func globalKeysInHelp() {
        var model = UpdateSupport.model()
        model.press(.function(1))
        #expect(model.press(.ctrl("z")) == [.suspend])
        #expect(model.press(.ctrl("l")) == [.redraw])
        #expect(model.press(.ctrl("c")) == [.quit])
        #expect(model.quitting)
    }

    @Test("Ctrl-C, Ctrl-Z and Ctrl-L still work while the text filter is typed")
    func globalKeysInFilter() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("/"))
        model.typeText("fox")
        #expect(model.press(.ctrl("z")) == [.suspend])
        #expect(model.press(.ctrl("l")) == [.redraw])
        #expect(model.jobs.textFilter == "fox")
        #expect(model.press(.ctrl("c")) == [.quit])
        #expect(model.quitting)
    }

    @Test("terminate quits at once, even with a submission in flight")
    func terminate() {
        var model = UpdateSupport.model()
        model.typeText("a prompt")
        model.press(.ctrl("s"))
        #expect(model.receive(.terminate) == [.quit])
        #expect(model.quitting)
    }

    // MARK: Help

    @Test("F1 opens the help from every part", arguments: Focus.allCases)
    func f1OpensHelp(focus: Focus) {
        var model = UpdateSupport.model(focus: focus)
        #expect(model.press(.function(1)).isEmpty)
        #expect(model.help.isOpen)
    }

    @Test("? opens the help outside text fields", arguments: [Focus.options, .jobs])
    func questionOpensHelp(focus: Focus) {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: focus)
        model.press(.character("?"))
        #expect(model.help.isOpen)
        #expect(model.composer.prompt.text.isEmpty)
    }

    @Test("? in a text field types a question mark", arguments: [Focus.prompt, .firstFrame, .lastFrame])
    func questionTypes(focus: Focus) {
        var model = UpdateSupport.model(focus: focus)
        model.press(.character("?"))
        #expect(!model.help.isOpen)
        let text: String
        switch focus {
        case .firstFrame: text = model.composer.firstFrame.text
        case .lastFrame: text = model.composer.lastFrame.text
        default: text = model.composer.prompt.text
        }
        #expect(text == "?")
    }

    @Test("Esc, ?, q and F1 close the help", arguments: [Key.escape, .character("?"), .character("q"), .function(1)])
    func closeHelp(key: Key) {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.function(1))
        let commands = model.press(key)
        #expect(commands.isEmpty, "q closes the help, it does not quit")
        #expect(!model.help.isOpen)
        #expect(!model.quitting)
        #expect(model.focus == .jobs)
    }

    @Test("other keys do nothing while the help is open")
    func helpSwallowsKeys() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.function(1))
        let before = model
        let commands = model.press(.character("d"), .left, .enter, .character("x"), .tab)
        #expect(commands.isEmpty)
        #expect(model == before)
    }

    // MARK: Focus

    @Test("Tab cycles prompt, first frame, last frame, options, jobs (empty fields)")
    func tabCycles() {
        var model = UpdateSupport.model()
        var seen: [Focus] = [model.focus]
        for _ in 0..<5 {
            #expect(model.press(.tab).isEmpty)
            seen.append(model.focus)
        }
        #expect(seen == [.prompt, .firstFrame, .lastFrame, .options, .jobs, .prompt])
    }

    @Test("Shift-Tab cycles the other way, image fields with text included")
    func backTabCycles() {
        var model = UpdateSupport.model()
        _ = model.composer.setField(.first, text: "a.png")
        var seen: [Focus] = [model.focus]
        for _ in 0..<5 {
            #expect(model.press(.backTab).isEmpty)
            seen.append(model.focus)
        }
        #expect(seen == [.prompt, .jobs, .options, .lastFrame, .firstFrame, .prompt])
    }

    @Test("Esc closes candidates, then details, then goes to the table")
    func escapeChain() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.enter)
        model.press(.tab, .tab)
        model.typeText("~/p")
        model.receive(.pathCompletions(.first, typed: "~/p", candidates: ["~/photos/", "~/pictures/"]))
        #expect(model.focus == .firstFrame)
        #expect(model.composer.completions != nil)
        #expect(model.details.isOpen)
        model.press(.escape)
        #expect(model.composer.completions == nil)
        #expect(model.details.isOpen)
        #expect(model.focus == .firstFrame)
        model.press(.escape)
        #expect(!model.details.isOpen)
        #expect(model.focus == .firstFrame)
        model.press(.escape)
        #expect(model.focus == .jobs)
        let commands = model.press(.escape)
        #expect(commands.isEmpty)
        #expect(model.focus == .jobs)
    }

    @Test("at a narrow size, leaving the table closes the details pane that covers the composer")
    func narrowTabClosesDetails() {
        var model = UpdateSupport.model(size: UpdateSupport.narrow, jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.enter)
        #expect(model.details.isOpen)
        model.press(.tab)
        #expect(model.focus == .prompt)
        #expect(!model.details.isOpen)
    }

    @Test("at a wide size the details pane stays open when focus leaves the table")
    func wideTabKeepsDetails() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.enter)
        model.press(.tab)
        #expect(model.focus == .prompt)
        #expect(model.details.isOpen)
    }

    // MARK: Time and size

    @Test("tick moves the clock and keeps a flash until its time is up")
    func tickExpiresFlash() {
        var model = UpdateSupport.model()
        model.press(.ctrl("s"))
        let flash = model.statusBar.flash
        #expect(flash != nil)
        model.advance(StatusBar.flashSeconds - 1)
        #expect(model.now == UpdateSupport.start.addingTimeInterval(StatusBar.flashSeconds - 1))
        #expect(model.statusBar.flash == flash)
        #expect(model.receive(.tick(UpdateSupport.start.addingTimeInterval(StatusBar.flashSeconds))).isEmpty)
        #expect(model.statusBar.flash == nil)
    }

    @Test("nextTick is nil when nothing moves")
    func nextTickIdle() {
        let jobs = UpdateSupport.mixedJobs.filter { $0.job.phase != .pending }
        let model = UpdateSupport.model(jobs: jobs)
        #expect(model.nextTick(after: UpdateSupport.start.addingTimeInterval(0.25)) == nil)
    }

    @Test("nextTick is the next whole second while a job is pending")
    func nextTickPending() {
        let model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        let date = UpdateSupport.start.addingTimeInterval(0.25)
        #expect(model.nextTick(after: date) == UpdateSupport.start.addingTimeInterval(1))
        #expect(model.nextTick(after: UpdateSupport.start) == UpdateSupport.start.addingTimeInterval(1))
    }

    @Test("nextTick runs while a flash shows, a download runs or a submission is in flight")
    func nextTickOtherReasons() {
        let date = UpdateSupport.start.addingTimeInterval(0.5)
        let next = UpdateSupport.start.addingTimeInterval(1)
        var flashing = UpdateSupport.model()
        flashing.press(.ctrl("p"))
        #expect(flashing.nextTick(after: date) == next)
        var downloading = UpdateSupport.model()
        downloading.receive(.downloadProgress(DownloadProgress(jobID: "done0002", received: 10, total: 100)))
        #expect(downloading.nextTick(after: date) == next)
        var submitting = UpdateSupport.model()
        submitting.typeText("x")
        submitting.press(.ctrl("s"))
        submitting.statusBar.clearFlash()
        #expect(submitting.nextTick(after: date) == next)
    }

    @Test("nextTick runs while a rate-limit countdown shows, and stops when it is over")
    func nextTickRateLimited() {
        var model = UpdateSupport.model()
        model.receive(.connection(.rateLimited(until: UpdateSupport.start.addingTimeInterval(30))))
        #expect(
            model.nextTick(after: UpdateSupport.start.addingTimeInterval(0.5))
                == UpdateSupport.start.addingTimeInterval(1))
        #expect(model.nextTick(after: UpdateSupport.start.addingTimeInterval(30)) == nil)
        model.receive(.connection(.offline("no route")))
        #expect(model.nextTick(after: UpdateSupport.start) == nil)
    }

    @Test("a hidden pending job does not keep the clock running")
    func nextTickHiddenPending() {
        let model = UpdateSupport.model(jobs: [UpdateSupport.entry("hidden01", .pending, hidden: true)])
        #expect(model.nextTick(after: UpdateSupport.start) == nil)
    }

    @Test("a screen left alone with running jobs beats every two seconds; a key brings back the second")
    func nextTickCalmsWhenLeftAlone() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        let start = UpdateSupport.start  // an even second
        model.advance(AppModel.calmAfterSeconds - 1)
        #expect(model.beatSeconds(at: model.now) == 1)
        #expect(model.nextTick(after: model.now.addingTimeInterval(0.5)) == model.now.addingTimeInterval(1))
        model.advance(1)
        #expect(model.beatSeconds(at: model.now) == AppModel.calmBeatSeconds)
        let quiet = start.addingTimeInterval(AppModel.calmAfterSeconds + 0.3)
        #expect(model.nextTick(after: quiet) == start.addingTimeInterval(AppModel.calmAfterSeconds + 2))
        #expect(
            model.nextTick(after: start.addingTimeInterval(AppModel.calmAfterSeconds + 1.3))
                == start.addingTimeInterval(AppModel.calmAfterSeconds + 2))
        model.press(.down)
        #expect(model.beatSeconds(at: quiet) == 1)
        #expect(model.nextTick(after: quiet) == start.addingTimeInterval(AppModel.calmAfterSeconds + 1))
    }

    @Test("a message, a download or a countdown keeps the one-second beat however long the screen is left alone")
    func nextTickStaysQuickWhileSomethingElseMoves() {
        let later = UpdateSupport.start.addingTimeInterval(AppModel.calmAfterSeconds + 60.5)
        var downloading = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        downloading.receive(.downloadProgress(DownloadProgress(jobID: "done0002", received: 10, total: 100)))
        #expect(downloading.beatSeconds(at: later) == 1)
        #expect(
            downloading.nextTick(after: later) == UpdateSupport.start.addingTimeInterval(AppModel.calmAfterSeconds + 61)
        )
        var limited = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        limited.receive(.connection(.rateLimited(until: later.addingTimeInterval(30))))
        #expect(limited.beatSeconds(at: later) == 1)
        var told = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        told.advance(AppModel.calmAfterSeconds + 60)
        told.receive(.actionFinished(text: "saved clip.mp4", isError: false))
        #expect(told.beatSeconds(at: told.now) == 1)
    }

    @Test("at the slower beat the spinner still steps through every frame, one per tick")
    func spinnerStepsEveryFrameAtTheCalmBeat() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        model.advance(AppModel.calmAfterSeconds)
        var frames: [String] = []
        for _ in 0..<3 {
            let bar = model.view().lines().last ?? ""
            frames.append(String(bar.first { Glyphs.unicode.spinner.contains(String($0)) } ?? " "))
            model.advance(Double(AppModel.calmBeatSeconds))
        }
        let spinner = Glyphs.unicode.spinner
        let indices = frames.compactMap { spinner.firstIndex(of: $0) }
        #expect(indices.count == 3, "frames \(frames)")
        #expect(
            indices == indices.map { _ in indices[0] }.enumerated().map { ($0.element + $0.offset) % spinner.count })
    }

    @Test("resize updates the size and scrolls so the selection stays on screen")
    func resizeKeepsSelectionVisible() {
        var model = UpdateSupport.model(jobs: UpdateSupport.manyJobs(60), focus: .jobs)
        model.selectJob("job40")
        #expect(model.layout.tableRows == 25)
        #expect(model.jobs.top == 16)
        let smaller = Size(width: 100, height: 24)
        #expect(model.receive(.input(.resize(smaller))).isEmpty)
        #expect(model.size == smaller)
        let rows = model.layout.tableRows
        #expect(rows == 12)
        #expect(model.jobs.selectedID == "job40")
        #expect(model.jobs.top == 40 - rows + 1)
        model.receive(.input(.resize(Size(width: 120, height: 60))))
        let index = model.jobs.selectedIndex ?? -1
        #expect(index >= model.jobs.top && index < model.jobs.top + model.layout.tableRows)
        #expect(model.jobs.top <= 60 - model.layout.tableRows, "no empty rows at the bottom")
    }

    @Test("connection events set the badge state")
    func connection() {
        var model = UpdateSupport.model()
        let states: [ConnectionState] = [
            .offline("no route to host"), .rateLimited(until: UpdateSupport.start.addingTimeInterval(30)),
            .unauthorized("invalid key"), .online,
        ]
        for state in states {
            #expect(model.receive(.connection(state)).isEmpty)
            #expect(model.statusBar.connection == state)
            #expect(model.confirmation == nil, "never a modal")
        }
    }

    @Test("actionFinished shows its text as info or error")
    func actionFinished() {
        var model = UpdateSupport.model()
        model.receive(.actionFinished(text: "hid done0002", isError: false))
        #expect(
            model.statusBar.flash
                == Flash("hid done0002", kind: .info, until: model.now.addingTimeInterval(StatusBar.flashSeconds)))
        model.receive(.actionFinished(text: "store locked", isError: true))
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.statusBar.flash?.text == "store locked")
    }
}
