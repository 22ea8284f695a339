import Foundation
import HailuoCore
import TUIKit

extension StatusBar {
    /// The bottom bar: DEMO or LIVE, the host, the key fingerprint, the connection, the counts
    /// and `? help`. Parts are given up from the least useful when the window is narrow.
    func draw(
        into canvas: inout Canvas, theme: Theme, rect: Rect, environment: AppEnvironment, counts: JobCounts,
        spentToday: Double?, now: Date, focus: Focus
    ) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, style: theme.statusBar)
        let bar = theme.statusBar
        let sep = Span(" \(theme.separator) ", bar)
        let mode = environment.isDemo ? Span(" DEMO ", theme.demoBadge) : Span(" LIVE ", theme.liveBadge)
        let host = [Span(" " + Formatting.oneLine(environment.host, limit: 60), bar)]
        let key = [sep, Span("key \(theme.ascii(Formatting.oneLine(environment.keyFingerprint, limit: 12)))", bar)]
        let link = [
            Span("  ", bar), Span(" \(connectionText(theme: theme, now: now)) ", theme.connection(connection)),
        ]
        // The one spinner of an idle screen: beside the pending count, while any job runs.
        let spinner = counts.pending > 0 ? theme.spinnerFrame(at: now).map { $0 + " " } ?? "" : ""
        let all = spinner + Self.countsText(counts, theme: theme, detail: .full)
        let fewer = spinner + Self.countsText(counts, theme: theme, detail: .withoutDone)
        let fewest = spinner + Self.countsText(counts, theme: theme, detail: .pendingAndUnconfirmed)
        func counted(_ text: String) -> [Span] { [Span("  ", bar), Span(text, bar)] }
        let help = [Span(focus.isTextField ? "F1 help " : "? help ", bar)]

        let money = moneyText(spentToday: spentToday, theme: theme, demo: environment.isDemo).map(counted)
        // The first of these that fits: parts are given up from the least useful.
        let withMoney: [(left: [Span], help: Bool)] =
            money.map { money in
                [
                    ([mode] + host + key + link + counted(all) + money, true),
                    ([mode] + host + link + counted(all) + money, true),
                    ([mode] + link + counted(all) + money, false),
                ]
            } ?? []
        let candidates: [(left: [Span], help: Bool)] =
            withMoney + [
                ([mode] + host + key + link + counted(all), true),
                ([mode] + host + link + counted(all), true),
                ([mode] + host + link + counted(all), false),
                ([mode] + link + counted(all), false),
                ([mode] + link + counted(fewer), false),
                ([mode] + link + counted(fewest), false),
                ([mode] + link, false),
            ]
        let chosen =
            candidates.first { $0.left.displayWidth + ($0.help ? help.displayWidth + 1 : 0) <= rect.width }
            ?? candidates[candidates.count - 1]
        let helpWidth = chosen.help ? help.displayWidth : 0
        Paint.spans(
            chosen.left, on: &canvas, at: Point(x: rect.x, y: rect.y), width: rect.width - helpWidth,
            ellipsis: theme.glyphs.ellipsis)
        if chosen.help {
            Paint.spans(
                help, on: &canvas, at: Point(x: rect.maxX - helpWidth, y: rect.y), width: helpWidth,
                ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// `today $0.59 · balance $99.41` (`(demo)` after the balance in demo mode); `nil` when there is
    /// nothing to say (no job has a price and the balance is unknown).
    func moneyText(spentToday: Double?, theme: Theme, demo: Bool) -> String? {
        var parts: [String] = []
        if let spentToday { parts.append("today \(Formatting.usd(spentToday))") }
        if let balanceUSD { parts.append("balance \(Formatting.usd(balanceUSD))" + (demo ? " (demo)" : "")) }
        return parts.isEmpty ? nil : parts.joined(separator: " \(theme.separator) ")
    }

    /// `online`, `offline: <reason>`, `rate limited, retry in 12 s`, `key refused`.
    func connectionText(theme: Theme, now: Date) -> String {
        switch connection {
        case .online: return "online"
        case .offline(let reason):
            return "offline: " + theme.ascii(Formatting.oneLine(reason, limit: 40))
        case .rateLimited(let until):
            let seconds = max(0, Int(until.timeIntervalSince(now).rounded(.up)))
            return "rate limited, retry in \(seconds) s"
        case .unauthorized(let reason):
            return "key refused: " + theme.ascii(Formatting.oneLine(reason, limit: 30))
        }
    }

    /// How many of the counts the status bar shows.
    enum CountsDetail {
        case full
        case withoutDone
        case pendingAndUnconfirmed
    }

    /// `2 pending · 5 done · 1 failed · 1 unconfirmed` (zero counts other than pending left out).
    static func countsText(_ counts: JobCounts, theme: Theme, detail: CountsDetail = .full) -> String {
        var parts = ["\(counts.pending) pending"]
        if counts.completed > 0, detail == .full { parts.append("\(counts.completed) done") }
        if counts.failed > 0, detail != .pendingAndUnconfirmed { parts.append("\(counts.failed) failed") }
        if counts.unconfirmed > 0 { parts.append("\(counts.unconfirmed) unconfirmed") }
        return parts.joined(separator: " \(theme.separator) ")
    }
}
