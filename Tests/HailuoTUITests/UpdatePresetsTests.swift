import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

/// F8 saves the composer as a preset (a name, and a question when it exists); F7 lists the
/// presets and loads one into the composer.
@Suite("Update: presets")
struct UpdatePresetsTests {
    static let kite = Preset(
        name: "kite",
        parameters: GenerationParameters(
            model: "minimax/hailuo-02", prompt: "A kite over the sea", promptOptimizer: false, duration: 10,
            resolution: .p768))
    static let boat = Preset(name: "rainy street", parameters: UpdateSupport.parameters("A paper boat"))

    /// A model with `prompt` typed in the composer.
    static func composing(_ prompt: String) -> AppModel {
        var model = UpdateSupport.model(focus: .prompt)
        model.typeText(prompt)
        return model
    }

    @Test func f8AsksForANameAndEnterSavesTheComposer() {
        var model = Self.composing("a fox in the snow")
        #expect(model.press(.function(8)).isEmpty)
        #expect(model.presets.isNaming)
        #expect(model.activeScopes == [.always, .presetName])
        model.typeText("snow fox")
        let commands = model.press(.enter)
        #expect(commands == [.savePreset(name: "snow fox", model.composer.parameters, replace: false)])
        model.receive(
            .presetSaved(.saved(Preset(name: "snow fox", parameters: model.composer.parameters), replaced: false)))
        #expect(model.presets.mode == nil)
        #expect(model.statusBar.flash?.text.contains("saved preset \"snow fox\"") == true)
    }

    @Test func escCancelsTheNameAndTheComposerIsUntouched() {
        var model = Self.composing("a fox")
        model.press(.function(8))
        model.typeText("x")
        #expect(model.press(.escape).isEmpty)
        #expect(model.presets.mode == nil)
        #expect(model.composer.parameters.prompt == "a fox")
    }

    @Test func aBadNameIsRefusedWithAReason() {
        var model = Self.composing("a fox")
        model.press(.function(8))
        #expect(model.press(.enter).isEmpty)
        guard case .naming(_, _, let problem) = model.presets.mode else {
            Issue.record("the name entry closed")
            return
        }
        #expect(problem == "the name is empty")
    }

    @Test func withoutAPromptThereIsNothingToSave() {
        var model = UpdateSupport.model(focus: .prompt)
        model.press(.function(8))
        #expect(model.presets.mode == nil)
        #expect(model.statusBar.flash?.kind == .error)
    }

    @Test func anExistingNameAsksToReplace() {
        var model = Self.composing("a fox")
        model.press(.function(8))
        model.typeText("kite")
        model.press(.enter)
        let preset = Preset(name: "kite", parameters: model.composer.parameters)
        model.receive(.presetSaved(.exists(preset)))
        #expect(model.presets.isAskingToReplace)
        #expect(model.activeScopes == [.confirmation])
        #expect(model.view().text.contains("Replace it"))
        #expect(model.press(.character("y")) == [.savePreset(name: "kite", preset.parameters, replace: true)])
        model.receive(.presetSaved(.saved(preset, replaced: true)))
        #expect(model.presets.mode == nil)
        #expect(model.statusBar.flash?.text.contains("replaced preset \"kite\"") == true)
    }

    @Test func noToReplaceGoesBackToTheName() {
        var model = Self.composing("a fox")
        model.press(.function(8))
        model.typeText("kite")
        model.press(.enter)
        model.receive(.presetSaved(.exists(Preset(name: "kite", parameters: model.composer.parameters))))
        #expect(model.press(.character("n")).isEmpty)
        #expect(model.presets.isNaming)
    }

    @Test func aFailedSaveSaysWhy() {
        var model = Self.composing("a fox")
        model.press(.function(8))
        model.typeText("kite")
        model.press(.enter)
        model.receive(.presetSaved(.failed("The presets file /x/presets.toml cannot be written: disk full.")))
        #expect(model.statusBar.flash?.text.contains("cannot be written") == true)
        #expect(model.statusBar.flash?.kind == .error)
    }

    @Test func f7ListsThePresetsAndEnterLoadsOne() {
        var model = Self.composing("something else")
        model.moveFocus(to: .jobs)
        #expect(model.press(.function(7)) == [.loadPresets])
        #expect(model.view().text.contains("reading presets"))
        model.receive(.presetsLoaded(.loaded([Self.kite, Self.boat])))
        #expect(model.activeScopes == [.always, .presetList])
        let screen = model.view().text
        #expect(screen.contains("kite"))
        #expect(screen.contains("rainy street"))
        model.press(.down)
        model.press(.down)  // stops at the last one
        model.press(.up)
        model.press(.enter)
        #expect(model.presets.mode == nil)
        #expect(model.composer.parameters == Self.kite.parameters)
        #expect(model.focus == .prompt)
        #expect(model.statusBar.flash?.text.contains("loaded preset \"kite\"") == true)
    }

    @Test func escClosesTheListAndLoadsNothing() {
        var model = Self.composing("keep me")
        model.press(.function(7))
        model.receive(.presetsLoaded(.loaded([Self.kite])))
        model.press(.escape)
        #expect(model.presets.mode == nil)
        #expect(model.composer.parameters.prompt == "keep me")
    }

    @Test func anEmptyOrBrokenFileIsSaidOnTheMessageLine() {
        var model = Self.composing("a fox")
        model.press(.function(7))
        model.receive(.presetsLoaded(.loaded([])))
        #expect(model.presets.mode == nil)
        #expect(model.statusBar.flash?.text.contains("no presets yet") == true)
        model.press(.function(7))
        model.receive(
            .presetsLoaded(.failed("The presets file /x/presets.toml is not valid TOML at line 2, column 1: x.")))
        #expect(model.presets.mode == nil)
        #expect(model.statusBar.flash?.kind == .error)
    }

    @Test func pasteGoesToTheName() {
        var model = Self.composing("a fox")
        model.press(.function(8))
        model.pasteText("pasted name")
        #expect(model.press(.enter) == [.savePreset(name: "pasted name", model.composer.parameters, replace: false)])
    }
}
