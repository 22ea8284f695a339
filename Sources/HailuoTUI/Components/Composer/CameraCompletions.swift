import HailuoCore
import TUIKit

/// The camera commands offered while a command is typed inside a `[` of the prompt (after the
/// `[`, or after a comma for a second command): those matching what is typed, one chosen.
///
/// A list is about one text and cursor: once the prompt changes some other way (a paste, a
/// recalled prompt) it is stale and not shown (see ``isCurrent(for:)``).
public struct CameraCompletions: Sendable, Equatable {
    /// The commands matching what is typed, in MiniMax's order (empty: nothing matches; the list
    /// is hidden but comes back when the typing matches again).
    public private(set) var candidates: [CameraCommand]
    /// The chosen candidate's index.
    public private(set) var selected: Int
    /// Where the typed command starts, in characters from the start of the prompt.
    public let start: Int
    /// The prompt and cursor the list is about.
    let text: String
    let cursor: Int

    /// The longest typing still taken for a command (past it, the bracket holds something else).
    static let longestFragment = 24

    /// The list for `editor` when its cursor is in a command of an open bracket, else `nil`.
    /// `previous` stays chosen when it is still offered.
    init?(_ editor: TextEditor, keeping previous: CameraCommand? = nil) {
        let characters = Array(editor.text)
        guard let start = Self.commandStart(in: characters, cursor: editor.cursor) else { return nil }
        let fragment = String(characters[start..<editor.cursor])
        let candidates = CameraCommand.completions(for: fragment)
        self.candidates = candidates
        selected = previous.flatMap { candidates.firstIndex(of: $0) } ?? 0
        self.start = start
        text = editor.text
        cursor = editor.cursor
    }

    /// The chosen command (`nil` when nothing matches).
    public var chosen: CameraCommand? { candidates.indices.contains(selected) ? candidates[selected] : nil }

    /// Whether the list is about `editor`'s text and cursor as they are.
    func isCurrent(for editor: TextEditor) -> Bool { editor.cursor == cursor && editor.text == text }

    /// Moves the choice by `step`, wrapping around.
    mutating func move(by step: Int) {
        guard !candidates.isEmpty else { return }
        selected = ((selected + step) % candidates.count + candidates.count) % candidates.count
    }

    /// What replaces the typed command: the chosen command, then `]` unless a `]` or a comma
    /// already follows the cursor.
    func insertion(of command: CameraCommand) -> (replacing: Int, with: String) {
        let after = Array(text).dropFirst(cursor).first { $0 != " " }
        let closes = after == "]" || after == ","
        return (cursor - start, command.name + (closes ? "" : "]"))
    }

    /// Where the command being typed starts, when the cursor is inside an open `[` on its line
    /// (after the `[` or the last comma, spaces skipped); `nil` elsewhere.
    static func commandStart(in characters: [Character], cursor: Int) -> Int? {
        var index = cursor
        var itemStart: Int?
        while index > 0 {
            let character = characters[index - 1]
            if character == "\n" || character == "]" { return nil }
            if character == "[" || character == "," {
                if itemStart == nil { itemStart = index }
                if character == "[" { break }
            }
            index -= 1
        }
        guard index > 0, var start = itemStart else { return nil }
        while start < cursor, characters[start] == " " { start += 1 }
        return cursor - start <= longestFragment ? start : nil
    }
}
