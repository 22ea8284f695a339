import Foundation
import HailuoCore
import TUIKit

extension AppModel {
    /// The scopes while a preset overlay is open (`nil` when none is): the replace question
    /// takes y / n as any question does.
    var presetScopes: [KeyScope]? {
        switch presets.mode {
        case nil: nil
        case .naming?: [.always, .presetName]
        case .list?: [.always, .presetList]
        case .replacing?: [.confirmation]
        // Saving takes a moment; keys wait (Ctrl-C still quits).
        case .saving?: [.always]
        }
    }

    /// Does what a preset key says: F8 asks for a name for the composer's parameters, F7 lists
    /// the presets, and Enter in the list loads one into the composer as "edit as new" does.
    mutating func performPresetAction(_ action: KeyAction, key: Key) -> [Command] {
        switch action {
        case .saveAsPreset: return take(presets.startNaming(composer.parameters))
        case .openPresets: return take(presets.openList())
        case .editPresetName: presets.editName(key)
        case .confirmPresetName: return take(presets.confirmName())
        case .closePresets: presets.close()
        case .presetMove(let step): presets.move(by: step)
        case .loadPreset:
            guard let preset = presets.choose() else { return [] }
            let checks = composer.load(preset.parameters)
            moveFocus(to: .prompt)
            show("loaded preset \(Presets.shown(preset.name)); edit, then Ctrl-S sends")
            return checks
        default: break
        }
        return []
    }
}
