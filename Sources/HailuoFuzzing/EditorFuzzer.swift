import TUIKit

/// Fuzzes TUIKit's ``TextEditor`` with random keys (moves, word moves, kills, undo/redo), typed
/// and pasted unicode (CJK, emoji ZWJ sequences, combining marks, RTL and bidi controls, control
/// characters), replaced text and odd widths and limits.
///
/// Invariants after every step: no crash and no hang; the cursor is within the text (it counts
/// grapheme clusters, so it is on a boundary) and its layout column is the width of the text
/// before it on its row; the text holds no control character but newlines (none when single-line)
/// and survives a round trip through a new editor; the UTF-16 limit holds; a key that reports no
/// change changed nothing; the layout rows cover the text exactly, each no wider than the width;
/// rendering keeps inside its rectangle with the cursor in it. After the run: undoing everything
/// then redoing everything gives back the final text and cursor.
enum EditorFuzzer {
    static let keys: [Key] = [
        .enter, .backspace, .delete, .left, .right, .up, .down, .home, .end, .ctrlLeft, .ctrlRight,
        .ctrl("a"), .ctrl("e"), .ctrl("w"), .ctrl("k"), .ctrl("u"), .ctrl("_"), .alt("b"), .alt("f"),
        .alt("d"), .alt("u"), .alt("r"), .alt("\u{7F}"), .alt("\u{08}"), .tab, .escape, .pageUp, .function(1),
        .backspace, .backspace, .left, .left, .right, .up, .down,
    ]

    /// The state a step is checked against.
    struct Session {
        var editor: TextEditor
        var width: Int
        /// Whether the limit must hold (no unlimited replacement and the start text within it).
        var limited: Bool
        var steps: [String] = []
    }

    static func run(_ random: inout FuzzRandom) -> (message: String, input: String)? {
        let singleLine = random.oneIn(4)
        let maxUTF16 = random.pick([nil, nil, 0, 1, 3, 12, 40, 2000] as [Int?])
        let start = random.oneIn(2) ? FuzzText.string(&random, maxPieces: 16) : ""
        let editor = TextEditor(text: start, maxUTF16: maxUTF16, singleLine: singleLine)
        var session = Session(
            editor: editor, width: random.int(in: 1...30), limited: maxUTF16.map { editor.utf16Count <= $0 } ?? false)
        session.steps.append("start \(FuzzText.escaped(start)) max \(maxUTF16.map(String.init) ?? "none")")
        session.steps.append("single \(singleLine) width \(session.width)")
        for _ in 0..<random.int(in: 1...24) {
            if let message = step(&session, &random) { return (message, session.steps.joined(separator: " | ")) }
        }
        if let message = undoRedoRoundTrip(session.editor) { return (message, session.steps.joined(separator: " | ")) }
        return nil
    }

    /// One random action, then the invariants.
    static func step(_ session: inout Session, _ random: inout FuzzRandom) -> String? {
        let before = session.editor
        var result: TextEditor.EditResult?
        switch random.below(20) {
        case 0...8:
            let key = random.pick(keys)
            session.steps.append("key \(key)")
            result = session.editor.handle(key, width: session.width)
        case 9...13:
            let text = FuzzText.string(&random, maxPieces: 3)
            for character in text {
                let beforeCharacter = session.editor
                session.steps.append("type \(FuzzText.escaped(String(character)))")
                let typed = session.editor.handle(.character(character), width: session.width)
                if let message = check(session, after: beforeCharacter, result: typed) { return message }
            }
        case 14...16:
            let text = FuzzText.string(&random, maxPieces: 20)
            session.steps.append("paste \(FuzzText.escaped(text))")
            result = session.editor.insert(text)
        case 17:
            let text = FuzzText.string(&random, maxPieces: 10)
            session.steps.append("set \(FuzzText.escaped(text))")
            session.editor.setText(text)
            if let max = session.editor.maxUTF16, session.editor.utf16Count > max { session.limited = false }
        case 18:
            session.steps.append("undo")
            session.editor.undo()
            // Undo may bring back a text from before an unlimited replacement.
            if let max = session.editor.maxUTF16, session.editor.utf16Count > max { session.limited = false }
        default:
            session.steps.append("redo")
            session.editor.redo()
            if let max = session.editor.maxUTF16, session.editor.utf16Count > max { session.limited = false }
        }
        if random.oneIn(8) { session.width = random.int(in: 1...30) }
        return check(session, after: before, result: result)
    }

    /// The invariants of one editor state.
    static func check(_ session: Session, after before: TextEditor, result: TextEditor.EditResult?) -> String? {
        let editor = session.editor
        let characters = Array(editor.text)
        guard (0...characters.count).contains(editor.cursor) else {
            return "cursor \(editor.cursor) outside 0...\(characters.count)"
        }
        if let result, result != .changed, editor.text != before.text {
            return "a key reported \(result) but changed the text"
        }
        for scalar in editor.text.unicodeScalars where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) {
            if scalar != "\n" || editor.singleLine { return "the text holds control character \(scalar.value)" }
        }
        let again = TextEditor(text: editor.text, singleLine: editor.singleLine)
        if again.text != editor.text { return "the text does not round-trip through a new editor" }
        if session.limited, let max = editor.maxUTF16, editor.utf16Count > max {
            return "the text is \(editor.utf16Count) UTF-16 units, over the limit of \(max)"
        }
        if let message = layoutProblem(editor, characters: characters, width: session.width) { return message }
        return renderProblem(editor, width: session.width)
    }

    /// Rows cover the text exactly and fit the width; the cursor's row and column are right.
    static func layoutProblem(_ editor: TextEditor, characters: [Character], width: Int) -> String? {
        let layout = editor.layout(width: width)
        let wrap = max(2, width)
        guard !layout.lines.isEmpty, layout.lines.indices.contains(layout.cursorRow) else {
            return "cursor row \(layout.cursorRow) of \(layout.lines.count) rows"
        }
        var expectedStart = 0
        for (index, line) in layout.lines.enumerated() {
            if line.start != expectedStart { return "row \(index) starts at \(line.start), not \(expectedStart)" }
            guard line.end <= characters.count, String(characters[line.start..<line.end]) == line.text else {
                return "row \(index) does not hold the text it covers"
            }
            if line.width != DisplayWidth.of(line.text) { return "row \(index) says width \(line.width)" }
            if !editor.singleLine, line.width > wrap { return "row \(index) is \(line.width) wide at width \(wrap)" }
            if line.text.contains("\n") { return "row \(index) holds a newline" }
            expectedStart = line.end + (line.continues ? 0 : 1)
        }
        if expectedStart != characters.count + 1 { return "the rows end at \(expectedStart - 1), not the text's end" }
        let row = layout.lines[layout.cursorRow]
        guard row.start <= editor.cursor, editor.cursor <= row.end else {
            return "cursor \(editor.cursor) is not in its row \(row.start)...\(row.end)"
        }
        let column = DisplayWidth.of(String(characters[row.start..<editor.cursor]))
        if layout.cursorColumn != column { return "cursor column \(layout.cursorColumn), text before it \(column)" }
        if !editor.singleLine, layout.cursorColumn >= wrap {
            let rows = layout.lines.map { "[\($0.start)+\($0.length) w\($0.width)\($0.continues ? " cont" : "")]" }
            return "cursor column \(layout.cursorColumn) past the last column at width \(wrap): cursor "
                + "\(editor.cursor) row \(layout.cursorRow) of \(rows.joined()) text \(FuzzText.escaped(editor.text))"
        }
        return nil
    }

    /// Drawing stays inside the rectangle and puts the cursor in it.
    static func renderProblem(_ editor: TextEditor, width: Int) -> String? {
        let rect = Rect(x: 1, y: 1, width: width, height: 1 + width % 4)
        var canvas = Canvas(size: Size(width: width + 3, height: rect.maxY + 1))
        editor.render(
            into: &canvas, rect: rect, style: Style(bold: true), placeholder: "Describe the video", focused: true)
        guard let cursor = canvas.cursor, cursor.x >= rect.x, cursor.x < rect.maxX, cursor.y >= rect.y,
            cursor.y < rect.maxY
        else { return "the cursor \(String(describing: canvas.cursor)) is outside \(rect)" }
        for y in 0..<canvas.height {
            for x in 0..<canvas.width where !(x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY) {
                if canvas[x, y] != Cell.blank() { return "drawing reached cell \(x),\(y) outside \(rect)" }
            }
        }
        return nil
    }

    /// From the newest state (everything redone), undoing every step and then redoing them all must
    /// come back to that state.
    static func undoRedoRoundTrip(_ editor: TextEditor) -> String? {
        var copy = editor
        while copy.redo() {}
        let newest = copy
        var undone = 0
        while copy.undo() { undone += 1 }
        var redone = 0
        while copy.redo() { redone += 1 }
        if undone != redone { return "undid \(undone) steps but redid \(redone)" }
        if copy.text != newest.text || copy.cursor != newest.cursor {
            return "undo all then redo all gave \(FuzzText.escaped(copy.text)) at \(copy.cursor)"
        }
        return nil
    }
}
