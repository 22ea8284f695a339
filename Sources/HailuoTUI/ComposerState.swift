import Foundation
import HailuoCore
import TUIKit

/// What the preflight said about an image field's current text.
public struct ImageVerdict: Sendable, Equatable {
    /// The field text this verdict is about (a verdict for older text is dropped).
    public var reference: String
    /// Whether the image can be sent.
    public var isUsable: Bool
    /// "PNG 1280x720, 1.2 MB ✓" or the reason in words.
    public var summary: String

    public init(reference: String, isUsable: Bool, summary: String) {
        self.reference = reference
        self.isUsable = isUsable
        self.summary = summary
    }
}

/// Candidates offered by Tab in an image field.
public struct PathCompletions: Sendable, Equatable {
    public var slot: ImageSlot
    /// Candidate paths as they would be typed (directories end with `/`).
    public var candidates: [String]

    public init(slot: ImageSlot, candidates: [String]) {
        self.slot = slot
        self.candidates = candidates
    }
}

/// The prompt editor, image fields and parameter toggles.
public struct ComposerState: Sendable, Equatable {
    public var prompt: TextEditor
    public var firstFrame: TextEditor
    public var lastFrame: TextEditor
    public var model: ModelID
    public var duration: Int
    public var resolution: Resolution
    public var promptOptimizer: Bool
    /// The toggle the arrow keys are on when the options row has focus.
    public var selectedOption: OptionField
    public var verdicts: [ImageSlot: ImageVerdict]
    public var completions: PathCompletions?
    /// Errors from the last submit attempt, shown next to their fields (cleared when edited).
    public var issues: [ValidationIssue.Field: String]
    /// Why the last toggle was refused (a forbidden combination), shown under the options.
    public var optionNote: String?
    /// Position in the prompt history while recalling (0 = most recent), `nil` when not recalling.
    public var historyIndex: Int?
    /// The text that was in the editor before recalling started.
    public var draftBeforeHistory: String?

    /// A composer filled with the config's defaults.
    public init(defaults: GenerationParameters) {
        prompt = TextEditor(text: defaults.prompt, maxUTF16: Validator.maxPromptLength)
        firstFrame = TextEditor(text: defaults.firstFrame ?? "", singleLine: true)
        lastFrame = TextEditor(text: defaults.lastFrame ?? "", singleLine: true)
        model = defaults.model
        duration = defaults.duration
        resolution = defaults.resolution
        promptOptimizer = defaults.promptOptimizer
        selectedOption = .model
        verdicts = [:]
        completions = nil
        issues = [:]
        optionNote = nil
        historyIndex = nil
        draftBeforeHistory = nil
    }

    /// The parameters as typed (empty image fields are `nil`).
    public var parameters: GenerationParameters {
        GenerationParameters(
            model: model, prompt: prompt.text, promptOptimizer: promptOptimizer, duration: duration,
            resolution: resolution, firstFrame: Self.reference(firstFrame.text),
            lastFrame: Self.reference(lastFrame.text))
    }

    /// The editor of an image field.
    public func field(_ slot: ImageSlot) -> TextEditor { slot == .first ? firstFrame : lastFrame }

    /// An image field's text as a reference: what the preflight checks and a verdict is about.
    public func reference(_ slot: ImageSlot) -> String {
        field(slot).text.trimmingCharacters(in: .whitespaces)
    }

    /// Replaces the editor of an image field.
    public mutating func setField(_ slot: ImageSlot, _ editor: TextEditor) {
        if slot == .first { firstFrame = editor } else { lastFrame = editor }
    }

    /// Loads a job's parameters for editing as a new job.
    public mutating func load(_ parameters: GenerationParameters) {
        prompt.setText(parameters.prompt)
        firstFrame.setText(parameters.firstFrame ?? "")
        lastFrame.setText(parameters.lastFrame ?? "")
        model = parameters.model
        duration = parameters.duration
        resolution = parameters.resolution
        promptOptimizer = parameters.promptOptimizer
        issues = [:]
        optionNote = nil
        verdicts = [:]
        completions = nil
        historyIndex = nil
    }

    private static func reference(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
