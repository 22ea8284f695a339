import Foundation
import TUIKit

/// One line of the help: a binding's keys and what they do.
struct KeyHint: Sendable, Equatable {
    var keys: String
    var action: String
}

extension Help {
    /// The help's sections, in the key map's order.
    static let sections: [(title: String, hints: [KeyHint])] = KeySection.allCases.map { section in
        (section.rawValue, KeyMap.bindings(in: section).map { KeyHint(keys: $0.keys, action: $0.summary) })
    }

    /// The sections with the focused part's first, so a small window shows what applies now.
    static func sections(focusedFirst focus: Focus) -> [(title: String, hints: [KeyHint])] {
        let focusedTitle = KeySection.focused(focus).rawValue
        return sections.filter { $0.title == focusedTitle } + sections.filter { $0.title != focusedTitle }
    }

    /// Where the help goes and what it holds at a size.
    struct Geometry {
        var box: Rect
        var columns: [[[Span]]]
        var columnWidth: Int
        var innerHeight: Int
        var gap: Int

        /// How far the help can scroll.
        var maxScroll: Int { max(0, (columns.map(\.count).max() ?? 0) - innerHeight) }
    }

    /// Inner width from which the help shows two columns.
    static let twoColumnWidth = 100

    /// The help box and its columns: two columns when wide enough, else one with the focused
    /// part's keys first. `nil` when the window is too small for any help.
    static func geometry(size: Size, focus: Focus, theme: Theme) -> Geometry? {
        // Everything above the status bar is available.
        let area = Rect(x: 0, y: 0, width: size.width, height: size.height - 1)
        let marginX = area.width >= 90 ? 4 : 0
        let marginY = area.height >= 30 ? 1 : 0
        let maxWidth = area.width - 2 * marginX
        let maxHeight = area.height - 2 * marginY
        guard maxWidth >= 20, maxHeight >= 5 else { return nil }
        let innerMax = maxWidth - 4
        let twoColumns = innerMax >= twoColumnWidth
        let gap = 3
        let columnWidth = twoColumns ? (innerMax - gap) / 2 : min(innerMax, helpNaturalWidth(theme: theme))
        let columns: [[[Span]]]
        if twoColumns {
            // Sections keep the catalogue's order across the two columns, split where they balance.
            columns = splitHelp(sections, theme: theme, width: columnWidth)
        } else {
            columns = [helpColumn(sections(focusedFirst: focus)[...], theme: theme, width: columnWidth)]
        }
        let contentHeight = columns.map(\.count).max() ?? 0
        let innerHeight = min(maxHeight - 2, contentHeight)
        let innerWidth = twoColumns ? innerMax : columnWidth
        let box = Rect(
            x: area.x + (area.width - innerWidth - 4) / 2, y: area.y + (area.height - innerHeight - 2) / 2,
            width: innerWidth + 4, height: innerHeight + 2)
        return Geometry(box: box, columns: columns, columnWidth: columnWidth, innerHeight: innerHeight, gap: gap)
    }

    /// A centred box with every key, by part, scrolled by ``scroll`` when it does not fit.
    func draw(into canvas: inout Canvas, theme: Theme, size: Size, focus: Focus) {
        guard let geometry = Self.geometry(size: size, focus: focus, theme: theme) else { return }
        let box = geometry.box
        let scroll = min(max(0, self.scroll), geometry.maxScroll)
        canvas.fill(box)
        Paint.box(box, on: &canvas, style: theme.focusedBorder, glyphs: theme.glyphs)
        Paint.borderText(
            [Span(" Keys ", theme.focusedTitle)], on: &canvas, rect: box, top: true, ellipsis: theme.glyphs.ellipsis)
        let closing = geometry.maxScroll > 0 ? " ↑↓ scroll · Esc closes " : " Esc closes "
        Paint.borderText(
            [Span(theme.ascii(closing), theme.dim)], on: &canvas, rect: box, top: false, alignRight: true,
            ellipsis: theme.glyphs.ellipsis)
        for (index, column) in geometry.columns.enumerated() {
            let x = box.x + 2 + index * (geometry.columnWidth + geometry.gap)
            let lines = Array(column.dropFirst(scroll).prefix(geometry.innerHeight))
            for (offset, line) in lines.enumerated() {
                Paint.spans(
                    line, on: &canvas, at: Point(x: x, y: box.y + 1 + offset), width: geometry.columnWidth,
                    ellipsis: theme.glyphs.ellipsis)
            }
        }
        if geometry.maxScroll > 0 {
            let up = scroll == 0 ? "" : theme.glyphs.arrowUp
            let down = scroll < geometry.maxScroll ? theme.glyphs.arrowDown : ""
            let position = " \(up)\(down) more "
            Paint.borderText(
                [Span(position, theme.dim)], on: &canvas, rect: box, top: true, alignRight: true,
                ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// One section: its title, then each hint with its keys and action wrapped side by side.
    private static func helpBlock(_ title: String, _ hints: [KeyHint], theme: Theme, keyWidth: Int, width: Int)
        -> [[Span]]
    {
        var lines: [[Span]] = [[Span(title, theme.focusedTitle)]]
        let actionWidth = max(1, width - keyWidth - 2)
        for hint in hints {
            let keys = TextLayout.wrap(theme.ascii(hint.keys), width: keyWidth)
            let action = TextLayout.wrap(theme.ascii(hint.action), width: actionWidth)
            for row in 0..<max(keys.count, action.count) {
                let keyText = row < keys.count ? keys[row] : ""
                let actionText = row < action.count ? action[row] : ""
                lines.append([
                    Span(TextLayout.pad(keyText, width: keyWidth, ellipsis: theme.glyphs.ellipsis), theme.key),
                    Span("  "),
                    Span(actionText, theme.text),
                ])
            }
        }
        return lines
    }

    /// Two columns from the sections, split where the taller column is shortest.
    private static func splitHelp(_ sections: [(title: String, hints: [KeyHint])], theme: Theme, width: Int)
        -> [[[Span]]]
    {
        let keyWidths = helpKeyWidthCandidates(theme: theme, width: width)
        // Rows of each section at each keys width, measured once.
        let heights = sections.map { section in
            keyWidths.map { helpBlockHeight(section.hints, theme: theme, keyWidth: $0, width: width) }
        }
        func columnHeight(_ range: Range<Int>) -> (height: Int, keyWidth: Int) {
            var best = (height: Int.max, keyWidth: keyWidths[0])
            for (index, keyWidth) in keyWidths.enumerated() {
                let height = range.reduce(0) { $0 + heights[$1][index] } + max(0, range.count - 1)
                if height < best.height { best = (height, keyWidth) }
            }
            return best
        }
        var bestSplit = 1
        var bestHeight = Int.max
        for split in 1..<max(2, sections.count) {
            let height = max(columnHeight(0..<split).height, columnHeight(split..<sections.count).height)
            if height < bestHeight {
                bestHeight = height
                bestSplit = split
            }
        }
        // Each column takes the widest keys column that keeps it no taller than the taller one:
        // keys stay on one line wherever the room is there.
        func widestFitting(_ range: Range<Int>) -> Int {
            for (index, keyWidth) in keyWidths.enumerated()
            where range.reduce(0, { $0 + heights[$1][index] }) + max(0, range.count - 1) <= bestHeight {
                return keyWidth
            }
            return columnHeight(range).keyWidth
        }
        let left = widestFitting(0..<bestSplit)
        let right = widestFitting(bestSplit..<sections.count)
        return [
            helpColumn(sections[..<bestSplit], theme: theme, width: width, keyWidth: left),
            helpColumn(sections[bestSplit...], theme: theme, width: width, keyWidth: right),
        ]
    }

    /// Sections stacked with a blank line between them; the keys column as wide as makes the
    /// column shortest unless `keyWidth` is given.
    private static func helpColumn(
        _ sections: ArraySlice<(title: String, hints: [KeyHint])>, theme: Theme, width: Int, keyWidth: Int? = nil
    ) -> [[Span]] {
        let chosen =
            keyWidth
            ?? helpKeyWidthCandidates(theme: theme, width: width).map { candidate in
                (
                    candidate,
                    sections.reduce(0) {
                        $0 + helpBlockHeight($1.hints, theme: theme, keyWidth: candidate, width: width)
                    }
                )
            }.min { $0.1 < $1.1 }?.0 ?? 10
        return sections.enumerated().flatMap { index, section in
            (index == 0 ? [] : [[]])
                + helpBlock(section.title, section.hints, theme: theme, keyWidth: chosen, width: width)
        }
    }

    /// Keys-column widths worth trying, widest first: each binding's keys width (so a column can
    /// keep its longest keys on one line), and narrower ones down to 10.
    private static func helpKeyWidthCandidates(theme: Theme, width: Int) -> [Int] {
        let widest = min(helpKeyWidth(theme: theme), max(10, width / 2))
        let natural = sections.flatMap(\.hints).map { theme.ascii($0.keys).displayWidth }
        return Set(natural + [24, 20, 16, 13, 10]).filter { $0 <= widest && $0 >= 10 }.sorted(by: >)
    }

    /// Rows a section takes (title included) at a keys width.
    private static func helpBlockHeight(_ hints: [KeyHint], theme: Theme, keyWidth: Int, width: Int) -> Int {
        let actionWidth = max(1, width - keyWidth - 2)
        return 1
            + hints.reduce(0) { total, hint in
                total
                    + max(
                        TextLayout.wrap(theme.ascii(hint.keys), width: keyWidth).count,
                        TextLayout.wrap(theme.ascii(hint.action), width: actionWidth).count)
            }
    }

    /// The widest keys column.
    private static func helpKeyWidth(theme: Theme) -> Int {
        sections.flatMap(\.hints).map { theme.ascii($0.keys).displayWidth }.max() ?? 10
    }

    /// Width of one column that needs no wrapping.
    private static func helpNaturalWidth(theme: Theme) -> Int {
        let actions = sections.flatMap(\.hints).map { theme.ascii($0.action).displayWidth }.max() ?? 20
        return helpKeyWidth(theme: theme) + 2 + actions
    }
}
