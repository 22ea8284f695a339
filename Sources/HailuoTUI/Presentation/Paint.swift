import TUIKit

/// A piece of text in one style: lines of the screen are built from these.
struct Span: Sendable, Equatable {
    var text: String
    var style: Style

    init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension Array where Element == Span {
    /// Columns the spans take together.
    var displayWidth: Int { reduce(0) { $0 + $1.text.displayWidth } }
}

/// Small drawing helpers shared by the parts of the view.
enum Paint {
    /// Draws `spans` one after another from `point`, within `width` columns; a span that does not
    /// fit is cut with `ellipsis`. Returns the columns used.
    @discardableResult
    static func spans(
        _ spans: [Span], on canvas: inout Canvas, at point: Point, width: Int, ellipsis: String
    ) -> Int {
        var x = point.x
        let end = point.x + max(0, width)
        for span in spans {
            let room = end - x
            guard room > 0 else { break }
            var text = span.text
            if text.displayWidth > room { text = TextLayout.truncate(text, width: room, ellipsis: ellipsis) }
            x += canvas.draw(text, at: Point(x: x, y: point.y), style: span.style, maxWidth: room)
        }
        return x - point.x
    }

    /// Draws a frame around `rect` in `style`.
    static func box(_ rect: Rect, on canvas: inout Canvas, style: Style, glyphs: Glyphs) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = rect.width - 2
        let line = String(repeating: glyphs.horizontal, count: inner)
        canvas.draw(glyphs.topLeft + line + glyphs.topRight, at: Point(x: rect.x, y: rect.y), style: style)
        canvas.draw(glyphs.bottomLeft + line + glyphs.bottomRight, at: Point(x: rect.x, y: rect.maxY - 1), style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.draw(glyphs.vertical, at: Point(x: rect.x, y: y), style: style)
            canvas.draw(glyphs.vertical, at: Point(x: rect.maxX - 1, y: y), style: style)
        }
    }

    /// Draws `spans` into a border row of `rect` (`top` or bottom), after the corner and one
    /// line, or right-aligned before the last line and corner. Returns the columns used.
    @discardableResult
    static func borderText(
        _ spans: [Span], on canvas: inout Canvas, rect: Rect, top: Bool, alignRight: Bool = false, reserve: Int = 0,
        ellipsis: String
    ) -> Int {
        let y = top ? rect.y : rect.maxY - 1
        let room = rect.width - 4 - reserve
        guard room > 0, !spans.isEmpty else { return 0 }
        let width = min(room, spans.displayWidth)
        let x = alignRight ? rect.maxX - 2 - width : rect.x + 2
        return Paint.spans(spans, on: &canvas, at: Point(x: x, y: y), width: width, ellipsis: ellipsis)
    }

    /// Draws `text` centred on row `y` of `rect`, cut to its width.
    static func centered(_ text: String, on canvas: inout Canvas, rect: Rect, y: Int, style: Style, ellipsis: String) {
        let cut = TextLayout.truncate(text, width: rect.width, ellipsis: ellipsis)
        let x = rect.x + max(0, (rect.width - cut.displayWidth) / 2)
        canvas.draw(cut, at: Point(x: x, y: y), style: style, maxWidth: rect.width, clip: rect)
    }
}
