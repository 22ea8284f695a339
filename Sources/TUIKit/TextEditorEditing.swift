extension TextEditor {
    /// Inserts pasted text at the cursor as one undo step.
    ///
    /// CR LF and lone CR become LF (a space in single-line mode, as LF does there), a tab
    /// becomes 4 spaces and every other control character is dropped. Refused as a whole when
    /// the result would pass ``maxUTF16``.
    public mutating func insert(_ pasted: String) -> EditResult {
        let clean = Self.clean(pasted, singleLine: singleLine)
        guard !clean.isEmpty else { return .unchanged }
        if let refusal = refusal(adding: clean.utf16.count) { return refusal }
        history.record(snapshot, group: nil)
        replace(cursor..<cursor, with: clean)
        return .changed
    }

    /// Replaces the whole text (cleaned like pasted text) and puts the cursor at its end; undoable.
    ///
    /// Not limited by ``maxUTF16``: a recalled or loaded text is never cut, so the length shown
    /// beside the editor can say it is too long.
    public mutating func setText(_ newText: String) {
        let clean = Self.clean(newText, singleLine: singleLine)
        goalColumn = nil
        guard clean != text else {
            history.closeGroup()
            cursor = characters.count
            return
        }
        history.record(snapshot, group: nil)
        replace(0..<characters.count, with: clean)
        cursor = characters.count
    }

    /// Types one character: consecutive typing is one undo step, split where a space follows a word.
    mutating func type(_ character: Character) -> EditResult {
        var typed = String(character)
        // The line and paragraph separators are newlines too, as in pasted text (see `clean`).
        if character == "\n" || character == "\r" || character == "\r\n" || character == "\u{2028}"
            || character == "\u{2029}"
        {
            if singleLine { return .ignored }
            typed = "\n"
        } else if Self.isControl(character) {
            return .ignored
        }
        if let refusal = refusal(adding: typed.utf16.count) { return refusal }
        let isSpace = character.isWhitespace
        history.record(snapshot, group: .typing(endsWithSpace: isSpace))
        replace(cursor..<cursor, with: typed)
        return .changed
    }

    mutating func deleteBackward() -> EditResult {
        guard cursor > 0 else { return closingGroup(.unchanged) }
        return delete(cursor - 1..<cursor, group: .backspacing)
    }

    mutating func deleteForward() -> EditResult {
        guard cursor < characters.count else { return closingGroup(.unchanged) }
        return delete(cursor..<cursor + 1, group: .deleting)
    }

    mutating func deleteWordBackward() -> EditResult {
        delete(wordStart(before: cursor)..<cursor, group: nil)
    }

    mutating func deleteWordForward() -> EditResult {
        delete(cursor..<wordEnd(after: cursor), group: nil)
    }

    /// Ctrl-K: deletes to the end of the line; at the end of a line, deletes its newline.
    mutating func killToLineEnd() -> EditResult {
        let end = lineEnd(of: cursor)
        if end == cursor, cursor < characters.count { return delete(cursor..<cursor + 1, group: nil) }
        return delete(cursor..<end, group: nil)
    }

    /// Ctrl-U: deletes to the start of the line; at the start of a line, deletes the newline before it.
    mutating func killToLineStart() -> EditResult {
        let start = lineStart(of: cursor)
        if start == cursor, cursor > 0 { return delete(cursor - 1..<cursor, group: nil) }
        return delete(start..<cursor, group: nil)
    }

    /// Deletes `range` (cursor ends at its start) as part of undo group `group`.
    private mutating func delete(_ range: Range<Int>, group: EditHistory.Group?) -> EditResult {
        guard !range.isEmpty else { return closingGroup(.unchanged) }
        history.record(snapshot, group: group)
        replace(range, with: "")
        cursor = min(cursor, range.lowerBound)
        return .changed
    }

    /// `.refused` with a message when adding `units` UTF-16 units would pass the limit.
    private func refusal(adding units: Int) -> EditResult? {
        guard let maxUTF16, utf16Count + units > maxUTF16 else { return nil }
        return .refused(
            "\(label) is limited to \(maxUTF16) characters (UTF-16 units); this would make \(utf16Count + units)")
    }

    private mutating func closingGroup(_ result: EditResult) -> EditResult {
        history.closeGroup()
        return result
    }

    /// Whether `character` starts with a C0 or C1 control character (or DEL).
    static func isControl(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return first.value < 0x20 || (0x7F..<0xA0).contains(first.value)
    }

    /// `text` made safe to hold: CR LF and CR become LF, LS and PS become LF, LF becomes a space
    /// when `singleLine`, a tab becomes 4 spaces, other control characters are dropped.
    static func clean(_ text: String, singleLine: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var afterCarriageReturn = false
        let newline: Unicode.Scalar = singleLine ? " " : "\n"
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0A where afterCarriageReturn: continue
            case 0x0A, 0x0D, 0x2028, 0x2029: scalars.append(newline)
            case 0x09: scalars.append(contentsOf: "    ".unicodeScalars)
            case 0..<0x20, 0x7F..<0xA0: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
