import Foundation
import HailuoCore

/// `GET /v2/logs`: the provider's request logs, where a create whose answer was lost can be found.
extension APIClient {
    /// One page of the request logs between `start` and `end`, newest first, for these models.
    /// One attempt: the caller decides when to ask again (the endpoint allows 200 requests a minute).
    public func logs(start: Date, end: Date, models: [String], limit: Int, offset: Int) async throws(APIError)
        -> RequestLogPage
    {
        var items = [
            "start=" + Self.percentEncoded(Self.isoText(start, rounded: .down)),
            "end=" + Self.percentEncoded(Self.isoText(end, rounded: .up)),
            "limit=\(max(1, min(100, limit)))", "offset=\(max(0, offset))",
        ]
        items += models.map { "model=" + Self.percentEncoded($0) }
        let path = "/v2/logs?" + items.joined(separator: "&")
        switch await attempt(
            .GET, path, body: nil,
            decode: { data, _ throws(WireError) in
                try WireDecoding.requestLogPage(from: data)
            })
        {
        case .success(let page): return page
        case .failure(let error): throw error
        }
    }

    /// ISO-8601 in UTC, whole seconds (`2026-12-05T01:02:03Z`), rounded so the window only grows.
    static func isoText(_ date: Date, rounded rule: FloatingPointRoundingRule) -> String {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(rule)).formatted(.iso8601)
    }
}
