import Foundation
import Synchronization
import TUIKit

extension StatusBar {
    /// The first-run hint shown in demo mode while the store is empty.
    static let firstRunHint = "DEMO, nothing is billed: write a prompt, Ctrl-S submits, a clip takes ~40 s"

    /// The line above the status bar: the filter being typed, else a flash message, else the
    /// first-run hint, else the keys of the focused part.
    /// `filter` is the table's filter while it is typed; `firstRun` shows the demo hint.
    func drawHints(
        into canvas: inout Canvas, theme: Theme, rect: Rect, focus: Focus, filter: TextEditor?, matches: Int,
        firstRun: Bool, active: Bool
    ) {
        guard !rect.isEmpty else { return }
        let origin = Point(x: rect.x + 1, y: rect.y)
        let width = rect.width - 2
        let ellipsis = theme.glyphs.ellipsis
        // The filter being typed wins over a message: its text and cursor must stay visible.
        if let filter {
            drawFilter(filter, matches: matches, into: &canvas, theme: theme, rect: rect, active: active)
            return
        }
        if let flash {
            let text = theme.ascii(Formatting.oneLine(flash.text))
            let spans =
                flash.kind == .error
                ? [Span("\(theme.glyphs.cross) ", theme.error.bolded), Span(text, theme.error)]
                : [Span(text, theme.text)]
            Paint.spans(spans, on: &canvas, at: origin, width: width, ellipsis: ellipsis)
            return
        }
        if firstRun {
            Paint.spans(
                [Span(theme.ascii(Self.firstRunHint), theme.warning)], on: &canvas, at: origin, width: width,
                ellipsis: ellipsis)
            return
        }
        let hints = Self.fittedHints(for: focus, theme: theme, width: width)
        Paint.spans([Span(hints, theme.dim)], on: &canvas, at: origin, width: width, ellipsis: ellipsis)
    }

    /// The hint line of `focus` cut to `width` columns: the same few answers every frame, so each
    /// is worked out once.
    static func fittedHints(for focus: Focus, theme: Theme, width: Int) -> String {
        let key = HintKey(
            focus: focus, unicode: theme.unicode, separator: theme.separator, ellipsis: theme.glyphs.ellipsis,
            width: width)
        if let known = fittedHintLines.withLock({ $0[key] }) { return known }
        let hints = fitItems(
            theme.ascii(KeyMap.hintLine(for: focus)), separator: " \(theme.separator) ", width: width,
            ellipsis: theme.glyphs.ellipsis)
        fittedHintLines.withLock { $0[key] = hints }
        return hints
    }

    private struct HintKey: Hashable {
        var focus: Focus
        var unicode: Bool
        var separator: String
        var ellipsis: String
        var width: Int
    }

    private static let fittedHintLines = Mutex<[HintKey: String]>([:])

    /// `text`'s items (split at `separator`) that fit in `width` columns, whole ones only.
    static func fitItems(_ text: String, separator: String, width: Int, ellipsis: String) -> String {
        var fitted = ""
        for item in text.split(separator: separator, omittingEmptySubsequences: false) {
            let next = fitted.isEmpty ? String(item) : fitted + separator + item
            if next.displayWidth > width { break }
            fitted = next
        }
        return fitted.isEmpty ? TextLayout.truncate(text, width: width, ellipsis: ellipsis) : fitted
    }

    /// `Filter: text▏   Enter keeps · Esc clears · 3 match`.
    private func drawFilter(
        _ filter: TextEditor, matches: Int, into canvas: inout Canvas, theme: Theme, rect: Rect, active: Bool
    ) {
        let label = "Filter /"
        canvas.draw(label, at: Point(x: rect.x + 1, y: rect.y), style: theme.focusedLabel)
        let help = theme.ascii(" Enter keeps · Esc clears · \(matches) match ")
        let helpWidth = rect.width >= 60 ? help.displayWidth : 0
        let editorX = rect.x + 1 + label.displayWidth + 1
        let editorRect = Rect(x: editorX, y: rect.y, width: max(1, rect.maxX - editorX - helpWidth - 1), height: 1)
        filter.render(
            into: &canvas, rect: editorRect, style: theme.field, placeholder: "id, prompt, model, status or file",
            placeholderStyle: theme.field.dimmed, focused: active)
        if helpWidth > 0 {
            canvas.draw(help, at: Point(x: rect.maxX - helpWidth, y: rect.y), style: theme.dim)
        }
    }
}
