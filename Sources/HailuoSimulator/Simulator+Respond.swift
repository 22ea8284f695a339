import Foundation
import Hummingbird
import ServiceLifecycle

/// What a handler decided, before it is recorded and sent.
struct Answer: Sendable {
    var response: Response
    /// HTTP status for the recording; 0 when the connection is dropped.
    var status: Int
    var generationID: String?
    var fault: SimulatorFault?
    /// Seconds to wait before sending (the `slow` fault).
    var delay: Double = 0
    /// Headers added to `response` unless the connection is dropped (tracing and cost headers).
    var headers: HTTPFields = [:]
}

/// Facts about a request that every handler needs.
struct IncomingRequest: Sendable {
    var method: String
    var path: String
    var query: String
    var queryItems: [String: String]
    /// Every query item in order, repeated names included (`?model=a&model=b`).
    var queryPairs: [(name: String, value: String)]
    var hadValidAuth: Bool
    var authorizationPresent: Bool
    var headerFault: SimulatorFault?
    var rangeHeader: String?
    var ifNoneMatch: String?
    /// `X-Client-Request-Id` as sent.
    var clientRequestHeader: String?
    /// `X-Client-Request-Id` when it is valid (1-128 of `A-Z a-z 0-9 . _ : -`), else nil.
    var clientRequestID: String? { ClientRequestID.validated(clientRequestHeader) }
    /// `http://host:port` as the client addressed us, for links.
    var origin: String
    var body: Data?
    var bodyJSON: JSONValue?
}

extension Simulator {
    static let vendorPath = "/v2/generate/video/minimax/generation"
    static let unifiedPath = "/v2/video/generations"
    static let cataloguePath = "/v1/models"
    static let billingPath = "/v2/billing"
    static let logsPath = "/v2/logs"
    /// Lower-case name of the per-request fault header.
    static let faultHeaderName = "x-simulator-fault"
    static let maximumBodySize = 64 * 1024 * 1024

    /// Entry point for every HTTP request.
    func respond(to request: Request) async -> Response {
        var request = request
        let path = request.uri.path
        let receivedAt = Date()
        var body: Data?
        if request.method == .post || request.method == .put || request.method == .patch {
            do {
                let buffer = try await request.collectBody(upTo: Self.maximumBodySize)
                body = Data(buffer.readableBytesView)
            } catch let error as HTTPError where error.status == .contentTooLarge {
                return ProviderResponse.error(status: 413, message: "Request body too large", path: path)
            } catch {
                return ProviderResponse.error(status: 400, message: "The request body could not be read", path: path)
            }
        }
        if path == "/__sim" || path.hasPrefix("/__sim/") {
            return controlResponse(method: request.method, path: path, query: request.uri.query ?? "", body: body)
        }

        let headerValue = request.headers.first { $0.name.canonicalName == Self.faultHeaderName }?.value
        let headerFault = headerValue.flatMap(SimulatorFault.init(rawValue:))
        let incoming = IncomingRequest(
            method: request.method.rawValue,
            path: path,
            query: request.uri.query ?? "",
            queryItems: Self.queryItems(request.uri.query),
            queryPairs: Self.queryPairs(request.uri.query),
            hadValidAuth: isAccepted(authorization: request.headers[.authorization]),
            authorizationPresent: request.headers[.authorization] != nil,
            headerFault: headerFault,
            rangeHeader: request.headers[.range],
            ifNoneMatch: request.headers[.ifNoneMatch],
            clientRequestHeader: request.headers[.clientRequestID],
            origin: origin(authority: request.head.authority),
            body: body,
            bodyJSON: body.flatMap(JSONValue.parse)
        )

        let (kind, family) = Self.classify(method: request.method, path: path)
        var answer: Answer
        if let headerValue, headerFault == nil {
            let expected = SimulatorFault.allCases.map(\.rawValue).joined(separator: ", ")
            let response = ProviderResponse.error(
                status: 400, message: "Unknown X-Simulator-Fault value '\(headerValue)'; expected one of: \(expected)",
                path: path
            )
            answer = Answer(response: response, status: 400)
        } else {
            switch (kind, family) {
            case (.create, let family?): answer = create(incoming, family: family)
            case (.poll, let family?): answer = poll(incoming, family: family)
            case (.download, _): answer = download(incoming)
            case (.catalogue, _): answer = catalogue(incoming)
            case (.billing, _): answer = billing(incoming)
            case (.logs, _): answer = logs(incoming)
            default:
                let response = ProviderResponse.error(
                    status: 404, message: "Cannot \(incoming.method) \(path)", path: path)
                answer = Answer(response: response, status: 404)
            }
        }
        if kind == .create || kind == .poll, let clientRequestID = incoming.clientRequestID {
            answer.headers[.clientRequestID] = clientRequestID
        }
        if answer.status != 0 { answer.response.headers.append(contentsOf: answer.headers) }
        record(incoming, kind: kind, family: family, answer: answer, receivedAt: receivedAt)
        if answer.delay > 0 {
            let delay = answer.delay
            try? await cancelWhenGracefulShutdown {
                try await Task.sleep(for: .seconds(delay))
            }
        }
        return answer.response
    }

    /// The kind and family of a request, from its method and path.
    static func classify(method: HTTPRequest.Method, path: String) -> (RequestKind, SimulatorEndpointFamily?) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let family: SimulatorEndpointFamily? =
            switch trimmed {
            case vendorPath: .vendor
            case unifiedPath: .unified
            default: nil
            }
        switch (method, trimmed) {
        case (.get, cataloguePath): return (.catalogue, nil)
        case (.get, billingPath): return (.billing, nil)
        case (.get, logsPath): return (.logs, nil)
        default: break
        }
        if let family {
            switch method {
            case .post: return (.create, family)
            case .get: return (.poll, family)
            default: return (.any, family)
            }
        }
        if method == .get, SignedLink.numericID(inPath: path) != nil { return (.download, nil) }
        return (.any, nil)
    }

    /// Whether an `Authorization` value carries an accepted Bearer key.
    func isAccepted(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        let key = parts[1].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty else { return false }
        return configuration.acceptedKeys?.contains(key) ?? true
    }

    /// The provider's 401 for a request without an accepted key.
    func unauthorizedAnswer(_ incoming: IncomingRequest) -> Answer {
        let message =
            incoming.authorizationPresent
            ? "Unauthorized: invalid API key"
            : "Unauthorized: missing Authorization header with a Bearer API key"
        return Answer(response: ProviderResponse.error(status: 401, message: message, path: incoming.path), status: 401)
    }

    private func origin(authority: String?) -> String {
        if let authority, !authority.isEmpty { return "http://\(authority)" }
        let base = baseURL
        return base.isEmpty ? "http://\(configuration.host):\(configuration.port)" : base
    }

    static func queryItems(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty, let items = URLComponents(string: "http://x/?" + query)?.queryItems else {
            return [:]
        }
        var result: [String: String] = [:]
        for item in items where result[item.name] == nil {
            result[item.name] = item.value ?? ""
        }
        return result
    }

    /// Every query item of `query` in order, repeated names included; a missing value is "".
    static func queryPairs(_ query: String?) -> [(name: String, value: String)] {
        guard let query, !query.isEmpty, let items = URLComponents(string: "http://x/?" + query)?.queryItems else {
            return []
        }
        return items.map { ($0.name, $0.value ?? "") }
    }

    private func record(
        _ incoming: IncomingRequest, kind: RequestKind, family: SimulatorEndpointFamily?, answer: Answer,
        receivedAt: Date
    ) {
        var keys: [String] = []
        if case .object(let object)? = incoming.bodyJSON { keys = object.keys.sorted() }
        let text = incoming.body.map { Redaction.redact(String(decoding: $0, as: UTF8.self)) }
        let recorded = RecordedRequest(
            method: incoming.method,
            path: incoming.path,
            query: incoming.query,
            kind: kind,
            family: family,
            hadValidAuth: incoming.hadValidAuth,
            bodyKeys: keys,
            bodyText: text,
            generationID: answer.generationID,
            fault: answer.fault,
            receivedAt: receivedAt,
            answeredStatus: answer.status,
            clientRequestID: incoming.clientRequestHeader
        )
        state.withLock { state in
            state.recordings.append(recorded)
            state.requestCounts[kind, default: 0] += 1
        }
    }
}
