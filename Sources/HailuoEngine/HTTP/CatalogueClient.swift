import AsyncHTTPClient
import Foundation
import HailuoCore
import Logging
import NIOCore

/// Reads the provider's model catalogue with prices: `GET /v1/models?id=ID&include=pricing`.
///
/// The catalogue needs no key, so none is sent: the `Authorization` header never leaves on
/// this route.
struct CatalogueClient: Sendable {
    /// What one fetch gave.
    enum Outcome: Sendable, Equatable {
        /// A 2xx answer with its body and `ETag`.
        case fresh(body: String, etag: String?)
        /// `304 Not Modified`: the cached answer still holds.
        case notModified
        /// No usable answer (offline, timeout, an error status, a body too large); in words.
        case failed(String)
    }

    let baseURL: String
    let http: HTTPClient
    let logger: Logger
    /// Seconds the whole exchange may take.
    let timeout: Double

    /// Fetches the catalogue entry for `model`, revalidating `etag` when given.
    func fetch(model: ModelID, etag: String?) async -> Outcome {
        await fetch(path: "/v1/models?id=" + APIClient.percentEncoded(model.rawValue) + "&include=pricing", etag: etag)
    }

    /// Fetches `path` (a `/v1/models` query) with at most `limit` bytes of body, revalidating
    /// `etag` when given.
    func fetch(path: String, etag: String?, limit: Int = 1 << 20) async -> Outcome {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "hailuo/\(HailuoVersion.string)")
        if let etag { request.headers.add(name: "If-None-Match", value: etag) }
        do {
            let milliseconds = Int64(max(0.05, timeout) * 1000)
            let response = try await http.execute(request, timeout: .milliseconds(milliseconds))
            let body = try await response.body.collect(upTo: limit)
            let status = Int(response.status.code)
            logger.debug("HTTP GET /v1/models -> \(status)")
            if status == 304 { return .notModified }
            guard (200..<300).contains(status) else { return .failed("the catalogue answered HTTP \(status)") }
            return .fresh(
                body: String(decoding: body.readableBytesView, as: UTF8.self),
                etag: response.headers.first(name: "ETag"))
        } catch {
            let phrase = ConnectionErrorClassifier.phrase(error)
            logger.info("HTTP GET /v1/models failed: \(phrase)")
            return .failed(phrase)
        }
    }
}
