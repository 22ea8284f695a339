import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo batch --dry-run`: every job of the file, checked and priced, and the total.
extension BatchCommand {
    func printDryRun(_ plan: BatchPlan, demo: Bool) {
        for row in plan.rows {
            if json {
                var object = JobJSON.parameters(row.parameters)
                object["row"] = row.position.description
                object["estimated_usd"] = row.quote.usd ?? NSNull()
                object["dry_run"] = true
                object["demo"] = demo
                Console.out(Self.jsonLine(object))
            } else {
                Console.out(Self.dryRunLine(row))
            }
        }
        let total = PriceQuote.dollars(plan.knownTotalUSD)
        let unpriced = plan.unpricedCount == 0 ? "" : " plus \(plan.unpricedCount) job(s) whose price is unknown"
        let jobs = plan.rows.count == 1 ? "1 job" : "\(plan.rows.count) jobs"
        let summary = "\(demo ? "DEMO (simulated, free): " : "")total \(jobs), \(total)\(unpriced) (nothing was sent)"
        if json { Console.progress(summary) } else { Console.out(summary) }
    }

    /// `line 2  minimax/hailuo-02  6 s  768P  boat.png  "a paper boat in the…"  $0.29 (catalogue)`.
    static func dryRunLine(_ row: PlannedBatchRow) -> String {
        let p = row.parameters
        let image = p.firstFrame.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "no image"
        return [
            row.position.description, p.model.rawValue, "\(p.duration) s", p.resolution.rawValue,
            InertText.oneLine(image, limit: 40), InertText.quoted(p.prompt, limit: 30), row.quote.sentence,
        ].joined(separator: "  ")
    }

    static func jsonLine(_ object: [String: Any]) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
