import Foundation

@testable import HailuoSimulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP answer as the tests see it.
struct HTTPAnswer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    /// The body as a JSON object, nil when it is not one.
    var object: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }
}

/// A small URLSession client bound to one simulator.
struct TestClient: Sendable {
    var baseURL: String
    var key: String? = "test-key"
    var timeout: Double = 10

    static let vendorPath = "/v2/generate/video/minimax/generation"
    static let unifiedPath = "/v2/video/generations"

    func send(
        _ method: String, _ pathOrURL: String, json: [String: Any]? = nil, rawBody: Data? = nil,
        headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        let urlText = pathOrURL.hasPrefix("http") ? pathOrURL : baseURL + pathOrURL
        guard let url = URL(string: urlText) else { throw URLError(.badURL) }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = timeout
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let rawBody {
            request.httpBody = rawBody
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.httpMaximumConnectionsPerHost = 1
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return HTTPAnswer(status: http.statusCode, headers: fields, body: data)
    }

    /// Creates a job on `family` with `fields` merged over a valid default body.
    func create(
        _ family: SimulatorEndpointFamily = .vendor, _ fields: [String: Any] = [:], headers: [String: String] = [:]
    ) async throws -> HTTPAnswer {
        var body: [String: Any] = [
            "model": "minimax/hailuo-02", "prompt": "A red fox runs through snow", "duration": 6, "resolution": "768P",
        ]
        for (key, value) in fields { body[key] = value }
        return try await send(
            "POST", family == .vendor ? Self.vendorPath : Self.unifiedPath, json: body, headers: headers)
    }

    /// Polls `id` on `family`.
    func poll(_ id: String, _ family: SimulatorEndpointFamily = .vendor, headers: [String: String] = [:]) async throws
        -> HTTPAnswer
    {
        let path = family == .vendor ? Self.vendorPath : Self.unifiedPath
        let escaped = id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id
        return try await send("GET", "\(path)?generation_id=\(escaped)", headers: headers)
    }

    /// `GET /v2/logs?<query>`.
    func logs(_ query: String = "period=24h", headers: [String: String] = [:]) async throws -> HTTPAnswer {
        try await send("GET", "/v2/logs" + (query.isEmpty ? "" : "?" + query), headers: headers)
    }

    /// `GET /v2/billing`'s `current_balance`.
    func balance() async throws -> Double? {
        number(try await send("GET", "/v2/billing").object?["current_balance"])
    }

    /// The id in a create answer of `family`.
    static func id(in answer: HTTPAnswer, _ family: SimulatorEndpointFamily = .vendor) -> String? {
        answer.object?[family == .vendor ? "generation_id" : "id"] as? String
    }
}

/// Errors of the helpers.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
}

/// Runs `body` against a started simulator and always stops it.
func withSimulator<T>(
    _ configuration: SimulatorConfiguration = .init(),
    _ body: (Simulator, TestClient) async throws -> T
) async throws -> T {
    let simulator = Simulator(configuration: configuration)
    try await simulator.start()
    let client = TestClient(baseURL: simulator.baseURL)
    do {
        let result = try await body(simulator, client)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// The `video.url` of a poll answer.
func videoURL(_ answer: HTTPAnswer) -> String? {
    (answer.object?["video"] as? [String: Any])?["url"] as? String
}

/// Whether the poll answer's `video` is JSON null.
func videoIsNull(_ answer: HTTPAnswer) -> Bool {
    answer.object?["video"] is NSNull
}

/// Checks `condition` every 20 ms, up to about 5 s; true as soon as it holds.
/// (A wait for something that must happen, not a timing assertion.)
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<250 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

/// A JSON number as a Double, whatever Foundation boxed it as.
func number(_ value: Any?) -> Double? {
    switch value {
    case let value as Int: Double(value)
    case let value as Double: value
    case let value as NSNumber: value.doubleValue
    default: nil
    }
}

/// `meta.usage` of an answer.
func usage(_ answer: HTTPAnswer) -> [String: Any]? {
    (answer.object?["meta"] as? [String: Any])?["usage"] as? [String: Any]
}

/// The rows of a `GET /v2/logs` answer.
func rows(_ answer: HTTPAnswer) -> [[String: Any]] {
    answer.object?["data"] as? [[String: Any]] ?? []
}

/// The `pagination` object of a `GET /v2/logs` answer.
func pagination(_ answer: HTTPAnswer) -> [String: Any] {
    answer.object?["pagination"] as? [String: Any] ?? [:]
}
