import Foundation

/// `--since` values: a day `YYYY-MM-DD` (its start on the machine's calendar), or a span back from
/// now, `7d` (days) or `24h` (hours).
enum SinceDate {
    /// The moment `text` names, or `nil` when it is none of the accepted forms.
    static func parse(_ text: String, now: Date = Date(), calendar: Calendar = .current) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, unit == "d" || unit == "h", let count = Int(trimmed.dropLast()),
            count > 0, count <= 100_000, trimmed.dropLast().allSatisfy(\.isASCII)
        {
            return now.addingTimeInterval(-Double(count) * (unit == "d" ? 86_400 : 3_600))
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return calendar.startOfDay(for: date)
    }
}
