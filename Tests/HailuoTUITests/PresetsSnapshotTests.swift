import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("View snapshots: presets", .serialized)
struct PresetsSnapshotTests {
    static let size = Size(width: 80, height: 24)

    @Test func nameEntryAndReplaceQuestion() {
        var model = Fixtures.main(size: Self.size)
        model.focus = .prompt
        _ = model.update(.input(.key(.function(8))))
        for character in "rainy street" { _ = model.update(.input(.key(.character(character)))) }
        let naming = model.view()
        #expect(naming.cursor != nil)
        Snapshot.check("preset-name-80x24", Snapshot.render(naming))
        _ = model.update(.input(.key(.enter)))
        _ = model.update(
            .presetSaved(.exists(Preset(name: "rainy street", parameters: model.composer.parameters))))
        Snapshot.check("preset-replace-80x24", Snapshot.render(model.view()))
    }

    @Test func list() {
        var model = Fixtures.main(size: Self.size)
        _ = model.update(.input(.key(.function(7))))
        let presets = [
            Preset(name: "kite", parameters: GenerationParameters(prompt: "A kite over the sea", duration: 10)),
            Preset(
                name: "rainy street",
                parameters: GenerationParameters(
                    prompt: "A paper boat sails down a rainy street", promptOptimizer: false,
                    firstFrame: "~/img/boat.png")),
        ]
        _ = model.update(.presetsLoaded(.loaded(presets)))
        _ = model.update(.input(.key(.down)))
        Snapshot.check("preset-list-80x24", Snapshot.render(model.view()))
    }
}
