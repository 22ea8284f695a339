import Foundation
import HailuoCore
import HailuoEngine

/// What the lookup of an unconfirmed job in the provider's request logs found, in words.
extension JobText {
    /// `Logs: checked 12:10:03, not found yet (checking until 12:18)`, `Logs: found 12:10:03`,
    /// `Logs: not found upstream (checked until 12:18)`; nil when the logs were never looked up.
    static func settleLine(_ job: Job, grace: Double = SettlePolicy().grace) -> String? {
        guard let state = job.settleState else { return nil }
        let checked = job.settleCheckedAt.map { clock($0) } ?? "?"
        let until = minutes(job.createdAt.addingTimeInterval(grace))
        switch state {
        case .checking: return "Logs: checked \(checked), not found yet (checking until \(until))"
        case .found: return "Logs: found \(checked)"
        case .notFoundUpstream: return "Logs: not found upstream (checked until \(until))"
        }
    }

    /// `12:03:04`, UTC.
    static func clock(_ date: Date) -> String { format(date, "%02d:%02d:%02d", seconds: true) }

    /// `12:18`, UTC.
    static func minutes(_ date: Date) -> String { format(date, "%02d:%02d", seconds: false) }

    private static func format(_ date: Date, _ pattern: String, seconds: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return seconds
            ? String(format: pattern, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
            : String(format: pattern, c.hour ?? 0, c.minute ?? 0)
    }
}
