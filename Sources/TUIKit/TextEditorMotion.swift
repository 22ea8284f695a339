extension TextEditor {
    /// Whether `character` belongs to a word for word motions: letters (any script), digits and `_`.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The start of the word before `offset`: skips non-word characters, then word characters.
    func wordStart(before offset: Int) -> Int {
        var position = min(max(0, offset), characters.count)
        while position > 0, !Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        while position > 0, Self.isWordCharacter(characters[position - 1]) { position -= 1 }
        return position
    }

    /// The end of the word after `offset`: skips non-word characters, then word characters.
    func wordEnd(after offset: Int) -> Int {
        var position = min(max(0, offset), characters.count)
        while position < characters.count, !Self.isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, Self.isWordCharacter(characters[position]) { position += 1 }
        return position
    }

    /// The offset just after the newline before `offset` (0 on the first line).
    func lineStart(of offset: Int) -> Int {
        var position = min(max(0, offset), characters.count)
        while position > 0, characters[position - 1] != "\n" { position -= 1 }
        return position
    }

    /// The offset of the newline after `offset` (the text's end on the last line).
    func lineEnd(of offset: Int) -> Int {
        var position = min(max(0, offset), characters.count)
        while position < characters.count, characters[position] != "\n" { position += 1 }
        return position
    }

    /// Puts the cursor at `offset` (clamped to the text); ends the open undo group.
    mutating func moveCursor(to offset: Int) -> EditResult {
        history.closeGroup()
        let target = min(max(0, offset), characters.count)
        guard target != cursor else { return .unchanged }
        cursor = target
        return .moved
    }

    /// Moves the cursor `delta` visual rows, aiming for the column it had when vertical moves began.
    /// Past the first or last row the key is `.ignored`, so the app may use it (focus, history).
    mutating func moveVertically(by delta: Int, width: Int) -> EditResult {
        guard !singleLine else { return .ignored }
        let layout = layout(width: width)
        let row = layout.cursorRow + delta
        guard layout.lines.indices.contains(row) else {
            goalColumn = nil
            return .ignored
        }
        let goal = goalColumn ?? layout.cursorColumn
        let result = moveCursor(to: layout.offset(row: row, column: goal))
        goalColumn = goal
        return result
    }
}
