import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Unsent drafts")
struct DraftTests {
    @Test func anEmptyComposerOrWhatWasJustSubmittedIsNothingToKeep() {
        var model = UpdateSupport.model()
        #expect(model.unsentDraft == nil)
        model.typeText("A heron lands 鹭")
        let draft = model.unsentDraft
        #expect(draft?.prompt == "A heron lands 鹭")
        model.press(.ctrl("s"))
        #expect(model.unsentDraft == nil, "submitted as it stands: nothing unsent")
        model.typeText(", slowly")
        #expect(model.unsentDraft?.prompt == "A heron lands 鹭, slowly")
    }

    @Test func aDraftComesBackWithItsToggleAndImagesChecked() {
        var model = UpdateSupport.model()
        let draft = Draft(
            prompt: "line one\nline two", firstFrame: "~/a.png", model: ModelCatalog.defaultModelID, duration: 10,
            resolution: .p768, promptOptimizer: false)
        let commands = model.restore(draft)
        #expect(commands == [.checkImage(.first, "~/a.png")])
        #expect(model.composer.prompt.text == "line one\nline two")
        #expect(model.composer.duration == 10)
        #expect(!model.composer.promptOptimizer)
        #expect(model.statusBar.flash?.text.contains("draft is back") == true)
        #expect(model.unsentDraft == draft)
    }
}
