import Foundation
import Hummingbird

/// Thrown by a response body writer to drop the connection mid-answer (the `reset` fault).
struct SimulatedConnectionDrop: Error {}

/// Builders for the answers the provider gives.
enum ProviderResponse {
    /// A JSON answer.
    static func json(_ value: JSONValue, status: Int = 200, headers: HTTPFields = [:]) -> Response {
        raw(value.serialized, status: status, headers: headers)
    }

    /// An answer with `body` sent as `application/json` (whether or not it is valid JSON).
    static func raw(_ body: Data, status: Int = 200, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }

    /// The provider's error body: `{"message", "path", "requestId", "statusCode", "timestamp"}`;
    /// `requestID` nil = a fresh one.
    static func error(
        status: Int, message: String, path: String, headers: HTTPFields = [:], requestID: String? = nil
    ) -> Response {
        let body: JSONValue = [
            "message": .string(message),
            "path": .string(path),
            "requestId": .string(requestID ?? UUID().uuidString.lowercased()),
            "statusCode": .number(Double(status)),
            "timestamp": .string(Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))),
        ]
        return json(body, status: status, headers: headers)
    }

    /// A response whose head (200, JSON, `Content-Length` of `body`) goes out, then `prefixBytes`
    /// of `body`, then the connection is closed: clients see an incomplete answer.
    static func dropped(
        after body: Data, prefixBytes: Int = 0, contentType: String = "application/json; charset=utf-8",
        status: Int = 200, headers: HTTPFields = [:]
    ) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        let prefix = body.prefix(max(0, min(prefixBytes, body.count - 1)))
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: fields,
            body: ResponseBody(contentLength: body.count) { writer in
                if !prefix.isEmpty { try await writer.write(ByteBuffer(bytes: prefix)) }
                throw SimulatedConnectionDrop()
            }
        )
    }

    /// The error answer of a status fault (429, 5xx, 401, 403); `requestID` nil = a fresh one.
    static func fault(_ fault: SimulatorFault, path: String, requestID: String? = nil) -> Response? {
        let tooMany = "Too many requests: rate limit exceeded"
        switch fault {
        case .rateLimited, .logsRateLimited:
            return error(status: 429, message: tooMany, path: path, requestID: requestID)
        case .rateLimitedRetryAfter:
            return error(status: 429, message: tooMany, path: path, headers: [.retryAfter: "2"], requestID: requestID)
        case .serverError, .billingServerError, .logsServerError:
            return error(status: 500, message: "Internal server error", path: path, requestID: requestID)
        case .badGateway:
            return error(status: 502, message: "Bad gateway", path: path, requestID: requestID)
        case .unavailable:
            return error(status: 503, message: "Service unavailable", path: path, requestID: requestID)
        case .gatewayTimeout:
            return error(status: 504, message: "Generation timeout", path: path, requestID: requestID)
        case .unauthorized:
            return error(status: 401, message: "Unauthorized: invalid API key", path: path, requestID: requestID)
        case .noCredits:
            return error(
                status: 403, message: "Forbidden: not enough credits to perform this request", path: path,
                requestID: requestID)
        case .logsBadRequest:
            return error(status: 400, message: "Query validation error!", path: path, requestID: requestID)
        default:
            return nil
        }
    }

    /// The status code a status fault answers with.
    static func statusCode(of fault: SimulatorFault) -> Int? {
        switch fault {
        case .rateLimited, .rateLimitedRetryAfter, .logsRateLimited: 429
        case .serverError, .billingServerError, .logsServerError: 500
        case .logsBadRequest: 400
        case .badGateway: 502
        case .unavailable: 503
        case .gatewayTimeout: 504
        case .unauthorized: 401
        case .noCredits: 403
        default: nil
        }
    }

    /// A 200 body that is JSON cut in the middle.
    static func truncated(_ value: JSONValue) -> Response {
        let data = value.serialized
        return raw(data.prefix(max(1, data.count / 2)))
    }

    /// A 200 body that is not JSON at all (single quotes, bare word, trailing comma).
    static func malformed(id: String) -> Response {
        raw(Data("{'id': '\(id)', \"status\": queued,}".utf8))
    }
}
