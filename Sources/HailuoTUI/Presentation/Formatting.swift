import Foundation
import HailuoCore
import TUIKit

/// Times, sizes and names as the screen shows them. Pure functions of their arguments, except
/// ``timeZone`` (the zone local times are shown in).
public enum Formatting {
    private static let zone = LockedBox(TimeZone.current)

    /// The zone of ``localTime(_:)``: the user's own, set to UTC by snapshot tests.
    public static var timeZone: TimeZone {
        get { zone.value }
        set { zone.value = newValue }
    }

    /// `0:42`, `12:05`, `1:02:03` (negative durations show as `0:00`).
    public static func elapsed(_ seconds: TimeInterval) -> String {
        let total = seconds.isFinite ? max(0, Int(seconds.rounded(.down))) : 0
        let hours = total / 3600
        let minutes = (total % 3600) / 60
        let rest = total % 60
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// Whole minutes for a running job's row while it is not selected: `<1m`, `4m`, `1h05m`.
    public static func elapsedMinutes(_ seconds: TimeInterval) -> String {
        let total = seconds.isFinite ? max(0, Int(seconds.rounded(.down))) : 0
        let minutes = total / 60
        if minutes == 0 { return "<1m" }
        return minutes >= 60 ? "\(minutes / 60)h\(twoDigits(minutes % 60))m" : "\(minutes)m"
    }

    /// How much longer a job should take, given the window in which jobs like it usually finish
    /// (seconds after acceptance) and the time since it was accepted: `~3 min`, `<1 min`,
    /// `<2 min` (past the middle of the window), `soon` (past its end).
    public static func remaining(expected: ClosedRange<Double>, elapsed: TimeInterval) -> String {
        let latest = expected.upperBound - elapsed
        guard latest > 0 else { return "soon" }
        let middle = (expected.lowerBound + expected.upperBound) / 2 - elapsed
        if middle > 0 {
            if middle < 60 { return "<1 min" }
            let minutes = Int((middle / 60).rounded())
            if minutes >= 90 { return "~\(Int((Double(minutes) / 60).rounded())) h" }
            return "~\(minutes) min"
        }
        return "<\(max(1, Int((latest / 60).rounded(.up)))) min"
    }

    /// `512 B`, `12.5 KiB`, `2.4 MiB`, `1.1 GiB` (the engine's units).
    public static func bytes(_ count: Int64) -> String {
        let value = max(0, count)
        if value < 1024 { return "\(value) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var scaled = Double(value) / 1024
        var unit = 0
        while scaled >= 1024, unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        let tenths = Int((scaled * 10).rounded())
        let number = tenths % 10 == 0 || tenths >= 1000 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return "\(number) \(units[unit])"
    }

    /// A rough span for messages: `45 s`, `12 min`, `5h`, `3 days`.
    public static func span(_ seconds: TimeInterval) -> String {
        let total = seconds.isFinite ? max(0, Int(seconds.rounded())) : 0
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min" }
        if total < 48 * 3600 { return "\(total / 3600)h" }
        return "\(total / 86400) days"
    }

    /// The state of a result link: `link expires in 5h`, `link expired`.
    public static func expiry(_ expiresAt: Date, now: Date) -> String {
        let left = expiresAt.timeIntervalSince(now)
        return left > 0 ? "link expires in \(span(left))" : "link expired"
    }

    /// `2025-01-31 14:05:09` in ``timeZone``.
    public static func localTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = parts.year ?? 0
        return "\(year)-\(twoDigits(parts.month ?? 0))-\(twoDigits(parts.day ?? 0)) "
            + "\(twoDigits(parts.hour ?? 0)):\(twoDigits(parts.minute ?? 0)):\(twoDigits(parts.second ?? 0))"
    }

    /// `2025-01-31 14:05:09` in the machine's own zone, for messages that send the user to the
    /// provider's dashboard.
    public static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    /// A model id without its `minimax/` vendor prefix: `hailuo-02`, `video-01`.
    public static func shortModel(_ id: String) -> String {
        let prefix = "minimax/"
        return id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : id
    }

    /// `$0.29`, `$12.50`, `<$0.01`: an amount in US dollars.
    public static func usd(_ amount: Double) -> String {
        guard amount.isFinite else { return "?" }
        if amount > 0, amount < 0.005 { return "<$0.01" }
        let cents = Int((max(0, amount) * 100).rounded())
        return "$\(cents / 100).\(twoDigits(cents % 100))"
    }

    /// A job's cost for the table: the provider's figure (`$0.29`), else the estimate made when it
    /// was sent (`~$0.29`), else nothing.
    public static func cost(of job: Job) -> String {
        if let cost = job.costUSD { return usd(cost) }
        if let estimate = job.estimatedUSD { return "~" + usd(estimate) }
        return ""
    }

    /// `6s 768P`: a clip's length and resolution.
    public static func clip(_ parameters: GenerationParameters) -> String {
        "\(parameters.duration)s \(parameters.resolution.rawValue)"
    }

    /// Untrusted text on one line, made inert: newlines and tabs become spaces, and text that
    /// still holds a control or invisible formatting character is escaped by
    /// `InertText.display` (text made inert already is not escaped again). At most `limit`
    /// characters are looked at.
    public static func oneLine(_ text: String, limit: Int = 400) -> String {
        // Printable ASCII: one character a byte, nothing to flatten or make inert.
        if text.isPrintableASCII {
            return text.utf8.count <= limit ? text : String(decoding: text.utf8.prefix(limit), as: UTF8.self)
        }
        var flat = ""
        var kept = 0
        for character in text {
            if kept >= limit { break }
            kept += 1
            switch character {
            case "\n", "\r\n", "\r", "\t": flat.append(" ")
            default: flat.append(character)
            }
        }
        return InertText.display(flat)
    }

    /// `text` cut in the middle to `width` columns (the end of a path or URL stays readable).
    public static func middleTruncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if text.displayWidth <= width { return text }
        let room = width - ellipsis.displayWidth
        guard room >= 2 else { return TextLayout.truncate(text, width: width, ellipsis: ellipsis) }
        let tail = suffix(text, width: room / 2)
        let head = TextLayout.prefix(text, width: room - tail.displayWidth)
        return head + ellipsis + tail
    }

    /// The longest end of `text` that fits in `width` columns.
    public static func suffix(_ text: String, width: Int) -> String {
        var used = 0
        var characters: [Character] = []
        for character in text.reversed() {
            let columns = character.displayWidth
            if used + columns > width { break }
            used += columns
            characters.append(character)
        }
        return String(characters.reversed())
    }

    /// The last component of a path (the whole text when it has none).
    public static func fileName(_ path: String) -> String {
        // The text after the last "/" that has some, found from the end in UTF-8 (a "/" byte is
        // never part of another character), not a split of the whole path.
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        guard end > bytes.startIndex else { return path }
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        return String(path[start..<end])
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 && value >= 0 ? "0\(value)" : "\(value)"
    }
}

/// A value behind a lock, for the few settings a test may change.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
