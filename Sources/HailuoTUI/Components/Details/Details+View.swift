import Foundation
import HailuoCore
import TUIKit

extension Details {
    /// Width of the labels in the details pane (`First frame ` and the like).
    static let labelWidth = 12

    /// The pane for `entry` (the selected job, if any): everything known about it and the keys
    /// that apply. `downloads` are the table's downloads under way.
    func draw(
        _ entry: JobEntry?, into canvas: inout Canvas, theme: Theme, rect: Rect, now: Date, focused: Bool,
        downloads: [String: DownloadProgress], pictureRows: Int = 0
    ) {
        guard rect.width >= 4, rect.height >= 3 else { return }
        canvas.fill(rect)
        Paint.box(rect, on: &canvas, style: focused ? theme.focusedBorder : theme.border, glyphs: theme.glyphs)
        let whole = Self.content(of: rect)
        // The pictures (drawn by the root) take the top rows.
        let content = Rect(x: whole.x, y: whole.y + pictureRows, width: whole.width, height: whole.height - pictureRows)
        guard let entry else {
            Paint.borderText(
                [Span(" Details ", theme.title)], on: &canvas, rect: rect, top: true, ellipsis: theme.glyphs.ellipsis)
            Paint.centered(
                "No job selected", on: &canvas, rect: content, y: content.y, style: theme.dim,
                ellipsis: theme.glyphs.ellipsis)
            return
        }
        let job = entry.job
        let used = Paint.borderText(
            [Span(" Job \(Formatting.oneLine(job.id, limit: 16)) ", focused ? theme.focusedTitle : theme.title)],
            on: &canvas, rect: rect, top: true, ellipsis: theme.glyphs.ellipsis)
        Paint.borderText(
            [Span(" \(Formatting.oneLine(job.displayStatus, limit: 30)) ", theme.status(for: job))], on: &canvas,
            rect: rect, top: true, alignRight: true, reserve: used + 1, ellipsis: theme.glyphs.ellipsis)
        Paint.borderText(
            [Span(" Esc closes ", theme.dim)], on: &canvas, rect: rect, top: false, alignRight: true,
            ellipsis: theme.glyphs.ellipsis)
        guard content.height > 0, content.width > 0 else { return }
        let keys = Array(Self.keyRows(KeyMap.detailsHints(for: job), width: content.width, theme: theme).prefix(2))
        let bodyHeight = content.height - keys.count
        var lines = lines(
            entry, theme: theme, width: content.width, bodyHeight: bodyHeight, now: now, downloads: downloads)
        if lines.count > bodyHeight {
            lines = Array(lines.prefix(max(0, bodyHeight - 1)))
            if bodyHeight > 0 { lines.append([Span(theme.glyphs.ellipsis, theme.dim)]) }
        }
        for (offset, line) in lines.enumerated() {
            Paint.spans(
                line, on: &canvas, at: Point(x: content.x, y: content.y + offset), width: content.width,
                ellipsis: theme.glyphs.ellipsis)
        }
        for (offset, row) in keys.enumerated() {
            Paint.spans(
                row, on: &canvas, at: Point(x: content.x, y: content.maxY - keys.count + offset), width: content.width,
                ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// The pane's lines, top to bottom: the prompt, then one line per known fact.
    func lines(
        _ entry: JobEntry, theme: Theme, width: Int, bodyHeight: Int, now: Date, downloads: [String: DownloadProgress]
    ) -> [[Span]] {
        let job = entry.job
        let parameters = job.parameters
        let valueWidth = max(1, width - Self.labelWidth)
        var lines: [[Span]] = []

        var promptLines: [String] = []
        for paragraph in parameters.prompt.split(separator: "\n", omittingEmptySubsequences: false) {
            promptLines += TextLayout.wrap(Formatting.oneLine(String(paragraph), limit: 2000), width: width)
        }
        let promptRoom = max(2, bodyHeight / 2)
        if promptLines.count > promptRoom {
            promptLines = Array(promptLines.prefix(promptRoom))
            let last = promptLines[promptRoom - 1]
            promptLines[promptRoom - 1] =
                TextLayout.prefix(last, width: width - theme.glyphs.ellipsis.displayWidth) + theme.glyphs.ellipsis
        }
        lines += promptLines.map { [Span($0, theme.text.bolded)] }
        lines.append([])

        func row(_ label: String, _ value: [Span]) {
            lines.append([Span(TextLayout.pad(label, width: Self.labelWidth), theme.dim)] + value)
        }
        func row(_ label: String, _ value: String, _ style: Style = .plain) {
            row(label, [Span(value, style)])
        }
        func time(_ label: String, _ date: Date?) {
            if let date { row(label, Formatting.localTime(date)) }
        }
        let ellipsis = theme.glyphs.ellipsis
        let sep = " \(theme.separator) "

        row("Model", Formatting.oneLine(parameters.model.rawValue, limit: 60))
        let takesOptimizer = ModelCatalog.model(parameters.model)?.takesPromptOptimizer ?? true
        row(
            "Clip",
            "\(parameters.duration) s\(sep)\(parameters.resolution.rawValue)"
                + (takesOptimizer ? "\(sep)optimizer " + (parameters.promptOptimizer ? "on" : "off") : "")
                + (parameters.ratio.map { "\(sep)ratio \($0.rawValue)" } ?? ""))
        if let first = parameters.firstFrame {
            row(
                "First frame",
                Formatting.middleTruncate(Formatting.oneLine(first), width: valueWidth, ellipsis: ellipsis))
        }
        if let last = parameters.lastFrame {
            row(
                "Last frame", Formatting.middleTruncate(Formatting.oneLine(last), width: valueWidth, ellipsis: ellipsis)
            )
        }
        for kind in ReferenceKind.allCases {
            for (index, reference) in parameters.references(kind).enumerated() {
                let label =
                    index > 0 ? "" : (kind == .image ? "Ref. images" : kind == .video ? "Ref. videos" : "Ref. audio")
                row(
                    label,
                    Formatting.middleTruncate(Formatting.oneLine(reference), width: valueWidth, ellipsis: ellipsis))
            }
        }
        row(
            "Generation", job.generationID.map { Formatting.oneLine($0, limit: 120) } ?? "(none yet)",
            job.generationID == nil ? theme.dim : .plain)
        if let history = history, history.jobID == job.id, !history.events.isEmpty {
            // Each status the job reached, and when (the last few when there are many).
            let shownEvents = history.events.suffix(8)
            for (index, event) in shownEvents.enumerated() {
                let status = Formatting.oneLine(event.providerStatus ?? event.phase.rawValue, limit: 30)
                let label = index == 0 ? (history.events.count > shownEvents.count ? "History …" : "History") : ""
                var spans = [Span(Formatting.localTime(event.at) + "  "), Span(status, theme.status(for: event))]
                if let note = event.note, note != status {
                    spans.append(Span(" \(theme.separator) " + Formatting.oneLine(note, limit: 80), theme.dim))
                }
                row(label, spans)
            }
            time("Downloaded", job.downloadedAt)
        } else {
            time("Created", job.createdAt)
            time("Accepted", job.submittedAt)
            time("Finished", job.finishedAt)
            time("Downloaded", job.downloadedAt)
        }
        if let message = job.errorMessage {
            let wrapped = TextLayout.wrap(Formatting.oneLine(message, limit: 600), width: valueWidth)
            for (index, piece) in wrapped.prefix(4).enumerated() {
                row(index == 0 ? "Error" : "", piece, theme.error)
            }
        }
        if let requestID = job.errorRequestID { row("Request id", Formatting.oneLine(requestID, limit: 120)) }
        if let url = job.videoURL {
            row(
                "URL",
                Formatting.middleTruncate(Formatting.oneLine(url, limit: 2000), width: valueWidth, ellipsis: ellipsis))
            if let expires = job.videoURLExpiresAt {
                row("", Formatting.expiry(expires, now: now), expires > now ? theme.dim : theme.warning)
            }
        }
        if let path = job.filePath {
            row(
                "File",
                Formatting.middleTruncate(Formatting.oneLine(path, limit: 2000), width: valueWidth, ellipsis: ellipsis))
        }
        if let cost = Self.costLine(job) { row("Cost", cost.text, cost.estimated ? theme.dim : .plain) }
        if let progress = downloads[job.id] {
            row("Download", progressSpans(progress, theme: theme, width: valueWidth))
        }
        if job.phase == .unconfirmed {
            lines.append([])
            let note =
                job.settleState == .notFoundUpstream
                ? "The provider's answer was lost, and its request logs do not list the job: "
                    + "resending it should not pay twice."
                : "The provider's answer was lost: the job may exist upstream and may be billed. "
                    + "It is never resent on its own."
            lines += TextLayout.wrap(note, width: width).map { [Span($0, theme.status(for: job))] }
        }
        return lines
    }

    /// `[█████░░░░░] 42%  3.1 MiB of 7.4 MiB`.
    private func progressSpans(_ progress: DownloadProgress, theme: Theme, width: Int) -> [Span] {
        let (full, empty) = theme.barCells
        guard let fraction = progress.fraction, let total = progress.total else {
            return [Span("\(Formatting.bytes(progress.received)) so far", theme.ok)]
        }
        let percent = Int((fraction * 100).rounded(.down))
        let figures = " \(percent)%  \(Formatting.bytes(progress.received)) of \(Formatting.bytes(total))"
        let barWidth = max(0, min(20, width - figures.displayWidth - 2))
        guard barWidth >= 4 else { return [Span(figures.trimmingCharacters(in: .whitespaces), theme.ok)] }
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        return [
            Span("[", theme.dim), Span(String(repeating: full, count: filled), theme.ok),
            Span(String(repeating: empty, count: barWidth - filled), theme.dim), Span("]", theme.dim),
            Span(figures, theme.text),
        ]
    }

    /// Key hints laid out in rows of at most `width` columns, a hint never split across rows.
    static func keyRows(_ hints: [DetailsHint], width: Int, theme: Theme) -> [[Span]] {
        var rows: [[Span]] = []
        var row: [Span] = []
        for item in hints {
            let hint = [Span(item.keys, theme.key), Span(" \(item.words)", theme.dim)]
            let separator = Span(" \(theme.separator) ", theme.dim)
            if !row.isEmpty, row.displayWidth + separator.text.displayWidth + hint.displayWidth > width {
                rows.append(row)
                row = []
            }
            row += (row.isEmpty ? [] : [separator]) + hint
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    /// What the job cost: the provider's figure, else the estimate made when it was sent
    /// (failed and dismissed jobs are not charged), else nothing to say.
    static func costLine(_ job: Job) -> (text: String, estimated: Bool)? {
        if let cost = job.costUSD {
            if let estimate = job.estimatedUSD, abs(estimate - cost) >= 0.005 {
                return ("\(Formatting.usd(cost)) charged (estimated \(Formatting.usd(estimate)))", false)
            }
            return ("\(Formatting.usd(cost)) charged", false)
        }
        guard let estimate = job.estimatedUSD else { return nil }
        switch job.phase {
        case .failed, .dismissed: return ("nothing charged (estimated \(Formatting.usd(estimate)))", true)
        case .unconfirmed: return ("~\(Formatting.usd(estimate)) if the provider received it", true)
        case .waiting: return ("~\(Formatting.usd(estimate)) once it is sent (waiting for its turn)", true)
        default: return ("~\(Formatting.usd(estimate)) estimated; the provider's figure follows", true)
        }
    }
}
