/// A video model's id as the provider spells it (for example `minimax/hailuo-02`).
///
/// Any text is a `ModelID`: one read from the store or typed by a user may name no row of
/// ``ModelCatalog`` (``ModelCatalog/model(_:)`` answers `nil`, and ``Validator`` reports it). It is
/// encoded as a single string (the standard coding of a `RawRepresentable` with a `String` raw
/// value), so stored JSON, the job store's `model` column and the request body hold the bare id.
public struct ModelID: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The id as text.
    public let rawValue: String

    /// The id `rawValue`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The id `rawValue`.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The id written as a literal.
    public init(stringLiteral value: String) {
        rawValue = value
    }

    /// The id as text.
    public var description: String { rawValue }
}
