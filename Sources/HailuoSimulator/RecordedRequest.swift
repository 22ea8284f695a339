import Foundation

/// The endpoint family a request used.
public enum SimulatorEndpointFamily: String, Sendable, Codable {
    /// `/v2/generate/video/minimax/generation` (the default family).
    case vendor
    /// `/v2/video/generations`.
    case unified
}

/// One request the simulator received, as tests see it.
///
/// Never holds the `Authorization` value; base64 data in the body is replaced by `[N bytes]`.
/// Requests to the `/__sim/` control routes are not recorded.
public struct RecordedRequest: Sendable, Codable, Equatable {
    /// HTTP method (`GET`, `POST`, ...).
    public var method: String
    /// Path without the query.
    public var path: String
    /// Raw query string (without `?`), empty when absent.
    public var query: String
    /// Create, poll, download, or `.any` for anything else.
    public var kind: RequestKind
    /// Endpoint family of an API request; nil for downloads and unknown paths.
    public var family: SimulatorEndpointFamily?
    /// Whether the request carried an accepted `Authorization: Bearer` key.
    public var hadValidAuth: Bool
    /// Top-level keys of a JSON object body, sorted; empty otherwise.
    public var bodyKeys: [String]
    /// The body as text with base64 data redacted; nil when there was no body.
    public var bodyText: String?
    /// The generation id the request created or asked about, as the client saw it (unified ids
    /// with `:model`); for a download, the numeric id in the file name.
    public var generationID: String?
    /// The fault applied to this request, if any.
    public var fault: SimulatorFault?
    /// When the request arrived (wall clock).
    public var receivedAt: Date
    /// HTTP status of the answer; 0 when the connection was dropped before a complete answer
    /// (`reset` fault or `[sim:lost]` marker).
    public var answeredStatus: Int
    /// The `X-Client-Request-Id` header as sent (valid or not); nil when there was none.
    public var clientRequestID: String?
}
