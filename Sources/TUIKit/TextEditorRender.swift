extension TextEditor {
    /// Draws the editor into `rect` of `canvas`, blanking the rest of `rect` in `style`.
    ///
    /// Stateless scrolling: a multi-line editor shows rows from `max(0, cursorRow - rect.height + 1)`,
    /// so the cursor's row is always visible; a single-line editor shows columns from
    /// `max(0, cursorColumn - rect.width + 1)`. An empty text shows `placeholder` instead (wrapped,
    /// or cut with an ellipsis when single-line). When `focused`, `canvas.cursor` is set to the
    /// cursor's cell.
    public func render(
        into canvas: inout Canvas, rect: Rect, style: Style, placeholder: String? = nil,
        placeholderStyle: Style = Style(dim: true), focused: Bool
    ) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, style: style)
        let cursorCell: Point
        if text.isEmpty {
            if let placeholder { drawPlaceholder(placeholder, into: &canvas, rect: rect, style: placeholderStyle) }
            cursorCell = Point(x: rect.x, y: rect.y)
        } else if singleLine {
            cursorCell = drawScrolledSideways(into: &canvas, rect: rect, style: style)
        } else {
            cursorCell = drawWrapped(into: &canvas, rect: rect, style: style)
        }
        if focused { canvas.cursor = cursorCell }
    }

    private func drawPlaceholder(_ placeholder: String, into canvas: inout Canvas, rect: Rect, style: Style) {
        let lines =
            singleLine
            ? [TextLayout.truncate(Self.clean(placeholder, singleLine: true), width: rect.width)]
            : TextLayout.wrap(Self.clean(placeholder, singleLine: false), width: rect.width)
        for (row, line) in lines.prefix(rect.height).enumerated() {
            canvas.draw(line, at: Point(x: rect.x, y: rect.y + row), style: style, clip: rect)
        }
    }

    /// Draws the visible rows; returns the cursor's cell.
    private func drawWrapped(into canvas: inout Canvas, rect: Rect, style: Style) -> Point {
        let layout = layout(width: rect.width)
        let firstRow = max(0, layout.cursorRow - rect.height + 1)
        for (screenRow, line) in layout.lines.dropFirst(firstRow).prefix(rect.height).enumerated() {
            canvas.draw(line.text, at: Point(x: rect.x, y: rect.y + screenRow), style: style, clip: rect)
        }
        let column = min(layout.cursorColumn, rect.width - 1)
        return Point(x: rect.x + column, y: rect.y + layout.cursorRow - firstRow)
    }

    /// Draws the one line shifted left so the cursor stays inside `rect`; returns the cursor's cell.
    /// A wide glyph cut by the left edge shows as a space.
    private func drawScrolledSideways(into canvas: inout Canvas, rect: Rect, style: Style) -> Point {
        let cursorColumn = characters[..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        let firstColumn = max(0, cursorColumn - rect.width + 1)
        var visible = ""
        var column = 0
        for character in characters {
            let width = DisplayWidth.of(character)
            if column >= firstColumn {
                visible.append(character)
            } else if column + width > firstColumn {
                visible += String(repeating: " ", count: column + width - firstColumn)
            }
            column += width
            if column - firstColumn > rect.width { break }
        }
        canvas.draw(visible, at: Point(x: rect.x, y: rect.y), style: style, clip: rect)
        return Point(x: rect.x + cursorColumn - firstColumn, y: rect.y)
    }
}
