import Foundation
import HailuoCore
import TUIKit

extension AppModel {
    // MARK: Prompt

    mutating func handlePromptKey(_ key: Key) -> [Command] {
        switch key {
        case .ctrl("p"): return recallPrompt(older: true)
        case .ctrl("n"): return recallPrompt(older: false)
        default: break
        }
        return report(composer.prompt.handle(key, width: max(1, layout.promptText.width)), field: .prompt)
    }

    /// Earlier prompts, newest first, without repeats: from every job in the store.
    var promptHistory: [String] {
        var seen = Set<String>()
        return jobs.entries.values
            .sorted { $0.job.createdAt > $1.job.createdAt }
            .map(\.job.parameters.prompt)
            .filter { seen.insert($0).inserted }
    }

    private mutating func recallPrompt(older: Bool) -> [Command] {
        let history = promptHistory
        guard !history.isEmpty else {
            show("no earlier prompts yet")
            return []
        }
        let next: Int?
        switch (composer.historyIndex, older) {
        case (nil, true): next = 0
        case (nil, false): return []
        case (let index?, true): next = min(index + 1, history.count - 1)
        case (let index?, false): next = index == 0 ? nil : index - 1
        }
        if composer.historyIndex == nil { composer.draftBeforeHistory = composer.prompt.text }
        if let next {
            composer.prompt.setText(history[next])
            show("earlier prompt \(next + 1) of \(history.count)")
        } else {
            composer.prompt.setText(composer.draftBeforeHistory ?? "")
            composer.draftBeforeHistory = nil
        }
        composer.historyIndex = next
        composer.issues[.prompt] = nil
        return []
    }

    // MARK: Image fields

    mutating func handleImageKey(_ key: Key, slot: ImageSlot) -> [Command] {
        switch key {
        case .tab:
            let text = composer.field(slot).text
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                moveFocus(to: focus.next)
                return []
            }
            return [.completePath(slot, text)]
        case .enter, .down:
            moveFocus(to: focus.next)
            return []
        case .up:
            moveFocus(to: focus.previous)
            return []
        default:
            var editor = composer.field(slot)
            let result = editor.handle(key, width: max(1, layout.firstFrame.width))
            composer.setField(slot, editor)
            return imageFieldEdited(slot, result)
        }
    }

    /// After an edit of an image field: clear its error and candidates, and check the new text.
    mutating func imageFieldEdited(_ slot: ImageSlot, _ result: TextEditor.EditResult) -> [Command] {
        let field = slot.field
        _ = report(result, field: field)
        guard result == .changed else { return [] }
        composer.completions = nil
        let text = composer.reference(slot)
        if text.isEmpty {
            composer.verdicts[slot] = nil
            return []
        }
        return [.checkImage(slot, text)]
    }

    /// Applies path candidates: one is taken, several extend to their common start and are listed.
    mutating func applyCompletions(_ slot: ImageSlot, typed: String, candidates: [String]) -> [Command] {
        guard composer.field(slot).text == typed else { return [] }
        guard !candidates.isEmpty else {
            show("no file or folder starts with \(InertText.render(typed, limit: 60))", error: true)
            return []
        }
        if candidates == [typed] {
            // Already complete: Tab moves on, as it does in an empty field (if still there).
            if focus == slot.focus { moveFocus(to: focus.next) }
            return []
        }
        var editor = composer.field(slot)
        let common = Self.commonPrefix(candidates)
        if candidates.count == 1 || common.count > typed.count {
            editor.setText(candidates.count == 1 ? candidates[0] : common)
            composer.setField(slot, editor)
        }
        // The list is shown only while its field has focus; a shared start is rarely a file yet.
        let listed = candidates.count > 1 && focus == slot.focus
        composer.completions = listed ? PathCompletions(slot: slot, candidates: candidates) : nil
        let text = editor.text.trimmingCharacters(in: .whitespaces)
        guard candidates.count == 1, !text.isEmpty, !text.hasSuffix("/") else { return [] }
        return [.checkImage(slot, text)]
    }

    static func commonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first else { return "" }
        for item in items.dropFirst() {
            while !item.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }

    // MARK: Options

    mutating func handleOptionsKey(_ key: Key) -> [Command] {
        let all = OptionField.allCases
        let index = all.firstIndex(of: composer.selectedOption) ?? 0
        switch key {
        case .left, .character("h"):
            composer.selectedOption = all[(index + all.count - 1) % all.count]
        case .right, .character("l"):
            composer.selectedOption = all[(index + 1) % all.count]
        case .character(" "), .enter:
            return toggle(composer.selectedOption)
        case .up:
            moveFocus(to: focus.previous)
        case .down:
            moveFocus(to: focus.next)
        default: break
        }
        return []
    }

    /// Moves a toggle to its next value, unless the model forbids the result; then says why.
    mutating func toggle(_ option: OptionField) -> [Command] {
        composer.optionNote = nil
        composer.selectedOption = option
        let model = ModelCatalog.model(composer.model) ?? ModelCatalog.defaultModel
        switch option {
        case .model:
            let ids = ModelCatalog.ids
            let index = ids.firstIndex(of: composer.model) ?? -1
            composer.model = ids[(index + 1) % ids.count]
            fitParametersToModel()
        case .duration:
            guard model.takesDuration, model.durations.count > 1 else {
                composer.optionNote = "\(model.id) makes \(model.effectiveDuration(composer.duration)) s clips only"
                return []
            }
            let next = Self.next(after: composer.duration, in: model.durations)
            let allowed = model.allowedDurations(for: composer.resolution)
            guard allowed.contains(next) else {
                let resolution = composer.resolution.rawValue
                composer.optionNote =
                    "\(next) s is not available at \(resolution): \(resolution) allows \(Self.list(allowed)) s clips only"
                return []
            }
            composer.duration = next
        case .resolution:
            guard model.takesResolution, model.resolutions.count > 1 else {
                composer.optionNote = "\(model.id) has one resolution only"
                return []
            }
            let next = Self.next(after: composer.resolution, in: model.resolutions)
            guard model.allowedDurations(for: next).contains(composer.duration) else {
                composer.optionNote =
                    "\(next.rawValue) is not available for \(composer.duration) s clips: "
                    + "\(next.rawValue) allows \(Self.list(model.allowedDurations(for: next))) s clips only"
                return []
            }
            composer.resolution = next
        case .promptOptimizer:
            guard model.takesPromptOptimizer else {
                composer.optionNote = "\(model.id) has no prompt optimizer"
                return []
            }
            composer.promptOptimizer.toggle()
        }
        composer.issues[.duration] = nil
        composer.issues[.resolution] = nil
        composer.issues[.model] = nil
        return []
    }

    /// After a model change, moves duration and resolution to values the model allows.
    private mutating func fitParametersToModel() {
        guard let model = ModelCatalog.model(composer.model) else { return }
        if !model.resolutions.contains(composer.resolution), let first = model.resolutions.first {
            composer.resolution = first
        }
        if !model.allowedDurations(for: composer.resolution).contains(composer.duration),
            let first = model.allowedDurations(for: composer.resolution).first
        {
            composer.duration = first
        }
    }

    private static func next<T: Equatable>(after value: T, in values: [T]) -> T {
        guard let index = values.firstIndex(of: value) else { return values.first ?? value }
        return values[(index + 1) % values.count]
    }

    private static func list(_ values: [Int]) -> String {
        values.map(String.init).joined(separator: " or ")
    }

    // MARK: Submit

    /// Ctrl-S: validate (nothing is sent when anything is wrong), ask before a quick repeat, send.
    mutating func requestSubmit() -> [Command] {
        composer.optionNote = nil
        let parameters = composer.parameters
        let issues = Validator.issues(for: parameters)
        if !issues.isEmpty {
            showIssues(issues)
            return []
        }
        for slot in ImageSlot.allCases {
            if let verdict = composer.verdicts[slot], !verdict.isUsable,
                verdict.reference == composer.reference(slot)
            {
                let field = slot.field
                composer.issues[field] = verdict.summary
                moveFocus(to: slot.focus)
                show("not sent: \(slot.label.lowercased()): \(verdict.summary)", error: true)
                return []
            }
        }
        if let last = lastSubmitted, last.parameters == parameters,
            now.timeIntervalSince(last.at) < Self.duplicateWindow
        {
            confirmation = .duplicateSubmit(parameters)
            return []
        }
        return submit(parameters)
    }

    mutating func submit(_ parameters: GenerationParameters) -> [Command] {
        lastSubmitted = SubmittedRecord(parameters: parameters, at: now)
        submissionsInFlight += 1
        composer.issues = [:]
        show("submitting…")
        return [.submit(parameters)]
    }

    /// Puts each issue next to its field, moves to the first, and says that nothing was sent.
    mutating func showIssues(_ issues: [ValidationIssue]) {
        composer.issues = [:]
        for issue in issues where composer.issues[issue.field] == nil {
            composer.issues[issue.field] = issue.message
        }
        if let first = issues.first {
            switch first.field {
            case .prompt: moveFocus(to: .prompt)
            case .firstFrame: moveFocus(to: .firstFrame)
            case .lastFrame: moveFocus(to: .lastFrame)
            case .model, .duration, .resolution, .promptOptimizer: moveFocus(to: .options)
            }
            let more = issues.count > 1 ? " (+\(issues.count - 1) more)" : ""
            show("not sent: \(first.message)\(more)", error: true)
        }
    }
}
