import HailuoCore
import TUIKit

extension Composer {
    /// The camera command list on the note row, while it is shown: `Camera:`, as many commands
    /// as fit around the chosen one (reversed), `+N more`, then its keys (`↑↓ Tab Esc`, when
    /// they fit; the help says what they do).
    func cameraListSpans(theme: Theme, width: Int) -> [Span]? {
        guard let list = shownCameraList else { return nil }
        let names = list.candidates.map(\.name)
        let label = [Span("Camera:", theme.dim)]
        let hint = [Span("  \(theme.glyphs.arrowUp)\(theme.glyphs.arrowDown) Tab Esc", theme.dim)]
        func run(_ range: Range<Int>) -> [Span] {
            var spans: [Span] = []
            if range.lowerBound > 0 { spans.append(Span(" +\(range.lowerBound)", theme.dim)) }
            for index in range {
                spans.append(Span(index == range.lowerBound && range.lowerBound == 0 ? " " : "  "))
                spans.append(Span(names[index], index == list.selected ? theme.chosenFocused : theme.text))
            }
            let left = names.count - range.upperBound
            if left > 0 { spans.append(Span(" +\(left) more", theme.dim)) }
            return spans
        }
        // The chosen command is always shown: start as early as lets it fit, then add what follows.
        var first = 0
        while first < list.selected, (label + run(first..<list.selected + 1) + hint).displayWidth > width {
            first += 1
        }
        var end = list.selected + 1
        while end < names.count, (label + run(first..<end + 1) + hint).displayWidth <= width { end += 1 }
        let shown = label + run(first..<end)
        return shown.displayWidth + hint.displayWidth <= width ? shown + hint : shown
    }

    /// The camera note in the prompt box's bottom border (when the prompt has no error): a
    /// warning in the warning colour, the optimizer's hint dimmed.
    func drawCameraNote(into canvas: inout Canvas, theme: Theme, box: Rect, reserve: Int) {
        guard let note = cameraNote else { return }
        let text = Formatting.oneLine(note.text)
        let spans =
            note.isWarning
            ? [Span(" ! \(theme.ascii(text)) ", theme.warning)]
            : [Span(" \(theme.ascii(text)) ", theme.dim)]
        Paint.borderText(
            spans, on: &canvas, rect: box, top: false, reserve: reserve, ellipsis: theme.glyphs.ellipsis)
    }
}
