import Foundation

/// The query of `GET /v2/logs`, checked the way the provider documents it.
struct LogsQuery: Sendable {
    /// Window start and end, seconds since 1970 on the simulator clock (both inclusive).
    var start: Double
    var end: Double
    /// Models to keep (OR); empty keeps every model. Never split on commas.
    var models: [String]
    /// Statuses to keep (`succeeded`, `failed`); empty keeps both.
    var statuses: Set<String>
    var limit: Int
    var offset: Int

    /// The longest window, in seconds (92 days).
    static let maximumWindow: Double = 92 * 86_400
    /// Most `model` values one query may carry.
    static let maximumModels = 50

    /// Parses the query items; `now` anchors `period`. The failure is the problem line of the 400.
    static func parse(_ pairs: [(name: String, value: String)], now: Double) -> Result<LogsQuery, LogsQueryError> {
        func first(_ name: String) -> String? { pairs.first { $0.name == name }?.value }
        func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

        let period = first("period")
        let startText = first("start")
        let endText = first("end")
        let start: Double
        let end: Double
        switch (period, startText, endText) {
        case (let period?, nil, nil):
            guard let seconds = periodSeconds(period) else {
                return .failure(LogsQueryError("Invalid period '\(period)': expected a positive number of h or d"))
            }
            guard seconds <= maximumWindow else { return .failure(LogsQueryError("The window exceeds 92 days")) }
            (start, end) = (now - seconds, now)
        case (nil, let startText?, let endText?):
            guard let parsedStart = parseDate(startText) else {
                return .failure(LogsQueryError("Invalid date at \"start\": '\(startText)'"))
            }
            guard let parsedEnd = parseDate(endText) else {
                return .failure(LogsQueryError("Invalid date at \"end\": '\(endText)'"))
            }
            guard parsedEnd >= parsedStart else { return .failure(LogsQueryError("\"end\" is earlier than \"start\"")) }
            guard parsedEnd - parsedStart <= maximumWindow else {
                return .failure(LogsQueryError("The window exceeds 92 days"))
            }
            (start, end) = (parsedStart, parsedEnd)
        case (nil, nil, nil):
            return .failure(LogsQueryError("Provide either \"period\" or both \"start\" and \"end\""))
        case (_?, _, _):
            return .failure(LogsQueryError("Provide either \"period\" or \"start\" and \"end\", not both"))
        default:
            return .failure(LogsQueryError("\"start\" and \"end\" must be given together"))
        }

        let models = all("model")
        guard models.count <= maximumModels else {
            return .failure(LogsQueryError("At most \(maximumModels) values at \"model\""))
        }
        let statuses = all("status")
        if let bad = statuses.first(where: { $0 != "succeeded" && $0 != "failed" }) {
            return .failure(
                LogsQueryError("Invalid enum value. Expected 'succeeded' | 'failed', received '\(bad)' at \"status\""))
        }
        var limit = 50
        if let text = first("limit") {
            guard let value = Int(text), (1...100).contains(value) else {
                return .failure(LogsQueryError("Expected an integer from 1 to 100 at \"limit\", received '\(text)'"))
            }
            limit = value
        }
        var offset = 0
        if let text = first("offset") {
            guard let value = Int(text), value >= 0 else {
                return .failure(LogsQueryError("Expected an integer of 0 or more at \"offset\", received '\(text)'"))
            }
            offset = value
        }
        return .success(
            LogsQuery(
                start: start, end: end, models: models, statuses: Set(statuses), limit: limit, offset: offset))
    }

    /// Seconds in a period such as `24h` or `7d`; nil when it is not a positive number of h or d.
    static func periodSeconds(_ text: String) -> Double? {
        guard let unit = text.last, unit == "h" || unit == "d" else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let count = Int(digits), count > 0
        else { return nil }
        return Double(count) * (unit == "h" ? 3600 : 86_400)
    }

    /// Seconds since 1970 of an ISO-8601 date or date-time; a date-time without an offset is UTC.
    static func parseDate(_ text: String) -> Double? {
        ISODate.parse(text.trimmingCharacters(in: .whitespaces))
    }
}

/// Why a `GET /v2/logs` query was refused (one line of the 400's message).
struct LogsQueryError: Error, Sendable {
    var line: String

    init(_ line: String) { self.line = line }

    /// The provider's message: the header line, then the problem.
    var message: String { "Query validation error!\n" + line }
}
