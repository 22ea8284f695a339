/// A ``TextEditor``'s text cut into visual rows for a given width, with the cursor's row and column.
///
/// Wrapping rules (multi-line editors):
/// - a newline always starts a row; a row never holds more than `width` columns;
/// - a row breaks before the word that does not fit (after the spaces before it); a word wider
///   than the row is broken by character; a wide glyph that does not fit goes to the next row;
/// - a space that does not fit starts the next row (spaces never hang past the edge), and so
///   does a zero-width character after a full row;
/// - a cursor offset at the end of a soft-wrapped row is shown at the start of the next row;
/// - a line that fills its last row exactly is followed by an empty row, where its end (and the
///   cursor there) is shown, so the cursor never sits past the last column.
///
/// Single-line editors get one row holding the whole text (they scroll sideways when rendered).
public struct TextEditorLayout: Sendable, Equatable {
    /// One row on screen.
    public struct VisualLine: Sendable, Equatable {
        /// The row's characters (no newline).
        public var text: String
        /// Offset, in characters from the start of the editor's text, of the row's first character.
        public var start: Int
        /// Characters in the row.
        public var length: Int
        /// Columns the row takes.
        public var width: Int
        /// Whether the line goes on in the next row (a soft wrap): then the offset just after this
        /// row belongs to the next row.
        public var continues: Bool

        public init(text: String, start: Int, length: Int, width: Int, continues: Bool) {
            self.text = text
            self.start = start
            self.length = length
            self.width = width
            self.continues = continues
        }

        /// Offset just after the row's last character.
        public var end: Int { start + length }
    }

    /// The rows, top to bottom (at least one).
    public var lines: [VisualLine]
    /// The row holding the cursor.
    public var cursorRow: Int
    /// The cursor's column in that row, in display cells.
    public var cursorColumn: Int

    /// The offset closest to `column` on row `row` without passing it (a wide glyph under the
    /// column puts the offset before it). On a soft-wrapped row the row's end is excluded: it
    /// belongs to the next row. A row past the last one means the last row.
    public func offset(row: Int, column: Int) -> Int {
        guard let line = lines.indices.contains(row) ? lines[row] : lines.last else { return 0 }
        var offset = line.start
        var used = 0
        let last = line.continues && line.length > 0 ? line.end - 1 : line.end
        for character in line.text {
            guard offset < last else { break }
            let width = DisplayWidth.of(character)
            if used + width > column { break }
            used += width
            offset += 1
        }
        return offset
    }
}

extension TextEditor {
    /// The text laid out in rows of at most `width` columns (at least 2), with the cursor's place.
    public func layout(width: Int) -> TextEditorLayout {
        let lines =
            singleLine
            ? [Self.row(characters, 0..<characters.count, width: DisplayWidth.of(text), continues: false)]
            : Self.wrap(characters, width: max(2, width))
        var row = 0
        for (index, line) in lines.enumerated() where line.start <= cursor { row = index }
        let start = lines[row].start
        let column = characters[start..<max(start, cursor)].reduce(0) { $0 + DisplayWidth.of($1) }
        return TextEditorLayout(lines: lines, cursorRow: row, cursorColumn: column)
    }

    /// Wraps every line of `characters` (split at newlines) to `width` columns.
    static func wrap(_ characters: [Character], width: Int) -> [TextEditorLayout.VisualLine] {
        var rows: [TextEditorLayout.VisualLine] = []
        var lineStart = 0
        while lineStart <= characters.count {
            var lineEnd = lineStart
            while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
            rows += wrapLine(characters, lineStart..<lineEnd, width: width)
            lineStart = lineEnd + 1
        }
        return rows
    }

    /// Wraps one line (no newline inside `range`) to `width` columns.
    private static func wrapLine(_ characters: [Character], _ range: Range<Int>, width: Int)
        -> [TextEditorLayout.VisualLine]
    {
        var rows: [TextEditorLayout.VisualLine] = []
        var rowStart = range.lowerBound
        var rowWidth = 0
        /// The latest place in the row where a word starts after spaces.
        var lastBreak: Int?
        var index = range.lowerBound
        while index < range.upperBound {
            let character = characters[index]
            let characterWidth = DisplayWidth.of(character)
            // A zero-width character (a lone combining mark, a bidi or zero-width control) after a
            // full row starts the next one: the cursor before it would otherwise sit past the edge.
            if rowWidth + max(characterWidth, 1) > width, index > rowStart {
                var breakAt = index
                if character != " ", let lastBreak, lastBreak > rowStart { breakAt = lastBreak }
                rows.append(
                    row(
                        characters, rowStart..<breakAt, width: columns(of: characters[rowStart..<breakAt]),
                        continues: true))
                rowStart = breakAt
                rowWidth = columns(of: characters[breakAt..<index])
                lastBreak = nil
                continue
            }
            if index > rowStart, characters[index - 1] == " ", character != " " { lastBreak = index }
            rowWidth += characterWidth
            index += 1
        }
        let full = rowWidth >= width
        rows.append(row(characters, rowStart..<range.upperBound, width: rowWidth, continues: full))
        if full { rows.append(row(characters, range.upperBound..<range.upperBound, width: 0, continues: false)) }
        return rows
    }

    private static func columns(of characters: ArraySlice<Character>) -> Int {
        characters.reduce(0) { $0 + DisplayWidth.of($1) }
    }

    private static func row(_ characters: [Character], _ range: Range<Int>, width: Int, continues: Bool)
        -> TextEditorLayout.VisualLine
    {
        TextEditorLayout.VisualLine(
            text: String(characters[range]), start: range.lowerBound, length: range.count, width: width,
            continues: continues)
    }
}
