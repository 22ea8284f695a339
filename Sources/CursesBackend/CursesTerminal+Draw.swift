import CNCursesW
import TUIKit

extension CursesTerminal {
    /// Shows `canvas`: only the cells that differ from the last frame are written (a full repaint
    /// after ``invalidate()``, a resize or a size change), the cursor is placed or hidden, and the
    /// screen is updated with ONE `doupdate`.
    public func draw(_ canvas: Canvas) {
        guard isOpen else { return }
        let window = hailuo_stdscr()
        if needsClear {
            needsClear = false
            previous = nil
            _ = clearok(window, true)
        }
        if previous == nil { _ = werase(window) }
        let rows = Int(hailuo_lines())
        let columns = Int(hailuo_cols())
        var cells: [cchar_t] = []
        for run in canvas.changes(since: previous) where run.y < rows && run.x < columns {
            encode(run, of: canvas, columnLimit: columns - run.x, into: &cells)
            // wadd_wchnstr copies cells without moving the cursor, so the bottom-right cell is no
            // special case; any ERR (a run past a shrunken screen) is ignored.
            _ = mvwadd_wchnstr(window, Int32(run.y), Int32(run.x), cells, Int32(cells.count))
        }
        placeCursor(canvas.cursor, rows: rows, columns: columns)
        _ = wnoutrefresh(window)
        _ = doupdate()
        previous = canvas
    }

    /// The cells of `run`, read from the canvas cell by cell (re-segmenting the run's text could
    /// merge neighbouring graphemes), each encoded so ncurses and the canvas agree on widths.
    private func encode(_ run: CanvasRun, of canvas: Canvas, columnLimit: Int, into cells: inout [cchar_t]) {
        cells.removeAll(keepingCapacity: true)
        let (attributes, pair) = colorPairs.resolve(run.style)
        let maximumScalars = Int(hailuo_ccharw_max())
        var used = 0
        var x = run.x
        while x < run.x + run.width {
            let cell = canvas[x, run.y]
            let span = max(1, Int(cell.width))
            defer { x += cell.isContinuation ? 1 : span }
            if cell.isContinuation { continue }
            let pieces = CellEncoding.pieces(for: cell.text, width: span, maximumScalars: maximumScalars) {
                Int(wcwidth(wchar_t(bitPattern: $0)))
            }
            for piece in pieces {
                guard used + piece.columns <= columnLimit else { return }
                var wide = piece.scalars.map { wchar_t(bitPattern: $0) }
                wide.append(0)
                var character = cchar_t()
                if hailuo_setcchar(&character, wide, attributes, pair) != hailuo_ok() {
                    _ = hailuo_setcchar(&character, [wchar_t(CellEncoding.question), 0], attributes, pair)
                }
                cells.append(character)
                used += piece.columns
            }
        }
    }

    /// Shows the cursor at `point` (when on screen) or hides it; `curs_set` only when it changes.
    private func placeCursor(_ point: Point?, rows: Int, columns: Int) {
        let window = hailuo_stdscr()
        if let point, point.x >= 0, point.y >= 0, point.x < columns, point.y < rows {
            _ = leaveok(window, false)
            _ = wmove(window, Int32(point.y), Int32(point.x))
            setCursorVisibility(1)
        } else {
            _ = leaveok(window, true)
            setCursorVisibility(0)
        }
    }

    private func setCursorVisibility(_ visibility: Int32) {
        guard visibility != cursorVisibility else { return }
        cursorVisibility = visibility
        _ = curs_set(visibility)
    }
}
