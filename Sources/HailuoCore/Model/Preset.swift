import Foundation

/// A named set of parameters the user keeps for reuse (`presets.toml`, F7 / F8 on the screen,
/// `hailuo submit --preset NAME`).
public struct Preset: Sendable, Equatable, Hashable {
    /// The name it is saved under: 1-64 characters, no control characters.
    public var name: String
    /// The prompt and parameters it fills in.
    public var parameters: GenerationParameters

    public init(name: String, parameters: GenerationParameters) {
        self.name = name
        self.parameters = parameters
    }

    /// The most characters a name may have.
    public static let maximumNameLength = 64

    /// Why `name` cannot name a preset (a few words, to follow "the name … "), or `nil` when it can.
    public static func nameProblem(_ name: String) -> String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "is empty" }
        if name.count > maximumNameLength { return "is longer than \(maximumNameLength) characters" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "contains a control character"
        }
        return nil
    }

    /// One line for lists: model, duration, resolution, images, then the prompt's start.
    public var summary: String {
        var parts = [parameters.model.rawValue, "\(parameters.duration) s", parameters.resolution.rawValue]
        if !parameters.promptOptimizer { parts.append("optimizer off") }
        let images = [parameters.firstFrame, parameters.lastFrame].compactMap(\.self).count
        if images > 0 { parts.append(images == 1 ? "1 image" : "\(images) images") }
        let prompt = InertText.oneLine(parameters.prompt, limit: 60)
        if !prompt.isEmpty { parts.append("\"\(prompt)\"") }
        return parts.joined(separator: " · ")
    }
}
