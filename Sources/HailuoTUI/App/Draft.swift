import Foundation
import HailuoCore

/// What was in the composer and not sent: kept when the screen closes (quit, hang-up,
/// SIGTERM) and put back at the next start, so a long prompt is never lost to a dropped link.
public struct Draft: Sendable, Codable, Equatable {
    public var prompt: String
    public var firstFrame: String
    public var lastFrame: String
    public var model: ModelID
    public var duration: Int
    public var resolution: Resolution
    public var promptOptimizer: Bool
    /// The ratio toggle (H3); absent in drafts from before it existed.
    public var ratio: AspectRatio?
    /// The references field's text (H3); absent in drafts from before it existed.
    public var references: String?

    public init(
        prompt: String, firstFrame: String = "", lastFrame: String = "", model: ModelID = ModelCatalog.defaultModelID,
        duration: Int = 6, resolution: Resolution = .p768, promptOptimizer: Bool = true, ratio: AspectRatio? = nil,
        references: String? = nil
    ) {
        self.prompt = prompt
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
        self.model = model
        self.duration = duration
        self.resolution = resolution
        self.promptOptimizer = promptOptimizer
        self.ratio = ratio
        self.references = references
    }
}

extension AppModel {
    /// The composer's contents when they hold something not yet submitted, else `nil` (an empty
    /// composer, or exactly what was last submitted, is nothing to keep).
    public var unsentDraft: Draft? {
        let c = composer
        guard !c.isBlank else { return nil }
        if let last = submissions.last, last.parameters == c.parameters { return nil }
        return Draft(
            prompt: c.prompt.text, firstFrame: c.firstFrame.text, lastFrame: c.lastFrame.text, model: c.model,
            duration: c.duration, resolution: c.resolution, promptOptimizer: c.promptOptimizer, ratio: c.ratio,
            references: c.references.text.isEmpty ? nil : c.references.text)
    }

    /// Puts a kept draft back into the composer and says so; asks for the image fields' verdicts.
    public mutating func restore(_ draft: Draft) -> [Command] {
        var parameters = GenerationParameters(
            model: draft.model, prompt: draft.prompt, promptOptimizer: draft.promptOptimizer,
            duration: draft.duration, resolution: draft.resolution,
            firstFrame: draft.firstFrame.isEmpty ? nil : draft.firstFrame,
            lastFrame: draft.lastFrame.isEmpty ? nil : draft.lastFrame, ratio: draft.ratio)
        let found = ReferenceText.parse(draft.references ?? "")
        for kind in ReferenceKind.allCases { parameters.setReferences(kind, found[kind] ?? []) }
        let checks = composer.load(parameters)
        show("your unsent draft is back (Ctrl-S submits it; Ctrl-U clears a line)")
        return checks
    }
}
