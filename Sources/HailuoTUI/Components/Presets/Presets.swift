import Foundation
import HailuoCore
import TUIKit

/// How reading the presets file ended, as the screen needs to know it.
public enum PresetsLoad: Sendable, Equatable {
    /// Every preset, sorted by name.
    case loaded([Preset])
    /// Why the file could not be used, in one sentence.
    case failed(String)
}

/// How saving a preset ended.
public enum PresetSaveOutcome: Sendable, Equatable {
    /// Saved; `replaced` when a preset of that name was there before.
    case saved(Preset, replaced: Bool)
    /// A preset of that name exists and was kept (the screen asks whether to replace it).
    case exists(Preset)
    /// Why it could not be saved, in one sentence.
    case failed(String)
}

/// Saving and recalling presets on the screen: F8 asks for a name (and whether to replace one
/// of the same name), F7 lists them and loads the chosen one into the composer. The file is
/// read and written by the runtime (``Command/loadPresets``, ``Command/savePreset(name:_:replace:)``).
public struct Presets: Sendable, Equatable {
    /// What the overlay shows.
    public enum Mode: Sendable, Equatable {
        /// The name being typed for `parameters`; `problem` says why Enter refused it.
        case naming(TextEditor, GenerationParameters, problem: String?)
        /// The runtime is saving it.
        case saving(Preset)
        /// A preset of that name exists: replace it? (y / n)
        case replacing(Preset)
        /// The saved presets (`nil` while they are read) and the selected row.
        case list([Preset]?, selected: Int)
    }

    /// The open overlay, or `nil`.
    public private(set) var mode: Mode?

    public init() {}

    /// Whether the name is being typed.
    public var isNaming: Bool {
        if case .naming = mode { true } else { false }
    }

    /// Whether the list is open.
    public var isListing: Bool {
        if case .list = mode { true } else { false }
    }

    /// Whether the replace question is asked.
    public var isAskingToReplace: Bool {
        if case .replacing = mode { true } else { false }
    }

    // MARK: Saving

    /// F8: ask for a name for `parameters`.
    mutating func startNaming(_ parameters: GenerationParameters) -> Reply {
        guard !parameters.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return .note("write a prompt first: a preset keeps the prompt and its parameters", error: true)
        }
        mode = .naming(TextEditor(singleLine: true), parameters, problem: nil)
        return .none
    }

    /// A key typed into the name.
    mutating func editName(_ key: Key) {
        guard case .naming(var editor, let parameters, _) = mode else { return }
        _ = editor.handle(key, width: 40)
        mode = .naming(editor, parameters, problem: nil)
    }

    /// Pasted text into the name (one line).
    mutating func pasteName(_ text: String) {
        guard case .naming(var editor, let parameters, _) = mode else { return }
        _ = editor.insert(text)
        mode = .naming(editor, parameters, problem: nil)
    }

    /// Enter: save under the typed name, or say why the name cannot be used.
    mutating func confirmName() -> Reply {
        guard case .naming(let editor, let parameters, _) = mode else { return .none }
        let name = editor.text.trimmingCharacters(in: .whitespaces)
        if let problem = Preset.nameProblem(name) {
            mode = .naming(editor, parameters, problem: "the name \(problem)")
            return .none
        }
        let preset = Preset(name: name, parameters: parameters)
        mode = .saving(preset)
        return Reply([.savePreset(name: name, parameters, replace: false)])
    }

    /// y / n to "replace it?".
    mutating func answerReplace(_ yes: Bool) -> Reply {
        guard case .replacing(let preset) = mode else { return .none }
        guard yes else {
            mode = .naming(TextEditor(text: preset.name, singleLine: true), preset.parameters, problem: nil)
            return .note("kept the saved \(Self.shown(preset.name)); choose another name or Esc")
        }
        mode = .saving(preset)
        return Reply([.savePreset(name: preset.name, preset.parameters, replace: true)])
    }

    /// The runtime's answer to a save.
    mutating func receive(_ outcome: PresetSaveOutcome) -> Reply {
        switch outcome {
        case .saved(let preset, let replaced):
            if case .saving = mode { mode = nil }
            return .note("\(replaced ? "replaced" : "saved") preset \(Self.shown(preset.name)) (F7 recalls it)")
        case .exists(let preset):
            guard case .saving = mode else { return .none }
            mode = .replacing(preset)
            return .none
        case .failed(let sentence):
            if case .saving(let preset) = mode {
                mode = .naming(TextEditor(text: preset.name, singleLine: true), preset.parameters, problem: nil)
            }
            return .note(sentence, error: true)
        }
    }

    // MARK: Recalling

    /// F7: open the list and ask for the presets.
    mutating func openList() -> Reply {
        mode = .list(nil, selected: 0)
        return Reply([.loadPresets])
    }

    /// The runtime's answer to ``openList()``.
    mutating func receive(_ load: PresetsLoad) -> Reply {
        guard case .list = mode else { return .none }
        switch load {
        case .loaded(let presets):
            guard !presets.isEmpty else {
                mode = nil
                return .note("no presets yet: F8 saves the composer's prompt and parameters as one")
            }
            mode = .list(presets, selected: 0)
            return .none
        case .failed(let sentence):
            mode = nil
            return .note(sentence, error: true)
        }
    }

    /// ↑ / ↓ in the list (it stops at either end).
    mutating func move(by step: Int) {
        guard case .list(let presets?, let selected) = mode, !presets.isEmpty else { return }
        mode = .list(presets, selected: min(max(0, selected + step), presets.count - 1))
    }

    /// Enter in the list: the chosen preset; the list closes.
    mutating func choose() -> Preset? {
        guard case .list(let presets?, let selected) = mode, presets.indices.contains(selected) else { return nil }
        mode = nil
        return presets[selected]
    }

    /// Esc: close whatever is open (a save on its way still finishes).
    mutating func close() { mode = nil }

    /// A name as messages show it.
    static func shown(_ name: String) -> String { "\"\(Formatting.oneLine(name, limit: 40))\"" }
}
