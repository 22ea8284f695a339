import Foundation
import HailuoCore

/// The output of `hailuo spend`: a short table, or one JSON object.
enum SpendReport {
    static func text(_ summary: SpendSummary, balance: Balance?, isDemo: Bool) -> [String] {
        var rows: [[String]] = [["PERIOD", "USD", "JOBS", "ESTIMATED"]]
        func row(_ name: String, _ figure: SpendFigure) -> [String] {
            [
                name, MoneyText.usd(figure.usd), "\(figure.jobs)",
                figure.estimatedJobs == 0
                    ? "" : "~\(MoneyText.usd(figure.estimatedUSD)) (\(figure.estimatedJobs) jobs)",
            ]
        }
        rows.append(row("today", summary.today))
        rows.append(row("this month", summary.month))
        rows.append(row("all time", summary.total))
        if let since = summary.since, let date = summary.sinceDate {
            rows.append(row("since \(date.formatted(.iso8601))", since))
        }
        var lines: [String] = []
        if isDemo { lines.append("DEMO: simulated jobs and a simulated balance, no real money") }
        lines += table(rows)
        if !summary.perModel.isEmpty {
            lines.append("")
            var models: [[String]] = [
                [summary.sinceDate == nil ? "MODEL" : "MODEL (since)", "USD", "JOBS", "ESTIMATED"]
            ]
            for (model, figure) in summary.perModel.sorted(by: { $0.key < $1.key }) {
                models.append(row(InertText.oneLine(model, limit: 60), figure))
            }
            lines += table(models)
        }
        lines.append("")
        let amount = balance.map { "\(MoneyText.usd($0.amount)) \(InertText.oneLine($0.currency, limit: 8))" }
        lines.append("balance  \(amount ?? "unknown")\(isDemo ? " (DEMO)" : "")")
        return lines
    }

    static func json(_ summary: SpendSummary, balance: Balance?, isDemo: Bool) -> String {
        var object: [String: Any] = [
            "demo": isDemo,
            "balance_usd": balance.map { rounded($0.amount) as Any } ?? NSNull(),
            "currency": balance?.currency ?? "USD",
            "since": summary.sinceDate.map { $0.formatted(.iso8601) as Any } ?? NSNull(),
        ]
        for (name, figure) in [("today", summary.today), ("month", summary.month), ("total", summary.total)] {
            add(figure, prefix: name, to: &object)
        }
        if let since = summary.since { add(since, prefix: "since", to: &object) }
        var perModel: [String: Any] = [:]
        for (model, figure) in summary.perModel {
            perModel[model] = [
                "usd": rounded(figure.usd), "jobs": figure.jobs,
                "estimated_usd": rounded(figure.estimatedUSD), "estimated_jobs": figure.estimatedJobs,
            ]
        }
        object["per_model"] = perModel
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `<prefix>_usd`, `<prefix>_jobs`, `<prefix>_estimated_usd`, `<prefix>_estimated_jobs`.
    private static func add(_ figure: SpendFigure, prefix: String, to object: inout [String: Any]) {
        object["\(prefix)_usd"] = rounded(figure.usd)
        object["\(prefix)_jobs"] = figure.jobs
        object["\(prefix)_estimated_usd"] = rounded(figure.estimatedUSD)
        object["\(prefix)_estimated_jobs"] = figure.estimatedJobs
    }

    /// To the nano-dollar, so sums print as the amounts they are (0.588, not 0.5880000000000001).
    private static func rounded(_ amount: Double) -> Double { (amount * 1e9).rounded() / 1e9 }

    private static func table(_ rows: [[String]]) -> [String] {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
