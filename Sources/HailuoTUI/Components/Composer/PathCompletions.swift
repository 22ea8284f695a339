import HailuoCore

/// Candidates offered by Tab in an image field.
public struct PathCompletions: Sendable, Equatable {
    public var slot: ImageSlot
    /// Candidate paths as they would be typed (directories end with `/`).
    public var candidates: [String]

    /// The start every item shares.
    static func commonPrefix(_ items: [String]) -> String {
        guard var prefix = items.first else { return "" }
        for item in items.dropFirst() {
            while !item.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
