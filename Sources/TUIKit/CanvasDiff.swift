#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stretch of changed cells on one row that share a style: what the renderer writes.
public struct CanvasRun: Sendable, Hashable {
    /// Column of the first cell.
    public var x: Int
    /// Row.
    public var y: Int
    /// The graphemes to write, continuation cells left out.
    public var text: String
    /// Columns the text covers.
    public var width: Int
    public var style: Style

    public init(x: Int, y: Int, text: String, width: Int, style: Style) {
        self.x = x
        self.y = y
        self.text = text
        self.width = width
        self.style = style
    }
}

extension Canvas {
    /// The runs that turn `previous` into this canvas: only changed cells, grouped by row and
    /// style. With no previous frame (or one of another size) every cell is a change.
    public func changes(since previous: Canvas?) -> [CanvasRun] {
        let full = previous == nil || previous?.size != size
        var runs: [CanvasRun] = []
        for y in 0..<size.height {
            // A row whose bytes are the previous frame's has no change (most rows of most frames);
            // rows that differ in bytes are compared cell by cell below.
            if !full, let previous, sameBytes(previous, row: y) { continue }
            var current: CanvasRun?
            var x = 0
            while x < size.width {
                let index = y * size.width + x
                let cell = cells[index]
                if cell.isContinuation {
                    x += 1
                    continue
                }
                let span = Int(max(1, cell.width))
                var changed = full
                if !full, let previous {
                    for offset in 0..<span where x + offset < size.width {
                        if previous.cells[index + offset] != cells[index + offset] { changed = true }
                    }
                }
                if changed {
                    if var run = current, run.style == cell.style, run.x + run.width == x {
                        run.text += cell.text
                        run.width += span
                        current = run
                    } else {
                        if let run = current { runs.append(run) }
                        current = CanvasRun(x: x, y: y, text: cell.text, width: span, style: cell.style)
                    }
                } else if let run = current {
                    runs.append(run)
                    current = nil
                }
                x += span
            }
            if let run = current { runs.append(run) }
        }
        return runs
    }

    /// Whether row `y` holds the same bytes here and in `other` (of the same size). Equal bytes
    /// are equal cells; unequal bytes may still be equal cells (padding), which the caller then
    /// compares one by one.
    private func sameBytes(_ other: Canvas, row y: Int) -> Bool {
        guard size.width > 0 else { return true }
        let start = y * size.width
        return cells.withUnsafeBytes { mine in
            other.cells.withUnsafeBytes { theirs in
                let stride = MemoryLayout<Cell>.stride
                let offset = start * stride
                let count = size.width * stride
                return memcmp(mine.baseAddress! + offset, theirs.baseAddress! + offset, count) == 0
            }
        }
    }
}
