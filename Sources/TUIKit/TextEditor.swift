/// An editable piece of text with a cursor: the prompt editor (multi-line, soft-wrapped) and the
/// single-line fields (image paths, filters) are both one of these.
///
/// The cursor moves by whole `Character`s (grapheme clusters), so an emoji, a flag or a letter
/// with combining marks is stepped over in one go; columns are measured with ``DisplayWidth``.
/// The text never holds control characters other than `"\n"` (and none at all in single-line
/// mode): typed and pasted text is cleaned first (see ``insert(_:)``).
///
/// Keys (``handle(_:width:)``):
/// - characters insert; Enter inserts a newline (single-line: ignored, so the app can act on it)
/// - Backspace, Delete; ←/→ by character; ↑/↓ by visual (soft-wrapped) row keeping the column
/// - Home / Ctrl-A and End / Ctrl-E: start and end of the line (up to the newline, not the wrap)
/// - Ctrl-← / Alt-B and Ctrl-→ / Alt-F: previous word start, next word end
/// - Ctrl-W / Alt-Backspace: delete the word before the cursor; Alt-D: the word after it
/// - Ctrl-K: kill to the end of the line (at its end: join the next line); Ctrl-U: kill to its
///   start (at its start: join the previous line)
/// - Ctrl-_ / Alt-U: undo; Alt-R: redo
public struct TextEditor: Sendable, Equatable {
    /// What a key or an edit did, so the app knows whether to react.
    public enum EditResult: Sendable, Equatable {
        /// The text changed.
        case changed
        /// Only the cursor moved.
        case moved
        /// An editing key that had nothing to do (Backspace at the start, ← at the start...).
        case unchanged
        /// Not an editing key: the app handles it (Tab, Escape, Enter in single-line mode, ↑ on
        /// the first row and ↓ on the last, ...).
        case ignored
        /// The edit would make the text longer than ``TextEditor/maxUTF16``; nothing was inserted.
        case refused(String)
    }

    /// The text being edited.
    public internal(set) var text: String
    /// The cursor, in `Character`s from the start of ``text`` (`0...text.count`).
    public internal(set) var cursor: Int
    /// The most UTF-16 code units the text may hold (how the provider counts a prompt), or `nil`.
    public let maxUTF16: Int?
    /// Whether this is a one-line field: newlines become spaces, ↑/↓/Enter are left to the app,
    /// and the text scrolls sideways instead of wrapping.
    public let singleLine: Bool
    /// What the refusal message calls the text ("the prompt").
    public let label: String

    /// ``text`` as grapheme clusters, kept in step with it.
    var characters: [Character]
    var history = EditHistory()
    /// The display column ↑/↓ aim for, kept across consecutive vertical moves.
    var goalColumn: Int?

    /// An editor holding `text` (cleaned like pasted text) with the cursor at its end.
    ///
    /// - Parameters:
    ///   - maxUTF16: longest allowed text in UTF-16 units; edits beyond it are refused.
    ///   - singleLine: a one-line field.
    ///   - label: how refusal messages name the text; default "the prompt", or "the field" when
    ///     `singleLine`.
    public init(text: String = "", maxUTF16: Int? = nil, singleLine: Bool = false, label: String? = nil) {
        let clean = Self.clean(text, singleLine: singleLine)
        self.text = clean
        self.characters = Array(clean)
        self.cursor = characters.count
        self.maxUTF16 = maxUTF16
        self.singleLine = singleLine
        self.label = label ?? (singleLine ? "the field" : "the prompt")
    }

    /// Length of the text in UTF-16 code units (what ``maxUTF16`` limits).
    public var utf16Count: Int { text.utf16.count }

    /// Whether the text is empty.
    public var isEmpty: Bool { text.isEmpty }

    /// Applies one key. `width` is the wrap width (the editor's columns on screen), used by ↑/↓.
    public mutating func handle(_ key: Key, width: Int) -> EditResult {
        if key != .up, key != .down { goalColumn = nil }
        switch key {
        case .character(let character): return type(character)
        case .enter: return singleLine ? .ignored : type("\n")
        case .backspace: return deleteBackward()
        case .delete: return deleteForward()
        case .left: return moveCursor(to: cursor - 1)
        case .right: return moveCursor(to: cursor + 1)
        case .up: return moveVertically(by: -1, width: width)
        case .down: return moveVertically(by: 1, width: width)
        case .home, .ctrl("a"): return moveCursor(to: lineStart(of: cursor))
        case .end, .ctrl("e"): return moveCursor(to: lineEnd(of: cursor))
        case .ctrlLeft, .alt("b"): return moveCursor(to: wordStart(before: cursor))
        case .ctrlRight, .alt("f"): return moveCursor(to: wordEnd(after: cursor))
        case .ctrl("w"), .alt("\u{7F}"), .alt("\u{08}"): return deleteWordBackward()
        case .alt("d"): return deleteWordForward()
        case .ctrl("k"): return killToLineEnd()
        case .ctrl("u"): return killToLineStart()
        case .ctrl("_"), .alt("u"): return undo() ? .changed : .unchanged
        case .alt("r"): return redo() ? .changed : .unchanged
        default: return .ignored
        }
    }

    /// Replaces the characters in `range` with `replacement` and puts the cursor after it.
    ///
    /// The cursor is placed by UTF-16 offset and rounded up to a grapheme boundary, so text that
    /// fuses with its neighbours (a combining mark typed after a letter, two regional indicators
    /// making a flag) leaves the cursor after the fused character.
    mutating func replace(_ range: Range<Int>, with replacement: String) {
        let head = String(characters[..<range.lowerBound])
        let tail = String(characters[range.upperBound...])
        let updated = head + replacement + tail
        text = updated
        characters = Array(updated)
        cursor = Self.characterOffset(ofUTF16: head.utf16.count + replacement.utf16.count, in: characters)
    }

    /// The first character boundary at or after `target` UTF-16 units.
    static func characterOffset(ofUTF16 target: Int, in characters: [Character]) -> Int {
        var units = 0
        for (index, character) in characters.enumerated() {
            if units >= target { return index }
            units += character.utf16.count
        }
        return characters.count
    }
}
