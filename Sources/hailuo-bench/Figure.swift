/// One row of the benchmark table: a measured value, its baseline when there is one, and the goal.
struct Figure: Sendable {
    /// Which of the figures this row belongs to, e.g. "1 polling economy".
    var group: String
    /// What was measured, e.g. "GET requests per completed job (warm)".
    var name: String
    /// The measured value, already formatted with its unit.
    var value: String
    /// The baseline's value measured in the same run, if there is a baseline.
    var baseline: String? = nil
    /// value / baseline, or whatever ratio the goal is written against (e.g. 10,000 jobs / 10 jobs).
    var ratio: Double? = nil
    /// The goal in words, e.g. "≤ 1/3 of baseline".
    var goal: String = ""
    /// Whether the goal was met; nil when the row has no goal (a reference or context figure).
    var met: Bool? = nil
}

/// Prints figures as an aligned plain-text table (also valid Markdown).
enum FigureTable {
    static func render(_ figures: [Figure]) -> String {
        let header = ["figure", "measured", "baseline", "ratio", "goal", "met"]
        let rows = figures.map { figure in
            [
                "\(figure.group): \(figure.name)", figure.value, figure.baseline ?? "",
                figure.ratio.map { String(format: "%.3g", $0) } ?? "", figure.goal,
                figure.met.map { $0 ? "yes" : "NO" } ?? "",
            ]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| "
                + zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
