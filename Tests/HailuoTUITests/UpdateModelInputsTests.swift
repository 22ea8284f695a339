import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

/// The composer follows the chosen model: H3's ratio, duration stepper and references appear, and
/// go again for a Hailuo model, which is told what it does not send.
@Suite("Update: each model's own fields and toggles")
struct UpdateModelInputsTests {
    /// A model with `id` chosen by F2.
    func choosing(_ id: ModelID, focus: Focus = .prompt) -> AppModel {
        var model = UpdateSupport.model(focus: focus)
        while model.composer.model != id { model.press(.function(2)) }
        return model
    }

    @Test("H3: 2K, a duration stepper from 6 s, a ratio toggle, no optimizer; the references row appears")
    func h3Fields() {
        var model = choosing("minimax/h3")
        #expect(model.composer.resolution == .k2)
        #expect(model.composer.duration == 6)
        #expect(model.composer.shownOptions == [.model, .duration, .resolution, .ratio, .variants])
        #expect(model.composer.takesReferences)
        #expect(model.layout.references.height == 1)
        #expect(model.composer.optionNote?.contains("768P → 2K") == true)
        let row = model.view().text
        #expect(row.contains("References"))
        #expect(row.contains("Ratio"))
        #expect(!row.contains("Optimizer"))
        #expect(row.contains("◂6 s▸"))
        // Back to Hailuo-02: the row and the ratio go, and Tab skips the references.
        while model.composer.model != ModelCatalog.defaultModelID { model.press(.function(2)) }
        #expect(model.layout.references.isEmpty)
        #expect(!model.view().text.contains("References"))
        model.focus = .lastFrame
        model.press(.tab)
        #expect(model.focus == .options)
    }

    @Test("the duration stepper: F3 and Space step up and wrap, + and - step without wrapping")
    func stepper() {
        var model = choosing("minimax/h3", focus: .options)
        model.press(.function(3))
        #expect(model.composer.duration == 7)
        #expect(model.composer.selectedOption == .duration, "F3 selects the toggle it changes")
        for _ in 0..<20 { model.press(.character("+")) }
        #expect(model.composer.duration == 15)
        #expect(model.composer.optionNote == "minimax/h3 makes clips of 4 to 15 s")
        model.press(.character(" "))
        #expect(model.composer.duration == 4, "Space wraps past the end")
        model.press(.character("-"))
        #expect(model.composer.duration == 4, "- stops at the start")
        #expect(Validator.issues(for: model.composer.parameters).filter { $0.field == .duration }.isEmpty)
    }

    @Test("the ratio toggle: auto (not sent), then each ratio; a ratio is sent only to a model that takes one")
    func ratio() {
        var model = choosing("minimax/h3", focus: .options)
        while model.composer.selectedOption != .ratio { model.press(.right) }
        #expect(model.composer.parameters.ratio == nil)
        model.press(.character(" "))
        #expect(model.composer.parameters.ratio == .adaptive)
        model.press(.character(" "))
        #expect(model.composer.parameters.ratio == .r21x9)
        model.press(.character("-"))
        #expect(model.composer.parameters.ratio == .adaptive)
        model.press(.function(2))
        #expect(model.composer.model == "minimax/h3-max")
        #expect(model.composer.parameters.ratio == .adaptive, "H3 Max takes the same ratios: kept")
        model.press(.function(2))
        #expect(model.composer.parameters.ratio == nil, "Hailuo-02 takes no ratio: not sent")
        #expect(model.composer.optionNote?.contains("not sent with hailuo-02: ratio (kept)") == true)
    }

    @Test("references: typed by kind; kept but not sent with a model that takes none")
    func references() {
        var model = choosing("minimax/h3")
        model.focus = .references
        model.typeText("~/look.png https://example.com/walk.mp4 audio:https://example.com/voice https://x.example/a")
        let p = model.composer.parameters
        #expect(p.referenceImages == ["~/look.png", "https://x.example/a"])
        #expect(p.referenceVideos == ["https://example.com/walk.mp4"])
        #expect(p.referenceAudio == ["https://example.com/voice"])
        #expect(model.view().text.contains("2 images · 1 video · 1 audio"))
        model.press(.function(2))
        model.press(.function(2))
        #expect(model.composer.model == ModelCatalog.defaultModelID)
        #expect(!model.composer.parameters.hasReferences)
        #expect(model.composer.optionNote?.contains("4 references (kept)") == true)
        while model.composer.model != "minimax/h3" { model.press(.function(2)) }
        #expect(model.composer.parameters.referenceVideos == ["https://example.com/walk.mp4"])
    }

    @Test("a submit with audio as the only reference is refused next to the references field")
    func audioAloneRefused() {
        var model = choosing("minimax/h3")
        model.typeText("A choir sings")
        model.focus = .references
        model.typeText("audio:https://example.com/voice.mp3")
        #expect(model.press(.ctrl("s")).isEmpty, "nothing is sent")
        #expect(model.focus == .references)
        #expect(model.view().text.contains("cannot be the only reference"))
    }

    @Test("H3's prompt holds 7000 characters; a longer one is named when switching back to Hailuo")
    func promptLimit() {
        var model = choosing("minimax/h3")
        model.pasteText(String(repeating: "a", count: 5000))
        #expect(model.composer.prompt.utf16Count == 5000)
        #expect(model.view().text.contains("5000/7000"))
        while model.composer.model != ModelCatalog.defaultModelID { model.press(.function(2)) }
        #expect(model.composer.prompt.utf16Count == 5000, "nothing typed is lost")
        #expect(model.composer.optionNote?.contains("prompt over 2000 characters") == true)
    }

    @Test("a draft keeps the ratio and the references")
    func draft() throws {
        var model = choosing("minimax/h3", focus: .options)
        model.composer.toggle(.ratio)
        model.focus = .references
        model.typeText("https://example.com/a.png")
        model.focus = .prompt
        model.typeText("A harbour")
        let draft = try #require(model.unsentDraft)
        var fresh = UpdateSupport.model()
        _ = fresh.restore(draft)
        #expect(fresh.composer.parameters == model.composer.parameters)
    }
}
