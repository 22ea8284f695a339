import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: parameter toggles")
struct UpdateOptionsTests {
    @Test("the composer starts with the config's defaults")
    func defaultsFromConfig() {
        let defaults = GenerationParameters(
            model: "minimax/hailuo-2.3", prompt: "", promptOptimizer: false, duration: 10, resolution: .p768)
        var environment = AppEnvironment.preview
        environment.defaults = defaults
        let model = UpdateSupport.model(environment: environment)
        #expect(model.composer.model == "minimax/hailuo-2.3")
        #expect(model.composer.duration == 10)
        #expect(model.composer.resolution == .p768)
        #expect(!model.composer.promptOptimizer)
    }

    @Test(
        "F2 F3 F4 F5 change model, duration, resolution and prompt optimizer from any part", arguments: Focus.allCases)
    func functionKeys(focus: Focus) {
        var model = UpdateSupport.model(focus: focus)
        // A toggle sends nothing; it asks for the new price of what Ctrl-S would send.
        #expect(model.press(.function(3)) == [.quote(model.composer.parameters)])
        #expect(model.composer.duration == 10)
        #expect(model.composer.selectedOption == .duration)
        model.press(.function(3))
        #expect(model.composer.duration == 6)
        model.press(.function(4))
        #expect(model.composer.resolution == .p1080)
        #expect(model.composer.selectedOption == .resolution)
        model.press(.function(4))
        #expect(model.composer.resolution == .p768)
        model.press(.function(5))
        #expect(!model.composer.promptOptimizer)
        #expect(model.composer.selectedOption == .promptOptimizer)
        model.press(.function(5))
        #expect(model.composer.promptOptimizer)
        model.press(.function(2))
        #expect(model.composer.model == ModelCatalog.ids[1])
        #expect(model.composer.selectedOption == .model)
        #expect(model.focus == focus, "toggles do not move focus")
    }

    @Test("F2 cycles through every model and back")
    func modelCycle() {
        var model = UpdateSupport.model()
        var seen: [ModelID] = []
        for _ in ModelCatalog.ids {
            model.press(.function(2))
            seen.append(model.composer.model)
        }
        #expect(seen == Array(ModelCatalog.ids.dropFirst()) + [ModelCatalog.ids[0]])
    }

    @Test("1080P then 10 s: the duration cannot be chosen and the note says why")
    func resolutionThenDuration() {
        var model = UpdateSupport.model()
        model.press(.function(4))
        #expect(model.composer.resolution == .p1080)
        #expect(model.press(.function(3)).isEmpty)
        #expect(model.composer.duration == 6)
        #expect(model.composer.resolution == .p1080)
        let note = model.composer.optionNote ?? ""
        #expect(note.contains("1080P"))
        #expect(note.contains("10 s"))
        #expect(note.contains("6"))
    }

    @Test("10 s then 1080P: the resolution cannot be chosen and the note says why")
    func durationThenResolution() {
        var model = UpdateSupport.model()
        model.press(.function(3))
        #expect(model.composer.duration == 10)
        #expect(model.press(.function(4)).isEmpty)
        #expect(model.composer.resolution == .p768)
        #expect(model.composer.duration == 10)
        let note = model.composer.optionNote ?? ""
        #expect(note.contains("1080P"))
        #expect(note.contains("10 s"))
    }

    @Test("an allowed change clears the note")
    func allowedChangeClearsNote() {
        var model = UpdateSupport.model()
        model.press(.function(3), .function(4))
        #expect(model.composer.optionNote != nil)
        model.press(.function(5))
        #expect(model.composer.optionNote == nil)
    }

    @Test("the options row: ← → choose a toggle, Space and Enter change it")
    func optionsRow() {
        var model = UpdateSupport.model(focus: .options)
        #expect(model.composer.selectedOption == .model)
        model.press(.right)
        #expect(model.composer.selectedOption == .duration)
        #expect(model.press(.character(" ")) == [.quote(model.composer.parameters)])
        #expect(model.composer.duration == 10)
        model.press(.right)
        #expect(model.composer.selectedOption == .resolution)
        model.press(.enter)
        #expect(model.composer.resolution == .p768, "1080P with 10 s cannot be chosen from the row either")
        #expect(model.composer.optionNote != nil)
        model.press(.left)
        model.press(.enter)
        #expect(model.composer.duration == 6)
        model.press(.right, .enter)
        #expect(model.composer.resolution == .p1080)
        model.press(.left, .character(" "))
        #expect(model.composer.duration == 6, "10 s cannot be chosen at 1080P from the row")
        #expect(model.composer.optionNote?.contains("1080P") == true)
        model.press(.right, .right)
        #expect(model.composer.selectedOption == .promptOptimizer)
        model.press(.character(" "))
        #expect(!model.composer.promptOptimizer)
        model.press(.right)
        #expect(model.composer.selectedOption == .variants)
        model.press(.character(" "))
        #expect(model.composer.variants == 2)
        model.press(.right)
        #expect(model.composer.selectedOption == .model, "→ wraps around")
        model.press(.left)
        #expect(model.composer.selectedOption == .variants, "← wraps around")
        #expect(model.focus == .options)
    }

    @Test("h and l move along the options row like ← and →")
    func optionsRowVimKeys() {
        var model = UpdateSupport.model(focus: .options)
        model.press(.character("l"))
        #expect(model.composer.selectedOption == .duration)
        model.press(.character("h"), .character("h"))
        #expect(model.composer.selectedOption == .variants)
    }

    @Test("↑ and ↓ leave the options row")
    func optionsRowVertical() {
        var model = UpdateSupport.model(focus: .options)
        model.press(.up)
        #expect(model.focus == .lastFrame)
        model.focus = .options
        model.press(.down)
        #expect(model.focus == .jobs)
    }

    @Test("a model change fits the duration and resolution to what the new model allows")
    func modelChangeFits() {
        var model = UpdateSupport.model()
        model.press(.function(3))
        #expect(model.composer.duration == 10)
        model.press(.function(2))
        #expect(model.composer.model == "video-01")
        #expect(model.composer.duration == 6)
        #expect(model.composer.resolution == .p768)

        var highRes = UpdateSupport.model()
        highRes.press(.function(4))
        #expect(highRes.composer.resolution == .p1080)
        highRes.press(.function(2))
        #expect(highRes.composer.resolution == .p768)
        #expect(Validator.issues(for: highRes.composer.parameters).filter { $0.field != .prompt }.isEmpty)
    }

    @Test("every model reached with F2 leaves a combination the validator accepts")
    func everyModelValid() {
        var model = UpdateSupport.model()
        model.typeText("a prompt")
        model.press(.function(3))
        for _ in ModelCatalog.ids {
            model.press(.function(2))
            let issues = Validator.issues(for: model.composer.parameters)
                .filter { $0.field == .duration || $0.field == .resolution }
            #expect(issues.isEmpty, "\(model.composer.model): \(issues)")
        }
    }

    @Test("a model with one duration and resolution says so instead of toggling")
    func fixedModel() {
        var model = UpdateSupport.model()
        model.press(.function(2))
        #expect(model.composer.model == "video-01")
        model.press(.function(3))
        #expect(model.composer.duration == 6)
        #expect(model.composer.optionNote?.contains("6 s") == true)
        model.press(.function(4))
        #expect(model.composer.resolution == .p768)
        #expect(model.composer.optionNote != nil)
    }

    @Test("a toggle clears the option errors of the last submit")
    func toggleClearsIssues() {
        var model = UpdateSupport.model()
        model.composer.setIssue("duration: no", for: .duration)
        model.composer.setIssue("resolution: no", for: .resolution)
        model.composer.setIssue("prompt: no", for: .prompt)
        model.press(.function(5))
        #expect(model.composer.issues == [.prompt: "prompt: no"])
    }

    @Test("a model the table does not know offers no values, and F2 moves to one it knows")
    func unknownModel() {
        let old = JobEntry(job: UpdateSupport.job("oldmodel", .completed, model: "minimax/retired-01"))
        var model = UpdateSupport.model(jobs: [old], focus: .jobs)
        model.selectJob("oldmodel")
        model.press(.character("e"))
        #expect(model.composer.model == "minimax/retired-01")
        #expect(model.composer.modelSpec == nil)
        model.press(.function(3))
        #expect(model.composer.duration == 6, "no rule to step through")
        #expect(model.composer.optionNote == "minimax/retired-01 is not a model hailuo knows: F2 chooses one")
        let row = model.composer.optionSpans(theme: model.theme, focused: false, functionKeys: true, shortLabels: false)
        #expect(!row.contains { $0.text.contains("10 s") }, "only the chosen values show")
        model.press(.function(2))
        #expect(model.composer.model == ModelCatalog.ids[0])
        #expect(model.composer.modelSpec != nil)
    }
}

@Suite("Update: the price of what Ctrl-S would send")
struct UpdatePriceTests {
    @Test("a quote shows for the toggles it is for; a toggle asks again and hides the old one")
    func quoteFollowsToggles() {
        var model = UpdateSupport.model(focus: .options)
        #expect(model.composer.openingQuote == .quote(model.composer.parameters))
        #expect(model.composer.currentQuote == nil)
        let six = model.composer.parameters
        model.receive(.priceQuoted(six, .known(usd: 0.294, source: .catalogue)))
        #expect(model.composer.currentQuote == .known(usd: 0.294, source: .catalogue))
        #expect(model.composer.priceWordings(demo: false).first == "$0.29 a clip (catalogue)")
        #expect(model.composer.priceWordings(demo: true).last == "$0.29 DEMO")
        #expect(model.press(.function(3)) == [.quote(model.composer.parameters)])
        #expect(model.composer.currentQuote == nil, "a 6 s price is not shown for a 10 s clip")
        model.receive(.priceQuoted(six, .known(usd: 0.294, source: .catalogue)))
        #expect(model.composer.currentQuote == nil, "a late answer for old toggles is dropped")
        model.receive(.priceQuoted(model.composer.parameters, .unknown(reason: "priced per request content")))
        #expect(model.composer.priceWordings(demo: false).first == "price unknown: priced per request content")
        #expect(model.typeText("words").isEmpty, "the prompt does not change the price")
    }

    @Test("the options row shows the price at its right end")
    func priceOnScreen() {
        var model = UpdateSupport.model(size: UpdateSupport.wide, focus: .prompt)
        model.receive(.priceQuoted(model.composer.parameters, .known(usd: 0.294, source: .catalogue)))
        let row = model.view().lines()[model.layout.options.y]
        #expect(row.hasSuffix("$0.29 a clip DEMO"))
    }
}
