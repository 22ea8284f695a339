import TUIKit

/// Fewer colour changes along each row, so a picture costs the terminal fewer bytes: a colour a
/// cell does not show (the foreground of a space, the background of a full block) becomes the one
/// already set, a half block turns over (`▀` ↔ `▄`, swapping its colours) when that keeps a colour
/// set, and in truecolor a colour within `tolerance` of the one set is drawn as that one.
enum ColorCoherence {
    /// The tolerances tried, per channel, for a truecolor picture over its byte budget.
    static let trueColorTolerances = [4, 8, 12, 16, 24, 32, 48]

    /// `picture` with the smallest truecolor tolerance that brings it within `budget` bytes
    /// (the largest tried when none does).
    static func fitted(_ picture: CellPicture, budget: Int) -> CellPicture {
        guard picture.terminalBytes(depth: .trueColor) > budget else { return picture }
        var fitted = picture
        for tolerance in trueColorTolerances {
            var cells = picture.cells
            apply(&cells, width: picture.size.width, tolerance: tolerance)
            fitted = CellPicture(size: picture.size, cells: cells)
            if fitted.terminalBytes(depth: .trueColor) <= budget { break }
        }
        return fitted
    }

    /// Makes the changes, row by row; with `tolerance` 0 the picture looks exactly the same.
    static func apply(_ cells: inout [Cell], width: Int, tolerance: Int = 0) {
        guard width > 0 else { return }
        for start in stride(from: 0, to: cells.count, by: width) {
            var foreground: Color? = nil
            var background: Color? = nil
            for index in start..<min(cells.count, start + width) {
                var cell = settle(cells[index], foreground: foreground, background: background, tolerance: tolerance)
                if let flipped = flippedHalfBlock(cell) {
                    let turned = settle(flipped, foreground: foreground, background: background, tolerance: tolerance)
                    if changes(turned, foreground, background) < changes(cell, foreground, background) { cell = turned }
                }
                cells[index] = cell
                foreground = cell.style.foreground
                background = cell.style.background
            }
        }
    }

    /// `cell` drawn with the colours already set wherever that looks the same (or nearly).
    private static func settle(_ cell: Cell, foreground: Color?, background: Color?, tolerance: Int) -> Cell {
        var cell = cell
        if cell.text == " " || near(cell.style.foreground, foreground, tolerance) {
            cell.style.foreground = foreground
        }
        if cell.text == "█" || near(cell.style.background, background, tolerance) {
            cell.style.background = background
        }
        return cell
    }

    /// `▀` as `▄` with its colours swapped, and the other way round.
    private static func flippedHalfBlock(_ cell: Cell) -> Cell? {
        let turned: String
        switch cell.text {
        case "▀": turned = "▄"
        case "▄": turned = "▀"
        default: return nil
        }
        var style = cell.style
        swap(&style.foreground, &style.background)
        return Cell(turned, style: style)
    }

    private static func changes(_ cell: Cell, _ foreground: Color?, _ background: Color?) -> Int {
        (cell.style.foreground == foreground ? 0 : 1) + (cell.style.background == background ? 0 : 1)
    }

    /// Whether `color` may be drawn as `current`: the same, or both 24-bit and within `tolerance`.
    private static func near(_ color: Color?, _ current: Color?, _ tolerance: Int) -> Bool {
        if color == current { return true }
        guard case .rgb(let r1, let g1, let b1) = color, case .rgb(let r2, let g2, let b2) = current else {
            return false
        }
        return abs(Int(r1) - Int(r2)) <= tolerance && abs(Int(g1) - Int(g2)) <= tolerance
            && abs(Int(b1) - Int(b2)) <= tolerance
    }
}
