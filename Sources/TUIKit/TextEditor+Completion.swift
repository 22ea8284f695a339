extension TextEditor {
    /// Replaces the `count` characters before the cursor with `replacement` (cleaned like pasted
    /// text) and puts the cursor after it, as one undo step: a completion taking the place of
    /// what was typed. Refused as a whole when the result would pass ``maxUTF16``.
    public mutating func complete(replacingBefore count: Int, with replacement: String) -> EditResult {
        let start = max(0, cursor - max(0, count))
        let clean = Self.clean(replacement, singleLine: singleLine)
        let removed = String(characters[start..<cursor]).utf16.count
        let total = utf16Count - removed + clean.utf16.count
        if let maxUTF16, total > maxUTF16, clean.utf16.count > removed {
            return .refused("\(label) is limited to \(maxUTF16) characters (UTF-16 units); this would make \(total)")
        }
        guard start < cursor || !clean.isEmpty else { return .unchanged }
        goalColumn = nil
        history.record(snapshot, group: nil)
        replace(start..<cursor, with: clean)
        return .changed
    }
}
