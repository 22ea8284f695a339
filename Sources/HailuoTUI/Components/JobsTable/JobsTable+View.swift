import Foundation
import HailuoCore
import TUIKit

/// What the clock moves on one job's line: a tick redraws the line only when this changed.
struct RowClock: Sendable, Equatable {
    var id: String
    var member: Bool
    var mark: String
    var elapsed: String
    var left: String
    var result: Span
}

/// One table row as drawn: a job's cells, built only for rows on screen.
struct JobsTableRow: Sendable, Equatable {
    var id: String
    var cells: RowCells
    /// Hidden jobs (shown with `H`) are drawn dim.
    var dimmed: Bool
    /// What the clock moves on a job's line (`nil` on a group's): kept for the ticks that follow.
    var clock: RowClock? = nil
}

extension JobsTable {
    /// The range of ``rows`` on screen for a table of `rows` rows.
    func visibleJobRange(rows count: Int) -> Range<Int> {
        let total = rows.count
        guard count > 0, total > 0 else { return 0..<0 }
        let start = max(0, min(top, total - count))
        return start..<min(total, start + count)
    }

    /// The rows on screen, built from their jobs and groups (and nothing else).
    func visibleJobRows(rows count: Int, theme: Theme, now: Date) -> [JobsTableRow] {
        visibleJobRange(rows: count).compactMap { index in
            switch rows[index] {
            case .job(let id):
                entries[id].map { jobRow($0, theme: theme, now: now, selected: id == selectedID) }
            case .member(let id):
                entries[id].map { jobRow($0, theme: theme, now: now, member: true, selected: id == selectedID) }
            case .group(let id): groupRow(id, theme: theme)
            }
        }
    }

    /// The cells of one job's row.
    ///
    /// While idle only the selected row ticks (its spinner and its elapsed seconds); other running
    /// rows show a still mark and whole minutes, so an idle screen costs a few bytes a second.
    func jobRow(_ entry: JobEntry, theme: Theme, now: Date, member: Bool = false, selected: Bool = false)
        -> JobsTableRow
    {
        let job = entry.job
        let statusStyle = theme.status(for: job)
        let clock = rowClock(entry, theme: theme, now: now, member: member, selected: selected)
        var cells = RowCells()
        cells[.id] = Span(Formatting.oneLine(job.id, limit: 16), theme.text)
        cells[.status] = Span(clock.mark + " " + Formatting.oneLine(job.displayStatus, limit: 40), statusStyle)
        cells[.elapsed] = Span(clock.elapsed, theme.text)
        cells[.left] = Span(clock.left, theme.dim)
        cells[.model] = Span(
            Formatting.shortModel(Formatting.oneLine(job.parameters.model.rawValue, limit: 40)), theme.text)
        cells[.clip] = Span(Formatting.clip(job.parameters), theme.text)
        cells[.cost] = Span(Formatting.cost(of: job), job.costUSD == nil ? theme.dim : theme.text)
        let marks = (member ? theme.glyphs.branch + " " : "") + (job.favourite ? theme.glyphs.star + " " : "")
        cells[.prompt] = Span(marks + Formatting.oneLine(job.parameters.prompt, limit: 300), theme.text)
        cells[.result] = clock.result
        return JobsTableRow(id: job.id, cells: cells, dimmed: job.hidden, clock: clock)
    }

    /// The cells of a group's row: open or closed, progress, cost, name and what keys do.
    func groupRow(_ groupID: String, theme: Theme) -> JobsTableRow {
        let progress = self.progress(of: groupID)
        let open = expandedGroups.contains(groupID)
        var cells = RowCells()
        cells[.id] = Span(Formatting.oneLine(groupID, limit: 16), theme.label.bolded)
        let status = "\(open ? theme.glyphs.arrowDown : theme.glyphs.arrowRight) \(progress.done)/\(progress.jobs) done"
        cells[.status] = Span(status, progress.failed > 0 ? theme.warning.bolded : theme.label.bolded)
        cells[.model] = Span(progress.model.map(Formatting.shortModel) ?? "several", theme.text)
        cells[.clip] = Span(groups[groupID]?.kind == .batch ? "batch" : "variants", theme.dim)
        cells[.cost] = Span(
            (progress.costKnown ? "" : "~") + PriceQuote.dollars(progress.costUSD),
            progress.costKnown ? theme.text : theme.dim)
        cells[.prompt] = Span(Formatting.oneLine(groupName(groupID), limit: 300), theme.text.bolded)
        var parts: [String] = []
        if progress.failed > 0 { parts.append("\(progress.failed) failed") }
        if progress.running > 0 { parts.append("\(progress.running) running") }
        if progress.waiting > 0 { parts.append("\(progress.waiting) waiting") }
        parts.append(open ? "Enter closes" : "Enter opens")
        parts.append("C compares")
        cells[.result] = Span(parts.joined(separator: ", "), progress.failed > 0 ? theme.warning : theme.dim)
        return JobsTableRow(id: "group:" + groupID, cells: cells, dimmed: false)
    }

    /// The spinner's frame now (`ticking`: the selected row), or the phase's mark.
    private func statusSymbol(_ job: Job, theme: Theme, now: Date, ticking: Bool) -> String {
        let glyphs = theme.glyphs
        func single(_ glyph: String, or fallback: String) -> String { glyph.displayWidth == 1 ? glyph : fallback }
        switch job.phase {
        case .submitting, .pending:
            guard ticking else { return single(glyphs.bullet, or: "*") }
            guard !glyphs.spinner.isEmpty else { return " " }
            return theme.spinnerFrame(at: now) ?? "*"
        case .completed: return single(glyphs.check, or: "+")
        case .failed: return single(glyphs.cross, or: "x")
        case .unconfirmed: return "?"
        case .waiting, .dismissed: return " "
        }
    }

    /// Time since acceptance while running (to the second when `seconds`, else in whole minutes);
    /// how long it took once finished.
    static func elapsedText(_ job: Job, now: Date, seconds: Bool = true) -> String {
        let start = job.submittedAt ?? job.createdAt
        switch job.phase {
        case .submitting, .pending:
            let elapsed = now.timeIntervalSince(start)
            return seconds ? Formatting.elapsed(elapsed) : Formatting.elapsedMinutes(elapsed)
        case .completed, .failed:
            guard let finished = job.finishedAt else { return "" }
            return Formatting.elapsed(finished.timeIntervalSince(start))
        case .waiting, .unconfirmed, .dismissed: return ""
        }
    }

    /// Expected time left for a running job with a known window.
    static func leftText(_ entry: JobEntry, now: Date) -> String {
        guard let expected = entry.expected else { return "" }
        switch entry.job.phase {
        case .pending:
            let since = now.timeIntervalSince(entry.job.submittedAt ?? entry.job.createdAt)
            return Formatting.remaining(expected: expected, elapsed: since)
        case .submitting: return Formatting.remaining(expected: expected, elapsed: 0)
        default: return ""
        }
    }

    /// The result column: download progress, file, link state, error, or what to do.
    func resultSpan(_ job: Job, theme: Theme, now: Date) -> Span {
        if let progress = downloads[job.id] {
            let arrow = theme.glyphs.arrowDown
            if let fraction = progress.fraction {
                return Span(
                    "\(arrow) \(Int((fraction * 100).rounded(.down)))% of \(Formatting.bytes(progress.total ?? 0))",
                    theme.ok)
            }
            return Span("\(arrow) \(Formatting.bytes(progress.received))", theme.ok)
        }
        switch job.phase {
        case .completed:
            if let path = job.filePath {
                return Span(Formatting.oneLine(Formatting.fileName(path), limit: 200), theme.text)
            }
            if let expires = job.videoURLExpiresAt {
                return expires > now
                    ? Span(Formatting.expiry(expires, now: now), theme.dim)
                    : Span("link expired", theme.warning)
            }
            return Span(job.videoURL == nil ? "no link" : "link ready (d)", theme.dim)
        case .failed:
            return Span(Formatting.oneLine(job.errorMessage ?? "failed, no reason given", limit: 200), theme.error)
        case .unconfirmed:
            if job.settleState == .notFoundUpstream { return Span("not upstream: R/D", theme.status(for: job)) }
            return Span("may be billed: R/D", theme.status(for: job))
        case .submitting:
            return Span(theme.ascii("sending…"), theme.dim)
        case .dismissed:
            return Span("not resent", theme.dim)
        case .waiting:
            return Span("waiting for its turn", theme.dim)
        case .pending:
            return Span("", theme.text)
        }
    }

    // MARK: Drawing

    /// The table with its header into `rect`; the selected row is a bar while `focused`. With
    /// `overLastFrame` the canvas holds the memo's last frame, and only the lines that moved are
    /// drawn. With a `memo`, a row drawn the same way last frame is copied
    /// from it instead of drawn again (on a tick only the rows whose times moved are drawn).
    func draw(
        into canvas: inout Canvas, theme: Theme, rect: Rect, now: Date, focused: Bool,
        memo: ViewMemo? = nil, overLastFrame: Bool = false
    ) {
        guard rect.height > 0, rect.width > 0 else { return }
        // One column is kept free at the right, so the table never touches what is beside it.
        let columns = JobColumn.plan(width: rect.width - 1)
        let badges = tableBadges(theme: theme, rows: rect.height - 1)
        let headerKey = ViewMemo.RowKey(
            content: .header(badges: badges), columns: columns, rect: rect, y: rect.y, focused: focused)
        if let memo, let cells = memo.rowCells(headerKey) {
            if !overLastFrame { canvas.paste(cells, row: rect.y, at: rect.x) }
        } else {
            drawTableHeader(into: &canvas, theme: theme, rect: rect, columns: columns, badges: badges)
            memo?.keepRow(headerKey, cells: canvas.cells(row: rect.y, from: rect.x, width: rect.width))
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        if overLastFrame, let memo {
            drawClockMoves(
                into: &canvas, theme: theme, rect: rect, body: body, columns: columns, now: now, focused: focused,
                memo: memo)
            return
        }
        let rows = visibleJobRows(rows: body.height, theme: theme, now: now)
        if rows.isEmpty {
            drawEmptyTable(into: &canvas, theme: theme, body: body)
            return
        }
        for (offset, row) in rows.enumerated() {
            let y = body.y + offset
            let selected = row.id == selectedID || (selectedGroupID.map { "group:" + $0 } == row.id)
            let key = ViewMemo.RowKey(
                content: .row(row, selected: selected), columns: columns, rect: rect, y: y, focused: focused)
            if let memo, let cells = memo.rowCells(key) {
                // Over the last frame the line is already there; else it is copied in.
                if !overLastFrame { canvas.paste(cells, row: y, at: rect.x) }
                continue
            }
            // Over the last frame, the line is blanked first, as a fresh frame has it.
            if overLastFrame { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1)) }
            drawRow(
                row, into: &canvas, theme: theme, rect: rect, y: y, columns: columns, selected: selected,
                focused: focused)
            memo?.keepRow(key, cells: canvas.cells(row: y, from: rect.x, width: rect.width))
        }
        // What the clock shows on each job line, for the ticks that follow.
        if let memo {
            for (offset, row) in rows.enumerated() { memo.keepClock(row.clock, y: body.y + offset) }
        }
    }

    /// A clock tick over the last frame, whose lines show the same jobs in the same order and
    /// selection (the model differs only in its clock): a line is drawn again only when what the
    /// clock moves on it (its status mark, elapsed and left times, result) changed. Group lines do
    /// not move with the clock.
    private func drawClockMoves(
        into canvas: inout Canvas, theme: Theme, rect: Rect, body: Rect, columns: [JobColumn], now: Date,
        focused: Bool, memo: ViewMemo
    ) {
        for (offset, line) in clockLines(rows: body.height, theme: theme, now: now).enumerated() {
            let y = body.y + offset
            guard let line, memo.clock(y: y) != line else { continue }
            guard let entry = entries[line.id] else { continue }
            let selected = line.id == selectedID
            let row = jobRow(entry, theme: theme, now: now, member: line.member, selected: selected)
            canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1))
            drawRow(
                row, into: &canvas, theme: theme, rect: rect, y: y, columns: columns, selected: selected,
                focused: focused)
            memo.keepRow(
                ViewMemo.RowKey(
                    content: .row(row, selected: selected), columns: columns, rect: rect, y: y, focused: focused),
                cells: canvas.cells(row: y, from: rect.x, width: rect.width))
            memo.keepClock(line, y: y)
        }
    }

    /// What the clock moves on each line on screen, in the order ``visibleJobRows(rows:theme:now:)``
    /// draws them: `nil` for a group's line.
    private func clockLines(rows count: Int, theme: Theme, now: Date) -> [RowClock?] {
        visibleJobRange(rows: count).compactMap { index -> RowClock?? in
            switch rows[index] {
            case .job(let id), .member(let id):
                guard let entry = entries[id] else { return nil }
                let member = rows[index] == .member(id)
                return .some(rowClock(entry, theme: theme, now: now, member: member, selected: id == selectedID))
            case .group: return .some(nil)
            }
        }
    }

    /// The cells of a job's line that move with the clock.
    func rowClock(_ entry: JobEntry, theme: Theme, now: Date, member: Bool, selected: Bool) -> RowClock {
        RowClock(
            id: entry.id, member: member, mark: statusSymbol(entry.job, theme: theme, now: now, ticking: selected),
            elapsed: Self.elapsedText(entry.job, now: now, seconds: selected), left: Self.leftText(entry, now: now),
            result: resultSpan(entry.job, theme: theme, now: now))
    }

    private func drawRow(
        _ row: JobsTableRow, into canvas: inout Canvas, theme: Theme, rect: Rect, y: Int, columns: [JobColumn],
        selected: Bool, focused: Bool
    ) {
        for column in columns where column.width > 0 {
            guard let span = row.cells[column.kind] else { continue }
            let text = JobColumn.fit(
                span.text, width: column.width, alignRight: column.alignRight, ellipsis: theme.glyphs.ellipsis)
            canvas.draw(text, at: Point(x: rect.x + column.x, y: y), style: span.style, clip: rect)
        }
        let line = Rect(x: rect.x, y: y, width: rect.width, height: 1)
        if row.dimmed { canvas.restyle(line) { $0.dimmed } }
        if selected {
            canvas.draw(theme.glyphs.pointer, at: Point(x: rect.x, y: y), style: theme.key, clip: rect)
            if focused {
                // One even bar (as htop and k9s draw it): per-cell colours reversed would
                // turn the status cell into a block of its own colour.
                let bar = theme.selectedRow
                canvas.restyle(line) {
                    Style(
                        foreground: bar.foreground, background: bar.background, bold: $0.bold, reverse: bar.reverse)
                }
            } else {
                canvas.restyle(line) { $0.bolded }
            }
        }
    }

    private func drawTableHeader(
        into canvas: inout Canvas, theme: Theme, rect: Rect, columns: [JobColumn], badges: [[Span]]
    ) {
        let header = Rect(x: rect.x, y: rect.y, width: rect.width, height: 1)
        canvas.fill(header, style: theme.header)
        for column in columns where column.width > 0 {
            let text = TextLayout.pad(
                column.title, width: column.width, alignRight: column.alignRight, ellipsis: theme.glyphs.ellipsis)
            canvas.draw(text, at: Point(x: rect.x + column.x, y: rect.y), style: theme.header, clip: rect)
        }
        var badges = badges
        guard !badges.isEmpty else { return }
        // Right-aligned after the PROMPT label, dropping the least important badges that do not fit.
        let promptX =
            columns.first { $0.kind == .prompt }.map { $0.x + $0.title.displayWidth + 1 } ?? JobColumn.markerWidth
        let room = rect.width - promptX - 1
        func joined(_ groups: [[Span]]) -> [Span] {
            var spans: [Span] = []
            for (index, group) in groups.enumerated() {
                if index > 0 { spans.append(Span(" ", theme.header)) }
                spans.append(contentsOf: group)
            }
            return spans
        }
        while !badges.isEmpty, joined(badges).displayWidth > room { badges.removeLast() }
        let shown = joined(badges)
        guard !shown.isEmpty else { return }
        let width = shown.displayWidth
        let x = rect.maxX - 1 - width
        canvas.fill(Rect(x: x - 1, y: rect.y, width: width + 2, height: 1), style: theme.header)
        Paint.spans(shown, on: &canvas, at: Point(x: x, y: rect.y), width: width, ellipsis: theme.glyphs.ellipsis)
    }

    /// Filter, sort, pause and position marks for the header, most important first.
    func tableBadges(theme: Theme, rows: Int) -> [[Span]] {
        var badges: [[Span]] = []
        if paused {
            let held = held.isEmpty ? "" : " (\(held.count) held)"
            badges.append([Span(" PAUSED\(held) ", theme.pausedBadge)])
        }
        if statusFilter != .all { badges.append([Span("[\(statusFilter.rawValue)]", theme.filterBadge)]) }
        if !textFilter.isEmpty {
            badges.append([Span("/" + Formatting.oneLine(textFilter, limit: 24), theme.filterBadge)])
        }
        if sort != .newest { badges.append([Span("sort: \(sort.rawValue)", theme.dim)]) }
        if showHidden { badges.append([Span("+hidden", theme.dim)]) }
        // The position is looked up among the rows on screen only (no scan of every job).
        if let groupFilter {
            badges.append([Span("[group \(Formatting.oneLine(groupName(groupFilter), limit: 20))]", theme.filterBadge)])
        }
        if self.rows.count > max(1, rows), let selected = selectedRow,
            let index = visibleJobRange(rows: rows).first(where: { self.rows[$0] == selected })
        {
            badges.append([Span("\(index + 1)/\(self.rows.count)", theme.dim)])
        }
        return badges
    }

    private func drawEmptyTable(into canvas: inout Canvas, theme: Theme, body: Rect) {
        guard body.height > 0 else { return }
        let text: String
        if entries.isEmpty {
            text = "No jobs yet: write a prompt and press Ctrl-S"
        } else if statusFilter != .all || !textFilter.isEmpty {
            text = "No job matches the filter (f: status, /: text)"
        } else {
            text = "Every job is hidden (H shows hidden jobs)"
        }
        Paint.centered(
            text, on: &canvas, rect: body, y: body.y + (body.height - 1) / 2, style: theme.dim,
            ellipsis: theme.glyphs.ellipsis)
    }
}
