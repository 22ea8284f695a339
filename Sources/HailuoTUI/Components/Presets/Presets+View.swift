import HailuoCore
import TUIKit

extension Presets {
    /// The overlay: a small centred box with the name entry, the replace question or the list.
    func draw(into canvas: inout Canvas, theme: Theme, size: Size) {
        guard let mode else { return }
        let area = Rect(x: 0, y: 0, width: size.width, height: size.height - 1)
        let width = min(72, area.width - 4)
        guard width >= 24 else { return }
        let inner = width - 4
        switch mode {
        case .naming(let editor, _, let problem):
            let box = Self.box(width: width, height: 6, in: area)
            Self.frame(box, title: " Save as preset ", on: &canvas, theme: theme)
            let label = "Name: "
            canvas.draw(label, at: Point(x: box.x + 2, y: box.y + 1), style: theme.label)
            let field = Rect(x: box.x + 2 + label.count, y: box.y + 1, width: inner - label.count, height: 1)
            editor.render(
                into: &canvas, rect: field, style: theme.field, placeholder: "1-\(Preset.maximumNameLength) characters",
                focused: true)
            let cursor = canvas.cursor
            if let problem {
                canvas.draw(problem, at: Point(x: box.x + 2, y: box.y + 2), style: theme.error, maxWidth: inner)
            } else {
                canvas.draw(
                    "the prompt and the toggles are kept", at: Point(x: box.x + 2, y: box.y + 2), style: theme.dim,
                    maxWidth: inner)
            }
            Self.keys(
                [("Enter", "save"), ("Esc", "cancel")], on: &canvas, at: Point(x: box.x + 2, y: box.maxY - 2),
                width: inner, theme: theme)
            canvas.cursor = cursor
        case .saving(let preset):
            let box = Self.box(width: width, height: 3, in: area)
            Self.frame(box, title: " Save as preset ", on: &canvas, theme: theme)
            canvas.draw(
                theme.ascii("saving \(Self.shown(preset.name))…"), at: Point(x: box.x + 2, y: box.y + 1),
                style: theme.text,
                maxWidth: inner)
        case .replacing(let preset):
            let lines = TextLayout.wrap(
                "A preset \(Self.shown(preset.name)) exists. Replace it with the composer's prompt and parameters?",
                width: inner)
            let box = Self.box(width: width, height: lines.count + 4, in: area)
            Self.frame(box, title: " Replace preset ", on: &canvas, theme: theme, style: theme.warning.bolded)
            for (offset, line) in lines.enumerated() {
                canvas.draw(line, at: Point(x: box.x + 2, y: box.y + 1 + offset), style: theme.text, maxWidth: inner)
            }
            Self.keys(
                [("y", "yes"), ("n Esc", "no")], on: &canvas, at: Point(x: box.x + 2, y: box.maxY - 2),
                width: inner, theme: theme)
        case .list(let presets, let selected):
            let rows = max(1, min(presets?.count ?? 1, area.height - 6))
            let box = Self.box(width: width, height: rows + 4, in: area)
            Self.frame(box, title: " Presets ", on: &canvas, theme: theme)
            guard let presets else {
                canvas.draw(theme.ascii("reading presets…"), at: Point(x: box.x + 2, y: box.y + 1), style: theme.dim)
                return
            }
            let first = min(max(0, selected - rows + 1), max(0, presets.count - rows))
            let nameWidth = min(24, presets.map { Formatting.oneLine($0.name).displayWidth }.max() ?? 0)
            for (row, index) in (first..<min(presets.count, first + rows)).enumerated() {
                let preset = presets[index]
                let y = box.y + 1 + row
                let style = index == selected ? theme.selectedRow : theme.text
                canvas.fill(Rect(x: box.x + 1, y: y, width: width - 2, height: 1), style: style)
                let name = TextLayout.truncate(
                    Formatting.oneLine(preset.name), width: nameWidth, ellipsis: theme.glyphs.ellipsis)
                canvas.draw(name, at: Point(x: box.x + 2, y: y), style: style.bolded)
                let x = box.x + 2 + nameWidth + 2
                canvas.draw(
                    TextLayout.truncate(
                        preset.summary, width: max(0, box.maxX - 2 - x), ellipsis: theme.glyphs.ellipsis),
                    at: Point(x: x, y: y), style: style)
            }
            Self.keys(
                [("↑ ↓", "choose"), ("Enter", "load into the composer"), ("Esc", "close")], on: &canvas,
                at: Point(x: box.x + 2, y: box.maxY - 2), width: inner, theme: theme)
        }
    }

    private static func box(width: Int, height: Int, in area: Rect) -> Rect {
        let height = min(area.height, height)
        return Rect(x: (area.width - width) / 2, y: max(0, (area.height - height) / 2), width: width, height: height)
    }

    private static func frame(_ box: Rect, title: String, on canvas: inout Canvas, theme: Theme, style: Style? = nil) {
        canvas.fill(box)
        let style = style ?? theme.focusedBorder
        Paint.box(box, on: &canvas, style: style, glyphs: theme.glyphs)
        Paint.borderText(
            [Span(title, theme.focusedTitle)], on: &canvas, rect: box, top: true, ellipsis: theme.glyphs.ellipsis)
    }

    private static func keys(
        _ pairs: [(String, String)], on canvas: inout Canvas, at point: Point, width: Int, theme: Theme
    ) {
        var spans: [Span] = []
        for (index, (key, words)) in pairs.enumerated() {
            if index > 0 { spans.append(Span(" \(theme.separator) ", theme.dim)) }
            spans += [Span(theme.ascii(key), theme.key), Span(" \(words)", theme.text)]
        }
        Paint.spans(spans, on: &canvas, at: point, width: width, ellipsis: theme.glyphs.ellipsis)
    }
}
