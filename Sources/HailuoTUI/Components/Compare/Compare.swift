/// The compare view: one group's results side by side, one of them chosen.
public struct Compare: Sendable, Equatable {
    /// The group compared.
    public private(set) var groupID: String
    /// The chosen result, an index into the group's jobs in the table's order.
    public private(set) var index: Int

    public init(groupID: String, index: Int = 0) {
        self.groupID = groupID
        self.index = max(0, index)
    }

    /// Moves the choice by `step` among `count` results (clamped).
    mutating func move(by step: Int, count: Int) {
        guard count > 0 else { return }
        index = min(max(0, index + step), count - 1)
    }

    /// Keeps the choice within `count` results after the group changed.
    mutating func clamp(count: Int) { index = min(index, max(0, count - 1)) }
}
