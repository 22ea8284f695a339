import Foundation

/// One row of the provider's request logs (`GET /v2/logs`). Every field may be missing or null.
public struct RequestLogRow: Sendable, Equatable {
    /// When the request was made.
    public var created: Date?
    /// `succeeded` or `failed`.
    public var status: String?
    /// `api` or `playground`.
    public var origin: String?
    public var model: String?
    /// What the request cost, USD (zero for a failed one).
    public var costUSD: Double?
    /// The provider's id for the work: for a video create, its generation id.
    public var inferenceID: String?
    /// The `X-Client-Request-Id` the request carried.
    public var clientRequestID: String?

    public init(
        created: Date? = nil, status: String? = nil, origin: String? = nil, model: String? = nil,
        costUSD: Double? = nil, inferenceID: String? = nil, clientRequestID: String? = nil
    ) {
        self.created = created
        self.status = status
        self.origin = origin
        self.model = model
        self.costUSD = costUSD
        self.inferenceID = inferenceID
        self.clientRequestID = clientRequestID
    }
}

/// One page of `GET /v2/logs`.
public struct RequestLogPage: Sendable, Equatable {
    public var rows: [RequestLogRow]
    /// Whether a later page (a larger `offset`) holds more rows.
    public var hasMore: Bool

    public init(rows: [RequestLogRow], hasMore: Bool) {
        self.rows = rows
        self.hasMore = hasMore
    }
}

extension WireDecoding {
    /// Decodes a `GET /v2/logs` answer: `{"data": [rows], "pagination": {"has_more"}}`. A row that
    /// is not an object is skipped; a body without a `data` list is unreadable.
    public static func requestLogPage(from data: some Collection<UInt8>) throws(WireError) -> RequestLogPage {
        let object = try jsonObject(data)
        guard let list = object["data"] as? [Any] else { throw WireError("no data list in the answer") }
        let rows = list.compactMap { $0 as? [String: Any] }.map { row in
            RequestLogRow(
                created: (row["created"] as? String).flatMap(parseDate),
                status: row["status"] as? String, origin: row["origin"] as? String,
                model: row["model"] as? String,
                costUSD: ((row["cost"] as? [String: Any])?["usd"] as? NSNumber)?.doubleValue,
                inferenceID: idString(row["inference_id"]), clientRequestID: idString(row["client_request_id"]))
        }
        let pagination = object["pagination"] as? [String: Any]
        return RequestLogPage(rows: rows, hasMore: (pagination?["has_more"] as? Bool) ?? false)
    }

    static func parseDate(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
