import Foundation
import HailuoCore
import TUIKit

/// One column of the jobs table.
struct JobColumn: Sendable, Equatable {
    enum Kind: Int, Sendable, Hashable, CaseIterable {
        case id, status, elapsed, left, model, clip, cost, prompt, result
    }

    var kind: Kind
    var x: Int
    var width: Int

    /// The header label.
    var title: String {
        switch kind {
        case .id: "ID"
        case .status: "STATUS"
        case .elapsed: "ELAPSED"
        case .left: "LEFT"
        case .model: "MODEL"
        case .clip: "CLIP"
        case .cost: "COST"
        case .prompt: "PROMPT"
        case .result: "RESULT"
        }
    }

    var alignRight: Bool { kind == .elapsed || kind == .cost }

    /// Columns of the fixed-width kinds.
    static func fixedWidth(_ kind: Kind) -> Int? {
        switch kind {
        case .id: 8
        case .status: 13
        case .elapsed: 7
        case .left: 8
        case .model: 10
        case .clip: 9
        case .cost: 6
        case .prompt, .result: nil
        }
    }

    /// Columns left of the first column: the selection pointer and a space.
    static let markerWidth = 2
    /// The prompt is worth more than the model and clip columns up to this width…
    static let promptComfortable = 24
    /// …and more than elapsed and left only below this one.
    static let promptMinimum = 14
    static let resultMinimum = 18
    static let resultPreferred = 24
    /// Fixed columns in the order they are given up when the table is narrow.
    static let dropOrder: [Kind] = [.cost, .clip, .model, .left, .elapsed]

    /// The columns for a table `width` columns wide: the fixed ones that fit (cost, clip and model
    /// go before the prompt drops below 24 columns, left and elapsed before it drops below 14), then
    /// prompt and result sharing the rest, the prompt taking the larger part.
    static func plan(width: Int) -> [JobColumn] {
        var kinds: [Kind] = [.id, .status, .elapsed, .left, .model, .clip, .cost]
        func fixedTotal() -> Int { kinds.reduce(0) { $0 + (fixedWidth($1) ?? 0) + 1 } }
        for kind in dropOrder {
            let promptFloor = [.cost, .clip, .model].contains(kind) ? promptComfortable : promptMinimum
            guard markerWidth + fixedTotal() + promptFloor + 1 + resultMinimum > width else { break }
            kinds.removeAll { $0 == kind }
        }
        let flexible = max(0, width - markerWidth - fixedTotal())
        let result = min(
            resultPreferred, max(min(resultMinimum, max(0, flexible - 1 - promptMinimum)), flexible * 2 / 5))
        let prompt = max(0, flexible - 1 - result)
        var columns: [JobColumn] = []
        var x = markerWidth
        for kind in kinds {
            let columnWidth = fixedWidth(kind) ?? 0
            columns.append(JobColumn(kind: kind, x: x, width: columnWidth))
            x += columnWidth + 1
        }
        columns.append(JobColumn(kind: .prompt, x: x, width: prompt))
        x += prompt + 1
        columns.append(JobColumn(kind: .result, x: x, width: result))
        return columns
    }
}

extension JobColumn {
    /// `TextLayout.pad(text, width:alignRight:ellipsis:)`, with a fast path for printable ASCII (most
    /// cells: ids, statuses, times, file names), whose width is its byte count: every table cell is
    /// fitted on every frame, once a second while jobs run, and measuring grapheme by grapheme was
    /// most of the frame's cost.
    static func fit(_ text: String, width: Int, alignRight: Bool, ellipsis: String) -> String {
        let bytes = text.utf8
        guard width > 0, text.isPrintableASCII else {
            return TextLayout.pad(text, width: width, alignRight: alignRight, ellipsis: ellipsis)
        }
        var cut = text
        if bytes.count > width {
            let room = width - DisplayWidth.of(ellipsis)
            cut = room >= 0 ? String(text.prefix(room)) + ellipsis : String(text.prefix(width))
        }
        let gap = String(
            repeating: " ", count: max(0, width - (bytes.count > width ? DisplayWidth.of(cut) : bytes.count)))
        return alignRight ? gap + cut : cut + gap
    }
}

/// A table row's cells by column: one slot per column kind, so drawing a row looks its cells up
/// without hashing.
struct RowCells: Sendable, Equatable {
    private var spans = [Span?](repeating: nil, count: JobColumn.Kind.allCases.count)

    subscript(kind: JobColumn.Kind) -> Span? {
        get { spans[kind.rawValue] }
        set { spans[kind.rawValue] = newValue }
    }
}
