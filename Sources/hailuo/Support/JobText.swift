import Foundation
import HailuoCore
import HailuoEngine

/// Human-readable job output for the terminal. All outside text is made inert.
enum JobText {
    /// `1m05s`, `2h03m`, `12s`.
    static func duration(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3600, (s % 3600) / 60)
    }

    /// The prompt on one line, cut to `width` characters.
    static func promptLine(_ prompt: String, width: Int) -> String {
        let flat = InertText.oneLine(prompt, limit: .max)
        return flat.count <= width ? flat : String(flat.prefix(max(1, width - 1))) + "…"
    }

    /// A fixed-width table of jobs, newest first.
    static func table(_ jobs: [Job], now: Date = Date()) -> [String] {
        let header = ["ID", "STATUS", "AGE", "MODEL", "CLIP", "PROMPT"]
        var rows = [header]
        for job in jobs {
            rows.append([
                job.id, InertText.oneLine(job.displayStatus), duration(now.timeIntervalSince(job.createdAt)),
                job.parameters.model.rawValue, "\(job.parameters.duration)s/\(job.parameters.resolution.rawValue)",
                promptLine(job.parameters.prompt, width: 40),
            ])
        }
        let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
    }

    /// Every detail of one job, and its history.
    static func details(_ job: Job, events: [JobEvent], now: Date = Date()) -> [String] {
        let p = job.parameters
        var lines = [
            "job         \(job.id)",
            "generation  \(job.generationID ?? "(none yet)")",
            "status      \(InertText.oneLine(job.displayStatus))",
            "model       \(p.model)",
            "clip        \(p.duration) s, \(p.resolution.rawValue), prompt optimizer \(p.promptOptimizer ? "on" : "off")",
        ]
        if let frame = p.firstFrame {
            lines.append(
                "first frame \(InertText.oneLine(frame, limit: .max))"
                    + (job.firstFrameSHA256.map { "  sha256 \($0.prefix(12))…" } ?? ""))
        }
        if let frame = p.lastFrame {
            lines.append(
                "last frame  \(InertText.oneLine(frame, limit: .max))"
                    + (job.lastFrameSHA256.map { "  sha256 \($0.prefix(12))…" } ?? ""))
        }
        if let ratio = p.ratio { lines.append("ratio       \(ratio.rawValue)") }
        for kind in ReferenceKind.allCases {
            for reference in p.references(kind) {
                lines.append("reference   \(kind.rawValue) \(InertText.oneLine(reference, limit: .max))")
            }
        }
        lines.append("endpoint    \(job.baseURL) (\(job.family.rawValue)), profile \(job.profile)")
        lines.append("created     \(job.createdAt.formatted(.iso8601))")
        lines.append("Cost        \(MoneyText.cost(of: job))")
        if let id = job.clientRequestID { lines.append("request id  \(id) (sent as X-Client-Request-Id)") }
        if let id = job.inferenceID { lines.append("inference   \(InertText.oneLine(id, limit: 200))") }
        if let error = job.errorMessage {
            lines.append(
                "error       \(Console.message(error))" + (job.errorRequestID.map { " [requestId \($0)]" } ?? ""))
        }
        if let url = job.videoURL {
            lines.append("video URL   \(InertText.oneLine(url, limit: .max))")
            if let expires = job.videoURLExpiresAt {
                let left = expires.timeIntervalSince(now)
                lines.append(
                    "            "
                        + (left > 0 ? "link expires in \(duration(left))" : "link expired \(duration(-left)) ago"))
            }
        }
        if let file = job.filePath { lines.append("file        \(file)") }
        if let settle = settleLine(job) { lines.append(settle) }
        if job.phase == .unconfirmed {
            lines.append("")
            if job.settleState == .notFoundUpstream {
                lines.append("The answer to this submission was lost, and the provider's request logs do not list it.")
                lines.append("`hailuo resubmit \(job.id)` sends it again; `hailuo dismiss \(job.id)` drops it.")
            } else {
                lines.append("The answer to this submission was lost: it may exist upstream and may be billed.")
                lines.append(
                    "Check your AI/ML API dashboard, then `hailuo resubmit \(job.id)` or `hailuo dismiss \(job.id)`.")
            }
        }
        lines.append("")
        lines.append("history")
        for event in events {
            let word = event.phase == .pending ? event.providerStatus ?? event.phase.rawValue : event.phase.rawValue
            lines.append(
                "  \(event.at.formatted(.iso8601))  \(InertText.oneLine(word))"
                    + (event.note.map { "  \(Console.message($0))" } ?? ""))
        }
        return lines
    }
}
