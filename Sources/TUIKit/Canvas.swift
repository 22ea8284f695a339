/// An in-memory grid of cells: widgets draw here, the renderer diffs it against the last frame.
///
/// Drawing never writes outside the grid, never splits a wide grapheme at an edge (a
/// space is drawn instead), and shows control characters as `?` so nothing raw reaches the
/// terminal.
public struct Canvas: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown, or `nil` to hide it.
    public var cursor: Point?

    /// A blank canvas of `size`.
    public init(size: Size, style: Style = .plain) {
        self.size = size
        self.cells = Array(repeating: Cell.blank(style), count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(size) }

    /// The cell at column `x`, row `y` (a blank cell outside the grid).
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank() }
        return cells[y * size.width + x]
    }

    /// Draws `text` from `point` on one row, clipped to `clip` (default: the whole canvas) and to
    /// `maxWidth` columns. Returns the number of columns used.
    @discardableResult
    public mutating func draw(
        _ text: some StringProtocol, at point: Point, style: Style = .plain, maxWidth: Int? = nil, clip: Rect? = nil
    ) -> Int {
        drawText(text, at: point, style: style, maxWidth: maxWidth, clip: clip)
    }

    /// ``draw(_:at:style:maxWidth:clip:)`` for a `String`: the common case, compiled for `String`
    /// here rather than run as generic code from other modules (a frame draws a few hundred texts).
    @discardableResult
    public mutating func draw(
        _ text: String, at point: Point, style: Style = .plain, maxWidth: Int? = nil, clip: Rect? = nil
    ) -> Int {
        drawText(text, at: point, style: style, maxWidth: maxWidth, clip: clip)
    }

    private mutating func drawText<Text: StringProtocol>(
        _ text: Text, at point: Point, style: Style, maxWidth: Int?, clip: Rect?
    ) -> Int {
        let area = clip ?? bounds
        guard point.y >= area.y, point.y < area.maxY, point.y >= 0, point.y < size.height else { return 0 }
        var limit = min(area.maxX, size.width)
        if let maxWidth { limit = min(limit, point.x + max(0, maxWidth)) }
        var x = point.x
        if text.isPrintableASCII {
            return drawPrintableASCII(text, from: x, row: point.y, style: style, start: max(area.x, 0), limit: limit)
        }
        if DisplayWidth.singleColumnScalarCount(text) != nil {
            return drawSingleColumnScalars(
                text, from: x, row: point.y, style: style, start: max(area.x, 0), limit: limit)
        }
        for character in text {
            var glyph = String(character)
            var width = DisplayWidth.of(character)
            if width == 0 {
                if let first = character.unicodeScalars.first, first.value < 0x20 || (0x7F..<0xA0).contains(first.value)
                {
                    glyph = "?"
                    width = 1
                } else {
                    appendToPrevious(glyph, x: x, y: point.y, minimumX: max(area.x, 0))
                    continue
                }
            }
            if x + width > limit {
                if width == 2, x < limit, x >= max(area.x, 0) { put(Cell(" ", style: style), x: x, y: point.y) }
                if width == 2, x < limit { x += 1 }
                break
            }
            if x >= max(area.x, 0) {
                put(Cell(glyph, style: style, width: UInt8(width)), x: x, y: point.y)
                if width == 2 { put(Cell("", style: style, width: 0), x: x + 1, y: point.y) }
            } else if width == 2, x + 1 == max(area.x, 0) {
                // A wide glyph cut by the left edge: its visible half shows as a space.
                put(Cell(" ", style: style), x: x + 1, y: point.y)
            }
            x += width
        }
        return max(0, x - point.x)
    }

    /// ``draw(_:at:style:maxWidth:clip:)`` for text that is all printable ASCII: one cell a byte,
    /// no grapheme breaking or width lookups (most of a frame: the table, hints, the status bar).
    private mutating func drawPrintableASCII(
        _ text: some StringProtocol, from x0: Int, row y: Int, style: Style, start: Int, limit: Int
    ) -> Int {
        var x = x0
        for byte in text.utf8 {
            if x >= limit { break }
            if x >= start { put(Cell(ascii: byte, style: style), x: x, y: y) }
            x += 1
        }
        return max(0, x - x0)
    }

    /// ``draw(_:at:style:maxWidth:clip:)`` for text whose every scalar is a one-column grapheme of
    /// its own (``DisplayWidth/singleColumnScalarCount(_:)``): borders, spinners, separators.
    private mutating func drawSingleColumnScalars(
        _ text: some StringProtocol, from x0: Int, row y: Int, style: Style, start: Int, limit: Int
    ) -> Int {
        var x = x0
        for scalar in text.unicodeScalars {
            if x >= limit { break }
            if x >= start { put(Cell(scalar: scalar, style: style), x: x, y: y) }
            x += 1
        }
        return max(0, x - x0)
    }

    /// The `width` cells of row `y` from column `x` (clipped to the grid): a stretch to keep and
    /// ``paste(_:row:at:)`` into a later frame of the same layout.
    public func cells(row y: Int, from x: Int, width: Int) -> [Cell] {
        let x0 = max(0, x)
        let x1 = min(size.width, x + width)
        guard y >= 0, y < size.height, x0 < x1 else { return [] }
        return Array(cells[(y * size.width + x0)..<(y * size.width + x1)])
    }

    /// Puts back cells taken by ``cells(row:from:width:)`` at the same place, as they were.
    public mutating func paste(_ stretch: [Cell], row y: Int, at x: Int) {
        let x0 = max(0, x)
        let count = min(stretch.count, size.width - x0)
        guard y >= 0, y < size.height, count > 0 else { return }
        let start = y * size.width + x0
        cells.replaceSubrange(start..<(start + count), with: stretch[0..<count])
    }

    /// Fills `rect` with blank cells (or `character`) in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with character: Character = " ") {
        let x0 = max(0, rect.x)
        let y0 = max(0, rect.y)
        let x1 = min(size.width, rect.maxX)
        let y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(DisplayWidth.of(character) == 1 ? String(character) : " ", style: style)
        for y in y0..<y1 {
            for x in x0..<x1 { put(cell, x: x, y: y) }
        }
    }

    /// Changes the style of every cell in `rect`, keeping their text.
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let x0 = max(0, rect.x)
        let y0 = max(0, rect.y)
        let x1 = min(size.width, rect.maxX)
        let y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 { cells[y * size.width + x].style = transform(cells[y * size.width + x].style) }
        }
    }

    /// The text of every row (continuation cells skipped), trailing blanks trimmed: for tests
    /// and snapshots.
    public func lines(trimmed: Bool = true) -> [String] {
        (0..<size.height).map { row in
            var line = ""
            for x in 0..<size.width {
                let cell = cells[row * size.width + x]
                if !cell.isContinuation { line += cell.text }
            }
            if trimmed {
                while line.last == " " { line.removeLast() }
            }
            return line
        }
    }

    /// All rows joined by newlines (see ``lines(trimmed:)``).
    public var text: String { lines().joined(separator: "\n") }

    private mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let index = y * size.width + x
        let old = cells[index]
        // Overwriting half of a wide grapheme blanks its other half.
        if old.isContinuation, x > 0, cells[index - 1].width == 2 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if old.width == 2, x + 1 < size.width, cells[index + 1].isContinuation {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    /// Attaches a zero-width grapheme (a lone combining mark) to the cell before `x`.
    private mutating func appendToPrevious(_ glyph: String, x: Int, y: Int, minimumX: Int) {
        var target = x - 1
        while target >= minimumX, target >= 0, self[target, y].isContinuation { target -= 1 }
        guard target >= minimumX, target >= 0, target < size.width else { return }
        cells[y * size.width + target].text += glyph
    }
}
