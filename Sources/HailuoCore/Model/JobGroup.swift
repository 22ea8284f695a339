import Foundation

/// Jobs made together: the rows of one batch file, or the variants of one request.
public struct JobGroup: Sendable, Codable, Equatable, Hashable, Identifiable {
    /// What made the group.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The rows of a batch file (`hailuo batch FILE`); the same file always maps to one group.
        case batch
        /// Several jobs of one request (the screen's ×N variants).
        case variants
    }

    /// Short local id (8 base-32 characters, like a job's).
    public var id: String
    public var kind: Kind
    /// For a batch, the file's name; for variants, `×N ` and the start of the prompt.
    public var name: String
    /// The batch file's canonical absolute path (its identity); `nil` for variants.
    public var source: String?
    public var createdAt: Date
    /// How many jobs the group holds (for a batch: every row ever stored from the file).
    public var total: Int

    public init(id: String, kind: Kind, name: String, source: String? = nil, createdAt: Date, total: Int) {
        self.id = id
        self.kind = kind
        self.name = name
        self.source = source
        self.createdAt = createdAt
        self.total = total
    }

    /// The name of a variants group: `×3 ` and the prompt's first 40 characters on one line.
    public static func variantsName(count: Int, prompt: String) -> String {
        let line = prompt.split(whereSeparator: \.isNewline).joined(separator: " ")
        let start = line.count > 40 ? String(line.prefix(39)) + "…" : line
        return "×\(count) " + InertText.oneLine(start)
    }
}
