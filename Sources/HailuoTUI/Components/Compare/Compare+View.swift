import Foundation
import HailuoCore
import TUIKit

/// Where each result of the compare view goes: its cell, its picture's place, and the job.
struct CompareCell: Sendable, Equatable {
    var entry: JobEntry
    var index: Int
    var rect: Rect
    var picture: PlacedPicture
}

extension Compare {
    /// The overlay's box: the screen above the status bar, two columns and a row in.
    static func box(size: Size) -> Rect {
        Rect(x: 2, y: 1, width: max(0, size.width - 4), height: max(0, size.height - 3))
    }

    /// Rows under each picture: id and mark, status, clip and cost.
    static let captionRows = 3

    /// The cells on screen for `entries`: as many side by side as fit (at least 18 columns
    /// each), scrolled so the chosen one shows; each picture at 16:9 in its cell.
    func cells(_ entries: [JobEntry], size: Size, pictures: Pictures) -> [CompareCell] {
        let box = Self.box(size: size)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 3)
        guard !entries.isEmpty, inner.width >= 18, inner.height >= Self.captionRows + 3 else { return [] }
        let gap = 2
        let fit = max(1, (inner.width + gap) / (18 + gap))
        let shown = min(entries.count, fit)
        let width = (inner.width - gap * (shown - 1)) / shown
        let pictureRows = min(
            inner.height - Self.captionRows - 1, max(3, PictureGeometry.rows(columns: width, pixelSize: nil)))
        let first = min(max(0, index - shown + 1), max(0, entries.count - shown))
        return (first..<(first + shown)).map { position in
            let entry = entries[position]
            let x = inner.x + (position - first) * (width + gap)
            let rect = Rect(x: x, y: inner.y, width: width, height: pictureRows + Self.captionRows + 1)
            let area = Rect(x: x, y: inner.y, width: width, height: pictureRows)
            return CompareCell(
                entry: entry, index: position, rect: rect,
                picture: Self.picture(entry.job, in: area, pictures: pictures))
        }
    }

    /// A downloaded clip's middle frame; otherwise words for where the job is.
    private static func picture(_ job: Job, in area: Rect, pictures: Pictures) -> PlacedPicture {
        if let video = job.filePath {
            let request = pictures.request(.clipMiddle(video: video), box: Size(width: area.width, height: area.height))
            return PlacedPicture(rect: area, content: .picture(request))
        }
        let words: String
        switch job.phase {
        case .waiting: words = "waiting for its turn"
        case .submitting, .pending: words = "generating"
        case .completed: words = "not downloaded yet (d in the table)"
        case .failed: words = "failed: " + (job.errorMessage ?? "no reason given")
        case .unconfirmed: words = "unconfirmed: the answer was lost"
        case .dismissed: words = "dismissed"
        }
        return PlacedPicture(rect: area, content: .note(words))
    }

    /// The overlay: its box, each result's picture (drawn by `drawPicture`) and captions, the
    /// chosen one marked, and the keys.
    func draw(
        _ entries: [JobEntry], name: String, into canvas: inout Canvas, theme: Theme, size: Size, pictures: Pictures
    ) {
        let cells = self.cells(entries, size: size, pictures: pictures)
        var box = Self.box(size: size)
        guard box.width >= 24, box.height >= 8 else { return }
        // As tall as the results need: their cells, a blank row, the keys, the border.
        if let bottom = cells.map(\.rect.maxY).max() { box.height = min(box.height, bottom - box.y + 3) }
        canvas.fill(box)
        Paint.box(box, on: &canvas, style: theme.focusedBorder, glyphs: theme.glyphs)
        Paint.borderText(
            [Span(" Compare \(Formatting.oneLine(name, limit: 60)) ", theme.focusedTitle)], on: &canvas, rect: box,
            top: true, ellipsis: theme.glyphs.ellipsis)
        Paint.borderText(
            [Span(" \(min(index + 1, entries.count))/\(entries.count) ", theme.dim)], on: &canvas, rect: box, top: true,
            alignRight: true, ellipsis: theme.glyphs.ellipsis)
        let sep = " \(theme.separator) "
        for cell in cells {
            pictures.draw(cell.picture, into: &canvas, theme: theme)
            let job = cell.entry.job
            let chosen = cell.index == index
            let top = cell.picture.rect.maxY + 1
            let mark = chosen ? theme.glyphs.pointer + " " : "  "
            let star = job.favourite ? " " + theme.glyphs.star : ""
            canvas.draw(
                mark + job.id + star, at: Point(x: cell.rect.x, y: top), style: chosen ? theme.key.bolded : theme.label,
                maxWidth: cell.rect.width)
            canvas.draw(
                "  " + Formatting.oneLine(job.displayStatus, limit: 30), at: Point(x: cell.rect.x, y: top + 1),
                style: theme.status(for: job), maxWidth: cell.rect.width)
            let seconds =
                pictures.clipFacts(for: cell.picture).map { String(format: "%.1f s", $0.durationSeconds) }
                ?? "\(job.parameters.duration) s"
            let cost = Formatting.cost(of: job)
            canvas.draw(
                "  " + seconds + (cost.isEmpty ? "" : sep + cost), at: Point(x: cell.rect.x, y: top + 2),
                style: theme.dim, maxWidth: cell.rect.width)
        }
        let keys = [
            Span(theme.ascii("← →"), theme.key), Span(" choose", theme.dim), Span(sep, theme.dim),
            Span("Enter", theme.key), Span(" details", theme.dim), Span(sep, theme.dim), Span("*", theme.key),
            Span(" favourite", theme.dim), Span(sep, theme.dim), Span("Esc", theme.key), Span(" closes", theme.dim),
        ]
        Paint.spans(
            keys, on: &canvas, at: Point(x: box.x + 2, y: box.maxY - 2), width: box.width - 4,
            ellipsis: theme.glyphs.ellipsis)
    }
}

extension Pictures {
    /// The clip facts a placed picture came back with, if any.
    func clipFacts(for placed: PlacedPicture) -> ClipInfo? {
        guard let request = placed.request, case .ready(.pictures(_, let clip))? = state(of: request) else {
            return nil
        }
        return clip
    }
}
