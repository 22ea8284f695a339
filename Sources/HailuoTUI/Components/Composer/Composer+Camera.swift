import HailuoCore
import TUIKit

/// The camera commands in the prompt: the list `[` offers, and what the lint says.
extension Composer {
    /// The camera command list, while it is about the prompt as it is and offers something.
    public var shownCameraList: CameraCompletions? {
        guard let list = cameraList, list.isCurrent(for: prompt), !list.candidates.isEmpty else { return nil }
        return list
    }

    /// After a key edited the prompt (`before`: the editor before it): `[` or a comma typed in
    /// a bracket opens the list; an open list follows the typing and closes when the cursor
    /// leaves the bracket's command.
    mutating func followCamera(after key: Key, _ result: TextEditor.EditResult, before: TextEditor) {
        let wasOpen = cameraList?.isCurrent(for: before) ?? false
        let opens = result == .changed && (key == .character("[") || key == .character(","))
        updateCamera { prompt, list in
            guard wasOpen || opens else {
                list = nil
                return
            }
            list = CameraCompletions(prompt, keeping: wasOpen ? list?.chosen : nil)
        }
    }

    /// ↑ / ↓ while the list is shown: chooses another command.
    mutating func moveCameraChoice(by step: Int) {
        guard shownCameraList != nil else { return }
        updateCamera { _, list in list?.move(by: step) }
    }

    /// Tab or Enter while the list is shown: the chosen command replaces what was typed of it,
    /// and `]` closes the bracket (unless a `]` or a comma follows already).
    mutating func insertCameraCommand() -> Reply {
        guard let list = shownCameraList, let command = list.chosen else { return .none }
        let (count, text) = list.insertion(of: command)
        let result = updateCamera { prompt, list in
            list = nil
            return prompt.complete(replacingBefore: count, with: text)
        }
        if case .refused(let reason) = result { return .note(reason, error: true) }
        return .none
    }

    /// Esc while the list is shown: closes it (typing `[` or a comma opens it again).
    mutating func closeCameraList() {
        updateCamera { _, list in list = nil }
    }

    // MARK: Lint

    /// The camera warnings for the prompt as typed and the chosen model, in order.
    public var cameraWarnings: [CameraFinding] {
        guard prompt.text.contains("[") || prompt.text.contains("]") else { return [] }
        return CameraLint.warnings(in: prompt.text, model: model)
    }

    /// The note under the prompt about its camera commands: the first warning (and how many
    /// more), else, with the prompt optimizer on and a bracket in the prompt, that the optimizer
    /// may rewrite them. `nil` while the list is open (the command is being typed) or when
    /// there is nothing to say.
    public var cameraNote: (text: String, isWarning: Bool)? {
        guard shownCameraList == nil else { return nil }
        let warnings = cameraWarnings
        if let first = warnings.first {
            let more = warnings.count > 1 ? " (+\(warnings.count - 1) more)" : ""
            return (Self.withoutLabel(first.message, .prompt) + more, true)
        }
        let optimizes = promptOptimizer && (modelSpec?.takesPromptOptimizer ?? false)
        guard optimizes, CameraCommand.isHonoured(by: model), !CameraLint.scan(prompt.text).brackets.isEmpty else {
            return nil
        }
        return ("the prompt optimizer may rewrite camera commands; F5 turns it off", false)
    }
}
