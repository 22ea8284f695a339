/// A picture made of terminal cells (cell art): a grid of one-column cells, each a symbol with
/// a foreground and a background colour. Made off the UI thread, drawn by the view like text.
public struct CellPicture: Sendable, Hashable {
    /// Columns and rows.
    public let size: Size
    /// Row by row, `size.width * size.height` cells, each one column wide.
    public let cells: [Cell]

    /// A picture of `size` from `cells` (row by row). Cells that are not exactly one column wide,
    /// or that hold a control character, become blanks, so a picture can never shift a row.
    public init(size: Size, cells: [Cell]) {
        let count = size.width * size.height
        var checked = Array(cells.prefix(count))
        for index in checked.indices where !Self.fitsOneColumn(checked[index]) {
            checked[index] = Cell.blank(checked[index].style)
        }
        if checked.count < count { checked += Array(repeating: Cell.blank(), count: count - checked.count) }
        self.size = size
        self.cells = checked
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell { cells[y * size.width + x] }

    /// The picture's rows as plain text (symbols only), for tests.
    public var lines: [String] {
        (0..<size.height).map { row in cells[(row * size.width)..<((row + 1) * size.width)].map(\.text).joined() }
    }

    private static func fitsOneColumn(_ cell: Cell) -> Bool {
        guard cell.width == 1, cell.text.count == 1, let scalar = cell.text.unicodeScalars.first else { return false }
        return cell.text.unicodeScalars.count == 1 && scalar.value >= 0x20 && scalar.value != 0x7F
            && !(0x80..<0xA0).contains(scalar.value) && DisplayWidth.of(cell.text) == 1
    }
}

extension Canvas {
    /// Draws `picture` with its top left at `origin`, clipped to `clip` (default: the canvas).
    public mutating func draw(_ picture: CellPicture, at origin: Point, clip: Rect? = nil) {
        for row in 0..<picture.size.height {
            for column in 0..<picture.size.width {
                let cell = picture[column, row]
                draw(
                    cell.text, at: Point(x: origin.x + column, y: origin.y + row), style: cell.style, maxWidth: 1,
                    clip: clip)
            }
        }
    }
}
