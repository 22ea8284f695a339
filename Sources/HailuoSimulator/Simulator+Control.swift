import Foundation
import Hummingbird

extension Simulator {
    /// The `/__sim/` control routes (no auth, not recorded).
    func controlResponse(method: HTTPRequest.Method, path: String, query: String, body: Data?) -> Response {
        switch (method, path) {
        case (.post, "/__sim/faults"):
            guard let body, let rules = Self.decodeRules(body) else {
                return ProviderResponse.error(
                    status: 400, message: "Expected a FaultRule object or an array of them", path: path)
            }
            let pending = state.withLock { state in
                state.injected.append(contentsOf: rules)
                return state.injected.count
            }
            return ProviderResponse.json(["pending": .number(Double(pending))])
        case (.get, "/__sim/requests"):
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(recordedRequests())) ?? Data("[]".utf8)
            return ProviderResponse.raw(data)
        case (.get, "/__sim/issued"):
            return ProviderResponse.json(.array(issuedGenerationIDs().map { .string($0) }))
        case (.post, "/__sim/advance"):
            guard let text = Self.queryItems(query)["seconds"], let seconds = Double(text), seconds.isFinite else {
                return ProviderResponse.error(status: 400, message: "Expected ?seconds=N", path: path)
            }
            advanceClock(by: seconds)
            return ProviderResponse.json(["advancedBy": .number(seconds)])
        case (.post, "/__sim/reset"):
            reset()
            return ProviderResponse.json(["reset": true])
        case (.post, "/__sim/playground"):
            guard case .object(let object)? = body.flatMap(JSONValue.parse), case .string(let model)? = object["model"]
            else {
                return ProviderResponse.error(
                    status: 400,
                    message: "Expected {\"model\": ..., \"prompt\": ..., \"duration\": 6|10, "
                        + "\"resolution\": \"768P\"|\"1080P\"}", path: path)
            }
            var prompt = "A playground clip"
            if case .string(let text)? = object["prompt"] { prompt = text }
            var duration = 6
            if case .number(let number)? = object["duration"], number == 10 { duration = 10 }
            var resolution = "768P"
            if case .string(let text)? = object["resolution"] { resolution = text }
            let id = addPlaygroundJob(model: model, prompt: prompt, duration: duration, resolution: resolution)
            return ProviderResponse.json(["generation_id": .string(id)])
        default:
            return ProviderResponse.error(status: 404, message: "Cannot \(method.rawValue) \(path)", path: path)
        }
    }

    private static func decodeRules(_ body: Data) -> [FaultRule]? {
        let decoder = JSONDecoder()
        if let rule = try? decoder.decode(FaultRule.self, from: body) { return [rule] }
        return try? decoder.decode([FaultRule].self, from: body)
    }
}

extension FaultRule {
    private enum CodingKeys: String, CodingKey {
        case fault, on, count
    }

    /// Decodes `{"fault": "...", "on": "create", "count": 2}`; `on` defaults to `any`, a missing
    /// `count` to 1, and `"count": null` means every matching request.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fault = try container.decode(SimulatorFault.self, forKey: .fault)
        on = try container.decodeIfPresent(RequestKind.self, forKey: .on) ?? .any
        if container.contains(.count) {
            count = try container.decodeNil(forKey: .count) ? nil : container.decode(Int.self, forKey: .count)
        } else {
            count = 1
        }
    }

    /// Encodes all three keys; `count` is `null` for "every matching request".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fault, forKey: .fault)
        try container.encode(on, forKey: .on)
        if let count { try container.encode(count, forKey: .count) } else { try container.encodeNil(forKey: .count) }
    }
}
