import Foundation

/// Reads what a signed result link says about itself, and strips what must not be stored or shown.
///
/// The provider hands back links such as `https://cdn…/x.mp4?Expires=1767225600&Signature=…`.
/// The `Expires=` value (unix seconds) says when the link stops working; links live about 9 hours.
public enum SignedURL {
    /// When the link expires, or `nil` when its query says nothing about it.
    ///
    /// Reads `Expires=<unix seconds>` (the name is matched without regard to case). A presigned
    /// S3-style link with `X-Amz-Date=<yyyyMMdd'T'HHmmss'Z'>` and `X-Amz-Expires=<seconds>` is
    /// understood too. Values that are not plain numbers are ignored.
    public static func expiry(of url: String) -> Date? {
        let items = queryItems(of: url)
        if let value = items.first(where: { $0.name == "expires" })?.value,
            let seconds = unixSeconds(value)
        {
            return Date(timeIntervalSince1970: seconds)
        }
        if let start = items.first(where: { $0.name == "x-amz-date" }).flatMap({ amzDate($0.value) }),
            let lifetime = items.first(where: { $0.name == "x-amz-expires" }).flatMap({ unixSeconds($0.value) })
        {
            return start.addingTimeInterval(lifetime)
        }
        return nil
    }

    /// The link without its query string, fragment and any `user:password@` part: safe to store
    /// in a sidecar file or a log, and to show.
    public static func withoutSignature(_ url: String) -> String {
        let end = url.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? url.endIndex
        var base = String(url[..<end])
        if let schemeEnd = base.range(of: "://") {
            let authorityEnd = base[schemeEnd.upperBound...].firstIndex(of: "/") ?? base.endIndex
            if let at = base[schemeEnd.upperBound..<authorityEnd].lastIndex(of: "@") {
                base.removeSubrange(schemeEnd.upperBound...at)
            }
        }
        return base
    }

    // MARK: - Parsing helpers

    /// Query items with lower-cased names; values are percent-decoded when that is possible.
    private static func queryItems(of url: String) -> [(name: String, value: String)] {
        guard let questionMark = url.firstIndex(of: "?") else { return [] }
        let afterMark = url[url.index(after: questionMark)...]
        let query = afterMark[..<(afterMark.firstIndex(of: "#") ?? afterMark.endIndex)]
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let rawValue = parts.count > 1 ? String(parts[1]) : ""
            return (name.lowercased(), rawValue.removingPercentEncoding ?? rawValue)
        }
    }

    /// A non-negative whole number of seconds (digits only).
    private static func unixSeconds(_ text: String) -> TimeInterval? {
        guard !text.isEmpty, text.count <= 15, text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let value = Int64(text)
        else { return nil }
        return TimeInterval(value)
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC, as S3 presigned links carry it.
    private static func amzDate(_ text: String) -> Date? {
        let chars = Array(text)
        guard chars.count == 16, chars[8] == "T", chars[15] == "Z" else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            let digits = chars[range]
            guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(digits))
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        guard let utc = TimeZone(identifier: "UTC") else { return nil }
        calendar.timeZone = utc
        let components = DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return calendar.date(from: components)
    }
}
