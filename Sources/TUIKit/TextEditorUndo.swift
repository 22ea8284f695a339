/// The undo and redo stacks of a ``TextEditor``, and which kind of edit is still being grouped.
struct EditHistory: Sendable, Equatable {
    /// The text and cursor before (undo stack) or after (redo stack) an edit.
    struct Snapshot: Sendable, Equatable {
        var text: String
        var cursor: Int
    }

    /// Kinds of small edits that merge into one undo step while they follow each other.
    enum Group: Sendable, Equatable {
        /// Typing; `endsWithSpace` tells whether the last typed character was whitespace.
        case typing(endsWithSpace: Bool)
        case backspacing
        case deleting
    }

    /// The most undo steps kept; older ones are forgotten.
    static let depth = 200

    var undoStack: [Snapshot] = []
    var redoStack: [Snapshot] = []
    /// The group the last edit belonged to, while the next edit may still join it.
    var openGroup: Group?

    /// Records `before` as an undo step, unless the edit continues the open group. Any new edit
    /// clears the redo stack.
    mutating func record(_ before: Snapshot, group: Group?) {
        redoStack.removeAll()
        defer { openGroup = group }
        if let group, let openGroup, Self.continues(openGroup, with: group) { return }
        undoStack.append(before)
        if undoStack.count > Self.depth { undoStack.removeFirst(undoStack.count - Self.depth) }
    }

    /// Ends the open group: the next edit starts a new undo step.
    mutating func closeGroup() { openGroup = nil }

    /// Whether an edit of kind `next` joins the open group `open`. Typing a space after a word
    /// starts a new step, so undo takes back about a word at a time.
    private static func continues(_ open: Group, with next: Group) -> Bool {
        switch (open, next) {
        case (.typing(let endsWithSpace), .typing(let isSpace)): return !isSpace || endsWithSpace
        case (.backspacing, .backspacing), (.deleting, .deleting): return true
        default: return false
        }
    }
}

extension TextEditor {
    /// Whether there is an edit to undo.
    public var canUndo: Bool { !history.undoStack.isEmpty }
    /// Whether there is an undone edit to redo.
    public var canRedo: Bool { !history.redoStack.isEmpty }

    /// Takes back the last edit (a run of typing counts as one, split at spaces). Returns whether
    /// there was one.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let previous = history.undoStack.popLast() else { return false }
        history.redoStack.append(snapshot)
        restore(previous)
        return true
    }

    /// Applies again the last undone edit. Returns whether there was one.
    @discardableResult
    public mutating func redo() -> Bool {
        guard let next = history.redoStack.popLast() else { return false }
        history.undoStack.append(snapshot)
        restore(next)
        return true
    }

    /// The current text and cursor.
    var snapshot: EditHistory.Snapshot { EditHistory.Snapshot(text: text, cursor: cursor) }

    private mutating func restore(_ state: EditHistory.Snapshot) {
        text = state.text
        characters = Array(state.text)
        cursor = min(max(0, state.cursor), characters.count)
        history.closeGroup()
        goalColumn = nil
    }
}
