import AsyncHTTPClient
import Foundation
import HailuoCore
import Logging
import NIOCore
import NIOHTTP1

/// Where and how to reach the provider.
public struct APIEndpoint: Sendable, Equatable {
    /// For example `https://api.aimlapi.com` (no trailing slash).
    public var baseURL: String
    public var family: EndpointFamily
    /// The bearer key. Never logged, printed or stored.
    public var apiKey: String
    /// Seconds allowed to open a connection.
    public var connectTimeout: Double
    /// Seconds allowed between bytes of an answer.
    public var readTimeout: Double

    public init(
        baseURL: String, family: EndpointFamily, apiKey: String, connectTimeout: Double = 10,
        readTimeout: Double = 30
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.family = family
        self.apiKey = apiKey
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
    }
}

/// Speaks the provider's two calls, create and poll, with the retry rules of docs/PROVIDER.md.
///
/// Money safety: a create is resent only when it certainly never reached the server, or the
/// server refused it before accepting (429, 503). Everything else is reported, never resent.
public struct APIClient: Sendable {
    public let endpoint: APIEndpoint
    let http: HTTPClient
    let logger: Logger
    /// Retries of a create refused before acceptance or never sent.
    public var createRetry: RetryPolicy
    /// Retries of a poll on 5xx and network errors.
    public var pollRetry: RetryPolicy

    public init(
        endpoint: APIEndpoint, http: HTTPClient, logger: Logger,
        createRetry: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 2, maxDelay: 30),
        pollRetry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 10)
    ) {
        self.endpoint = endpoint
        self.http = http
        self.logger = logger
        self.createRetry = createRetry
        self.pollRetry = pollRetry
    }

    /// Creates a generation. Throws `.answerLost` (and 500/502/504, unreadable 2xx) without
    /// resending: the caller must treat those as possibly billed.
    /// - Parameters:
    ///   - clientRequestID: sent as `X-Client-Request-Id` on every attempt when it is valid
    ///     (``ClientRequestID/isValid(_:)``); an invalid one is not sent (the provider would drop it
    ///     silently) and is logged.
    ///   - onRetry: told of each refusal that will be retried, and the wait before it.
    public func create(
        body: [UInt8], path: String, clientRequestID: String? = nil,
        onRetry: @Sendable (APIError, Double) -> Void = { _, _ in }
    ) async throws(APIError) -> CreateResult {
        let tracing = ClientRequestID.validated(clientRequestID)
        if clientRequestID != nil && tracing == nil {
            logger.warning("the job's client request id is not valid for the provider; the create goes without one")
        }
        var attempt = 1
        while true {
            let error: APIError
            switch await attemptCreate(body: body, path: path, clientRequestID: tracing) {
            case .success(let result): return result
            case .failure(let failure): error = failure
            }
            var retryAfter: Double?
            let mayRetry: Bool
            switch error {
            case .notSent:
                mayRetry = true
            case .http(let status, _, let after) where status == 429 || status == 503:
                mayRetry = true
                retryAfter = after
            default:
                mayRetry = false
            }
            // A cancelled submission stops here: the last answer says what happened to it.
            guard mayRetry, attempt < createRetry.maxAttempts, !Task.isCancelled else { throw error }
            let wait = createRetry.delay(afterAttempt: attempt, retryAfter: retryAfter)
            onRetry(error, wait)
            logger.notice(
                "create refused before acceptance; retrying",
                metadata: ["attempt": "\(attempt)", "wait_s": "\(wait)", "reason": "\(error)"])
            try? await Task.sleep(for: .seconds(wait))
            attempt += 1
        }
    }

    /// Reads a generation's status. Retries 5xx and network errors a bounded number of times;
    /// a 429 is thrown at once so the scheduler can pause every job, not just this one.
    ///
    /// - Parameter model: the job's model; a model the configured family does not serve (H3) is
    ///   read from the family that does.
    public func poll(generationID: String, model: ModelID? = nil) async throws(APIError) -> PollResult {
        let family = model.flatMap(ModelCatalog.model)?.family(preferring: endpoint.family) ?? endpoint.family
        let path = family.generationPath + "?generation_id=" + Self.percentEncoded(generationID)
        var attempt = 1
        while true {
            let error: APIError
            switch await attemptPoll(path: path) {
            case .success(let result): return result
            case .failure(let failure): error = failure
            }
            let retryable: Bool
            switch error {
            case .notSent, .answerLost, .unreadable: retryable = true
            case .http(let status, _, _): retryable = (500...599).contains(status)
            }
            guard retryable, attempt < pollRetry.maxAttempts, !Task.isCancelled else { throw error }
            try? await Task.sleep(for: .seconds(pollRetry.delay(afterAttempt: attempt, retryAfter: nil)))
            attempt += 1
        }
    }

    private func attemptCreate(body: [UInt8], path: String, clientRequestID: String?) async -> Result<
        CreateResult, APIError
    > {
        let extra = clientRequestID.map { [(ClientRequestID.headerName, $0)] } ?? []
        return await attempt(.POST, path, body: body, headers: extra) { data, headers throws(WireError) in
            var result = try WireDecoding.createResult(from: data)
            result.trace = Self.trace(headers)
            return result
        }
    }

    private func attemptPoll(path: String) async -> Result<PollResult, APIError> {
        await attempt(.GET, path, body: nil) { data, headers throws(WireError) in
            var result = try WireDecoding.pollResult(from: data)
            result.trace = Self.trace(headers)
            return result
        }
    }

    /// One exchange: a 2xx answer decoded by `decode`, anything else sorted into an ``APIError``.
    func attempt<Value>(
        _ method: HTTPMethod, _ path: String, body: [UInt8]?, headers extra: [(String, String)] = [],
        timeout: TimeAmount? = nil, decode: (ByteBufferView, HTTPHeaders) throws(WireError) -> Value
    ) async -> Result<Value, APIError> {
        let status: Int
        let headers: HTTPHeaders
        let data: ByteBuffer
        do {
            (status, headers, data) = try await send(
                method: method, path: path, body: body, headers: extra, timeout: timeout)
        } catch {
            return .failure(error)
        }
        guard (200..<300).contains(status) else {
            return .failure(Self.httpError(status: status, headers: headers, data: data))
        }
        do {
            return .success(try decode(data.readableBytesView, headers))
        } catch {
            return .failure(.unreadable(error.reason))
        }
    }

    /// One request with timeouts; transport errors are sorted into `.notSent` / `.answerLost`.
    /// - Parameters:
    ///   - headers: more request headers (tracing); never the key, which this adds itself.
    ///   - timeout: a deadline for the whole exchange instead of the generous default.
    func send(
        method: HTTPMethod, path: String, body: [UInt8]?, headers extra: [(String, String)] = [],
        timeout: TimeAmount? = nil
    ) async throws(APIError) -> (Int, HTTPHeaders, ByteBuffer) {
        var request = HTTPClientRequest(url: endpoint.baseURL + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(endpoint.apiKey)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "hailuo/\(HailuoVersion.string)")
        for (name, value) in extra { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let started = ContinuousClock.now
        let logPath = path.split(separator: "?").first.map(String.init) ?? path
        do {
            // The read timeout (client configuration) bounds silence; this deadline bounds the
            // whole exchange generously so a large upload on a slow link still completes.
            let overall =
                timeout ?? TimeAmount.seconds(Int64(endpoint.connectTimeout + endpoint.readTimeout * 4 + 600))
            let response = try await http.execute(request, timeout: overall)
            let data = try await response.body.collect(upTo: 16 * 1024 * 1024)
            logger.debug(
                "HTTP \(method.rawValue) \(logPath) -> \(response.status.code)",
                metadata: ["ms": "\(started.duration(to: .now).milliseconds)"])
            return (Int(response.status.code), response.headers, data)
        } catch {
            let phrase = ConnectionErrorClassifier.phrase(error)
            logger.info("HTTP \(method.rawValue) \(logPath) failed: \(phrase)")
            if ConnectionErrorClassifier.certainlyNotSent(error) { throw .notSent(phrase) }
            throw .answerLost(phrase)
        }
    }

    static func httpError(status: Int, headers: HTTPHeaders, data: ByteBuffer) -> APIError {
        let body = WireDecoding.errorBody(from: data.readableBytesView, status: status)
        return .http(status: status, body: body, retryAfter: retryAfter(headers))
    }

    /// `Retry-After` as seconds (a number or an HTTP date), when present.
    static func retryAfter(_ headers: HTTPHeaders) -> Double? {
        guard let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces)
        else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: value) { return max(0, date.timeIntervalSinceNow) }
        return nil
    }

    static func percentEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~:")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
