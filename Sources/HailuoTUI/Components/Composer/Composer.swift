import Foundation
import HailuoCore
import TUIKit

/// The composer: the prompt editor, the two image fields and the parameter toggles. Its state
/// changes only through the methods here, which keep the errors, verdicts and candidates in step
/// with the text they are about.
public struct Composer: Sendable, Equatable {
    public private(set) var prompt: TextEditor
    public private(set) var firstFrame: TextEditor
    public private(set) var lastFrame: TextEditor
    /// The references field (H3, H3 Max): see ``ReferenceText``. Kept while a model that takes
    /// none is chosen, and not sent then.
    public private(set) var references: TextEditor
    public private(set) var model: ModelID
    public private(set) var duration: Int
    public private(set) var resolution: Resolution
    public private(set) var promptOptimizer: Bool
    /// `ratio` for models that take one; `nil` leaves it to the provider (adaptive, or 16:9 for text only).
    public private(set) var ratio: AspectRatio?
    /// How many jobs of the request one Ctrl-S sends, as one group (×1 to ×4).
    public private(set) var variants = 1
    /// The most variants one Ctrl-S sends.
    public static let maxVariants = 4
    /// The toggle the arrow keys are on when the options row has focus.
    public private(set) var selectedOption: OptionField = .model
    public private(set) var verdicts: [ImageSlot: ImageVerdict] = [:]
    public private(set) var completions: PathCompletions?
    /// The camera commands offered while typing in a `[` of the prompt (see Composer+Camera.swift).
    public private(set) var cameraList: CameraCompletions?
    /// Errors from the last submit attempt, shown next to their fields (cleared when edited).
    public private(set) var issues: [ValidationIssue.Field: String] = [:]
    /// Why the last toggle was refused (a forbidden combination), shown under the options.
    public private(set) var optionNote: String?
    /// Position in the prompt history while recalling (0 = most recent), `nil` when not recalling.
    public private(set) var historyIndex: Int?
    /// The text that was in the editor before recalling started.
    private var draftBeforeHistory: String?
    /// The price of the clip these toggles make.
    public private(set) var priceLine: PriceLine
    /// Models the provider no longer lists: F2 skips them (``setUnavailableModels(_:)``).
    public internal(set) var unavailableModels: Set<ModelID> = []

    /// A composer filled with the config's defaults.
    public init(defaults: GenerationParameters) {
        prompt = TextEditor(text: defaults.prompt, maxUTF16: Validator.maxPromptLength(for: defaults.model))
        firstFrame = TextEditor(text: defaults.firstFrame ?? "", singleLine: true)
        lastFrame = TextEditor(text: defaults.lastFrame ?? "", singleLine: true)
        references = TextEditor(text: ReferenceText.format(defaults), singleLine: true)
        model = defaults.model
        duration = defaults.duration
        resolution = defaults.resolution
        promptOptimizer = defaults.promptOptimizer
        ratio = defaults.ratio
        priceLine = PriceLine(asked: defaults)
    }

    /// The quote the screen asks for when it opens (later ones follow the toggles).
    public var openingQuote: Command { .quote(parameters) }

    /// The parameters as typed (empty image fields are `nil`).
    public var parameters: GenerationParameters {
        var parameters = GenerationParameters(
            model: model, prompt: prompt.text, promptOptimizer: promptOptimizer, duration: duration,
            resolution: resolution, firstFrame: Self.reference(firstFrame.text),
            lastFrame: Self.reference(lastFrame.text))
        guard let spec = modelSpec else { return parameters }
        if !spec.ratios.isEmpty { parameters.ratio = ratio }
        if spec.references != nil {
            let found = ReferenceText.parse(references.text)
            for kind in ReferenceKind.allCases { parameters.setReferences(kind, found[kind] ?? []) }
        }
        return parameters
    }

    /// Whether the chosen model takes references (the field is shown and sent).
    public var takesReferences: Bool { modelSpec?.references != nil }

    /// The editor of an image field.
    public func field(_ slot: ImageSlot) -> TextEditor { slot == .first ? firstFrame : lastFrame }

    /// An image field's text as a reference: what the preflight checks and a verdict is about.
    public func reference(_ slot: ImageSlot) -> String {
        field(slot).text.trimmingCharacters(in: .whitespaces)
    }

    /// Whether nothing has been typed (no prompt, no image).
    public var isBlank: Bool {
        prompt.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && firstFrame.text.isEmpty
            && lastFrame.text.isEmpty && references.text.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The model's rules: its table entry, or `nil` for a model the table does not know.
    public var modelSpec: VideoModel? { ModelCatalog.model(model) }

    // MARK: Price

    /// The quote for exactly what Ctrl-S would send, or `nil` while it is being asked.
    public var currentQuote: PriceQuote? { priceLine.quote(for: parameters) }

    /// A quote to ask for, when the toggles changed since the last one was asked.
    mutating func quoteRequest() -> Command? { priceLine.request(for: parameters) }

    /// Takes a quote, unless the toggles have moved on since.
    mutating func receive(_ quote: PriceQuote, for quoted: GenerationParameters) {
        priceLine.receive(quote, for: quoted, current: parameters)
    }

    // MARK: Loading

    /// Loads a job's parameters for editing as a new job; returns the image checks to run.
    public mutating func load(_ parameters: GenerationParameters) -> [Command] {
        model = parameters.model
        fitPromptLimit()
        prompt.setText(parameters.prompt)
        firstFrame.setText(parameters.firstFrame ?? "")
        lastFrame.setText(parameters.lastFrame ?? "")
        references.setText(ReferenceText.format(parameters))
        duration = parameters.duration
        resolution = parameters.resolution
        promptOptimizer = parameters.promptOptimizer
        ratio = parameters.ratio
        issues = [:]
        optionNote = nil
        verdicts = [:]
        completions = nil
        historyIndex = nil
        return ImageSlot.allCases.compactMap { slot in
            let text = reference(slot)
            return text.isEmpty ? nil : .checkImage(slot, text)
        }
    }

    // MARK: Errors and verdicts

    /// Puts each issue next to its field (the first issue of a field wins).
    mutating func show(_ found: [ValidationIssue]) {
        issues = [:]
        for issue in found where issues[issue.field] == nil {
            issues[issue.field] = issue.message
        }
    }

    /// Marks `field` as wrong, in words.
    mutating func setIssue(_ message: String?, for field: ValidationIssue.Field) {
        issues[field] = message
    }

    /// Clears every error (a submission went out).
    mutating func clearIssues() { issues = [:] }

    /// Takes the preflight's verdict, unless the field has changed since it was asked.
    mutating func receive(_ verdict: ImageVerdict, for slot: ImageSlot) {
        guard reference(slot) == verdict.reference else { return }
        verdicts[slot] = verdict
        if verdict.isUsable { issues[slot.field] = nil }
    }

    /// A verdict that refuses the current text of an image field, if there is one.
    func refusingVerdict(_ slot: ImageSlot) -> ImageVerdict? {
        guard let verdict = verdicts[slot], !verdict.isUsable, verdict.reference == reference(slot) else { return nil }
        return verdict
    }

    /// Closes the candidate list; whether one was open.
    mutating func closeCompletions() -> Bool {
        defer { completions = nil }
        return completions != nil
    }

    private static func reference(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: Prompt

    /// Replaces the prompt's text, as if it had been typed.
    mutating func setPrompt(_ text: String) {
        prompt.setText(text)
        issues[.prompt] = nil
        historyIndex = nil
    }

    /// Replaces an image field's text, as if it had been typed; returns the check to run.
    mutating func setField(_ slot: ImageSlot, text: String) -> Reply {
        var editor = field(slot)
        editor.setText(text)
        replaceEditor(slot, editor)
        return fieldEdited(slot, .changed)
    }

    /// Applies an editing key to the prompt.
    mutating func editPrompt(_ key: Key, width: Int) -> Reply {
        let before = prompt
        let result = prompt.handle(key, width: width)
        followCamera(after: key, result, before: before)
        return report(result, field: .prompt)
    }

    /// Changes the prompt and the camera list together (for Composer+Camera.swift); a changed
    /// text clears the prompt's error, as typing does.
    mutating func updateCamera<Value>(_ body: (inout TextEditor, inout CameraCompletions?) -> Value) -> Value {
        let text = prompt.text
        defer { if prompt.text != text { _ = report(.changed, field: .prompt) } }
        return body(&prompt, &cameraList)
    }

    /// Inserts pasted text into the prompt.
    mutating func pasteIntoPrompt(_ text: String) -> Reply {
        report(prompt.insert(text), field: .prompt)
    }

    /// Ctrl-P / Ctrl-N: steps through `history` (earlier prompts, newest first); past the newest
    /// the text typed before recalling comes back.
    mutating func recallPrompt(older: Bool, history: [String]) -> Reply {
        guard !history.isEmpty else { return .note("no earlier prompts yet") }
        let next: Int?
        switch (historyIndex, older) {
        case (nil, true): next = 0
        case (nil, false): return .none
        case (let index?, true): next = min(index + 1, history.count - 1)
        case (let index?, false): next = index == 0 ? nil : index - 1
        }
        if historyIndex == nil { draftBeforeHistory = prompt.text }
        var reply = Reply.none
        if let next {
            prompt.setText(history[next])
            reply = .note("earlier prompt \(next + 1) of \(history.count)")
        } else {
            prompt.setText(draftBeforeHistory ?? "")
            draftBeforeHistory = nil
        }
        historyIndex = next
        issues[.prompt] = nil
        return reply
    }

    // MARK: References

    /// Applies an editing key to the references field.
    mutating func editReferences(_ key: Key, width: Int) -> Reply {
        report(
            references.handle(key, width: width), field: .referenceImages, also: [.referenceVideos, .referenceAudio])
    }

    /// Inserts pasted text into the references field (line breaks become spaces).
    mutating func pasteIntoReferences(_ text: String) -> Reply {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return report(references.insert(flat), field: .referenceImages, also: [.referenceVideos, .referenceAudio])
    }

    // MARK: Image fields

    /// Applies an editing key to an image field.
    mutating func editField(_ slot: ImageSlot, _ key: Key, width: Int) -> Reply {
        var editor = field(slot)
        let result = editor.handle(key, width: width)
        replaceEditor(slot, editor)
        return fieldEdited(slot, result)
    }

    /// Inserts pasted text into an image field.
    mutating func pasteIntoField(_ slot: ImageSlot, _ text: String) -> Reply {
        var editor = field(slot)
        let result = editor.insert(text)
        replaceEditor(slot, editor)
        return fieldEdited(slot, result)
    }

    /// Tab in an image field: ask for path candidates, or move on from an empty field.
    func completePath(_ slot: ImageSlot) -> Reply {
        let text = field(slot).text
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return .move(to: slot.focus.next) }
        return Reply([.completePath(slot, text)])
    }

    /// Applies path candidates: one is taken, several extend to their common start and are
    /// listed (while `focused` is the field's). Asks for the check of a completed file.
    mutating func applyCompletions(_ slot: ImageSlot, typed: String, candidates: [String], focused: Bool) -> Reply {
        guard field(slot).text == typed else { return .none }
        guard !candidates.isEmpty else {
            return .note("no file or folder starts with \(InertText.render(typed, limit: 60))", error: true)
        }
        if candidates == [typed] {
            // Already complete: Tab moves on, as it does in an empty field (if still there).
            return focused ? .move(to: slot.focus.next) : .none
        }
        var editor = field(slot)
        let common = PathCompletions.commonPrefix(candidates)
        if candidates.count == 1 || common.count > typed.count {
            editor.setText(candidates.count == 1 ? candidates[0] : common)
            replaceEditor(slot, editor)
        }
        // The list is shown only while its field has focus; a shared start is rarely a file yet.
        let listed = candidates.count > 1 && focused
        completions = listed ? PathCompletions(slot: slot, candidates: candidates) : nil
        let text = editor.text.trimmingCharacters(in: .whitespaces)
        guard candidates.count == 1, !text.isEmpty, !text.hasSuffix("/") else { return .none }
        return Reply([.checkImage(slot, text)])
    }

    // MARK: Helpers

    private mutating func replaceEditor(_ slot: ImageSlot, _ editor: TextEditor) {
        if slot == .first { firstFrame = editor } else { lastFrame = editor }
    }

    /// After an edit of an image field: clear its error and candidates, and check the new text.
    private mutating func fieldEdited(_ slot: ImageSlot, _ result: TextEditor.EditResult) -> Reply {
        let reply = report(result, field: slot.field)
        guard result == .changed else { return reply }
        completions = nil
        let text = reference(slot)
        if text.isEmpty {
            verdicts[slot] = nil
            return reply
        }
        return Reply([.checkImage(slot, text)], message: reply.message)
    }

    /// Turns an edit result into feedback: a refused edit says why, an edit clears the field's error.
    private mutating func report(
        _ result: TextEditor.EditResult, field: ValidationIssue.Field, also: [ValidationIssue.Field] = []
    ) -> Reply {
        switch result {
        case .refused(let reason): return .note(reason, error: true)
        case .changed:
            issues[field] = nil
            for other in also { issues[other] = nil }
            if field == .prompt { historyIndex = nil }
        default: break
        }
        return .none
    }

    // MARK: Options

    /// Moves the options row's selection one toggle left or right.
    mutating func selectOption(by step: Int) {
        let all = shownOptions
        let index = all.firstIndex(of: selectedOption) ?? 0
        selectedOption = all[(index + all.count + step) % all.count]
    }

    /// The toggles the options row shows for the chosen model, in order: a model that takes no
    /// duration, resolution, optimizer or ratio shows no toggle for it.
    public var shownOptions: [OptionField] {
        guard let spec = modelSpec else { return OptionField.allCases.filter { $0 != .ratio } }
        return OptionField.allCases.filter { option in
            switch option {
            case .model, .variants: true
            case .duration: spec.takesDuration
            case .resolution: spec.takesResolution
            case .promptOptimizer: spec.takesPromptOptimizer
            case .ratio: !spec.ratios.isEmpty
            }
        }
    }

    /// Moves a toggle to its next value, unless the model forbids the result; then says why
    /// under the options.
    mutating func toggle(_ option: OptionField) {
        optionNote = nil
        selectedOption = option
        guard let model = modelSpec, option != .variants else {
            if option == .variants {
                variants = variants % Self.maxVariants + 1
                return
            }
            // A model the table does not know (from an old job or the config) has no rules: F2
            // moves to a known one; the other toggles say so.
            if option == .model {
                self.model = nextOfferedModel(after: nil)
                fitParametersToModel()
            } else {
                optionNote = "\(self.model) is not a model hailuo knows: F2 chooses one"
            }
            return
        }
        switch option {
        case .variants: break
        case .model:
            self.model = nextOfferedModel(after: self.model)
            fitParametersToModel()
        case .ratio:
            guard !model.ratios.isEmpty else {
                optionNote = "\(model.id) takes no ratio"
                return
            }
            let choices: [AspectRatio?] = [nil] + model.ratios.map(Optional.some)
            let index = choices.firstIndex(of: ratio) ?? 0
            ratio = choices[(index + 1) % choices.count]
            issues[.ratio] = nil
        case .duration where model.durationIsRange:
            step(.duration, by: 1, wrap: true)
            return
        case .duration:
            guard model.takesDuration, model.durations.count > 1 else {
                optionNote = "\(model.id) makes \(model.effectiveDuration(duration)) s clips only"
                return
            }
            let next = OptionValues.next(after: duration, in: model.durations)
            let allowed = model.allowedDurations(for: resolution)
            guard allowed.contains(next) else {
                optionNote =
                    "\(next) s is not available at \(resolution.rawValue): \(resolution.rawValue) allows "
                    + "\(OptionValues.list(allowed)) s clips only"
                return
            }
            duration = next
        case .resolution:
            guard model.takesResolution, model.resolutions.count > 1 else {
                optionNote = "\(model.id) has one resolution only"
                return
            }
            let next = OptionValues.next(after: resolution, in: model.resolutions)
            guard model.allowedDurations(for: next).contains(duration) else {
                optionNote =
                    "\(next.rawValue) is not available for \(duration) s clips: "
                    + "\(next.rawValue) allows \(OptionValues.list(model.allowedDurations(for: next))) s clips only"
                return
            }
            resolution = next
        case .promptOptimizer:
            guard model.takesPromptOptimizer else {
                optionNote = "\(model.id) has no prompt optimizer"
                return
            }
            promptOptimizer.toggle()
        }
        issues[.duration] = nil
        issues[.resolution] = nil
        issues[.model] = nil
    }

    /// Clears the note of a refused toggle.
    mutating func clearOptionNote() { optionNote = nil }

    /// Shows `note` under the options (why a value cannot be chosen).
    mutating func showOptionNote(_ note: String) { optionNote = note }

    /// After a model change: moves duration and resolution to values the model allows, fits the
    /// prompt's limit, and says under the options what changed or is not sent with this model.
    private mutating func fitParametersToModel() {
        guard let model = modelSpec else { return }
        var changes: [String] = []
        if !model.resolutions.contains(resolution), let first = model.resolutions.first {
            if model.takesResolution { changes.append("\(resolution.rawValue) → \(first.rawValue)") }
            resolution = first
        }
        if !model.allowedDurations(for: resolution).contains(duration) {
            let next =
                model.allowedDurations(for: resolution).contains(model.defaultDuration)
                ? model.defaultDuration : (model.allowedDurations(for: resolution).first ?? duration)
            if model.takesDuration { changes.append("\(duration) s → \(next) s") }
            duration = next
        }
        fitPromptLimit()
        var unused: [String] = []
        if ratio != nil, model.ratios.isEmpty { unused.append("ratio") }
        let referenceCount = ReferenceText.parse(references.text).values.reduce(0) { $0 + $1.count }
        if referenceCount > 0, model.references == nil {
            unused.append(referenceCount == 1 ? "1 reference" : "\(referenceCount) references")
        }
        if !lastFrame.text.isEmpty, model.lastFrame == .notAccepted { unused.append("last frame") }
        if prompt.utf16Count > model.maxPromptLength {
            changes.append("prompt over \(model.maxPromptLength) characters")
        }
        let name = Formatting.shortModel(model.id.rawValue)
        var parts: [String] = []
        if !changes.isEmpty { parts.append(changes.joined(separator: ", ")) }
        if !unused.isEmpty { parts.append("not sent with \(name): " + unused.joined(separator: ", ") + " (kept)") }
        optionNote = parts.isEmpty ? nil : "\(name): " + parts.joined(separator: "; ")
    }

    /// The prompt editor takes the chosen model's limit (H3 allows longer prompts than Hailuo).
    private mutating func fitPromptLimit() {
        let limit = Validator.maxPromptLength(for: model)
        guard prompt.maxUTF16 != limit else { return }
        prompt = TextEditor(text: prompt.text, maxUTF16: limit)
    }

    /// `+` / `-` on the options row: the selected toggle's next or previous value, without
    /// wrapping for a duration range (a stepper).
    mutating func stepSelectedOption(by step: Int) {
        optionNote = nil
        if selectedOption == .duration, modelSpec?.durationIsRange == true {
            self.step(.duration, by: step, wrap: false)
        } else if step > 0 {
            toggle(selectedOption)
        } else {
            toggleBackwards(selectedOption)
        }
    }

    /// A duration range's stepper: one second up or down, wrapping past the ends when asked.
    private mutating func step(_ option: OptionField, by step: Int, wrap: Bool) {
        guard let model = modelSpec, let low = model.durations.first, let high = model.durations.last else { return }
        var next = duration + step
        if next > high { next = wrap ? low : high }
        if next < low { next = wrap ? high : low }
        if next == duration, !wrap {
            optionNote = "\(model.id) makes clips of \(low) to \(high) s"
            return
        }
        duration = next
        issues[.duration] = nil
    }

    /// A toggle moved back one value: as many steps forward as it has values, less one.
    private mutating func toggleBackwards(_ option: OptionField) {
        if option == .model, modelSpec != nil {
            let ids = ModelCatalog.ids
            let index = ids.firstIndex(of: model) ?? 0
            model = ids[(index + ids.count - 1) % ids.count]
            fitParametersToModel()
            return
        }
        let count: Int
        switch option {
        case .model: count = 1
        case .duration: count = modelSpec?.durations.count ?? 1
        case .resolution: count = modelSpec?.resolutions.count ?? 1
        case .promptOptimizer: count = 2
        case .ratio: count = (modelSpec?.ratios.count ?? 0) + 1
        case .variants: count = Self.maxVariants
        }
        for _ in 0..<max(0, count - 1) { toggle(option) }
    }
}
