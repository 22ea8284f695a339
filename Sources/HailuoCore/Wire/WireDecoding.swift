import Foundation

/// Tolerant decoding of the provider's JSON, which varies between schemas (docs/PROVIDER.md).
public enum WireDecoding {
    /// Decodes a create answer; accepts `generation_id` or `id`, numeric or string.
    public static func createResult(from data: some Collection<UInt8>) throws(WireError) -> CreateResult {
        let object = try jsonObject(data)
        guard let id = idString(object["generation_id"]) ?? idString(object["id"]) else {
            throw WireError("no generation id in the answer")
        }
        return CreateResult(
            generationID: id, status: object["status"] as? String,
            usageJSON: usageJSON(object["meta"]), usage: usage(object["meta"]))
    }

    /// Decodes a poll answer; `error` may be null, an object with `message`, a `detail` list,
    /// or plain text; `video` may be null, an object with `url`, or (H3 Max) a list of them, of
    /// which the first with a link is the clip.
    public static func pollResult(from data: some Collection<UInt8>) throws(WireError) -> PollResult {
        let object = try jsonObject(data)
        guard let status = object["status"] as? String, !status.isEmpty else {
            throw WireError("no status in the answer")
        }
        let videos = (object["video"] as? [String: Any]).map { [$0] } ?? (object["video"] as? [[String: Any]] ?? [])
        let url = videos.lazy.compactMap { $0["url"] as? String }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return PollResult(
            id: idString(object["id"]) ?? idString(object["generation_id"]), status: status,
            videoURL: url, errorMessage: errorSentence(object["error"]),
            usageJSON: usageJSON(object["meta"]), usage: usage(object["meta"]))
    }

    /// Decodes an HTTP error body; anything unreadable becomes its text (cut to 300 characters).
    public static func errorBody(from data: some Collection<UInt8>, status: Int) -> ProviderErrorBody {
        if let object = try? jsonObject(data) {
            // A blank `message` says nothing: fall back to `error`, `detail`, then the status.
            var message = errorSentence(object["message"] as? String) ?? errorSentence(object["error"])
            if message == nil, let detail = object["detail"] as? String {
                message = errorSentence(detail)
            } else if message == nil, let detail = object["detail"] {
                message = errorSentence(["detail": detail])
            }
            return ProviderErrorBody(
                message: message ?? "HTTP \(status)",
                requestID: object["requestId"] as? String ?? object["request_id"] as? String,
                path: object["path"] as? String,
                statusCode: object["statusCode"] as? Int ?? status)
        }
        let text = String(decoding: Array(data.prefix(300)), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return ProviderErrorBody(message: text.isEmpty ? "HTTP \(status)" : text, statusCode: status)
    }

    /// Renders any of the `error` shapes as one sentence, or `nil` for null/absent.
    public static func errorSentence(_ value: Any?) -> String? {
        switch value {
        case nil, is NSNull: return nil
        case let text as String:
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case let object as [String: Any]:
            if let detail = object["detail"] as? [[String: Any]] {
                let parts = detail.map { item -> String in
                    let message = (item["msg"] as? String) ?? "invalid value"
                    let location = (item["loc"] as? [Any])?.map { "\($0)" }.joined(separator: ".")
                    return location.map { "\(message) (at \($0))" } ?? message
                }
                return parts.isEmpty ? nil : parts.joined(separator: "; ")
            }
            if let detail = object["detail"] as? String, let sentence = errorSentence(detail) { return sentence }
            let message = errorSentence(object["message"] as? String)  // blank counts as absent
            let name = errorSentence(object["name"] as? String)
            switch (name, message) {
            case let (name?, message?): return "\(name): \(message)"
            case let (nil, message?): return message
            case let (name?, nil): return name
            default: return compactJSON(object)
            }
        default:
            return "\(value!)"
        }
    }

    static func jsonObject(_ data: some Collection<UInt8>) throws(WireError) -> [String: Any] {
        let bytes = Data(data)
        guard !bytes.isEmpty else { throw WireError("the body is empty") }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch {
            throw WireError("the body is not valid JSON (\(bytes.count) bytes)")
        }
        guard let object = parsed as? [String: Any] else { throw WireError("the body is not a JSON object") }
        return object
    }

    static func idString(_ value: Any?) -> String? {
        switch value {
        case let text as String where !text.isEmpty: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    static func usageJSON(_ meta: Any?) -> String? {
        guard let meta = meta as? [String: Any], let usage = meta["usage"] else { return nil }
        return compactJSON(usage)
    }

    /// The money figures of `meta.usage`; `nil` when there is no usage object.
    static func usage(_ meta: Any?) -> Usage? {
        guard let meta = meta as? [String: Any], let object = meta["usage"] as? [String: Any] else { return nil }
        var usage = Usage()
        func number(_ key: String) -> Double? {
            guard let value = object[key], !(value is NSNull) else { return nil }
            let parsed: Double? =
                switch value {
                case let number as NSNumber: number.doubleValue
                case let text as String: Double(text.trimmingCharacters(in: .whitespaces))
                default: nil
                }
            if parsed == nil || !(parsed!.isFinite) { usage.rejected.append("meta.usage.\(key)") }
            return parsed.flatMap { $0.isFinite ? $0 : nil }
        }
        usage.creditsUsed = number("credits_used")
        usage.usdSpent = number("usd_spent")
        usage.tokensUsed = number("tokens_used")
        usage.rejected.removeAll { $0 == "meta.usage.tokens_used" }
        return usage
    }

    /// A balance answer, `{"current_balance": X, "currency": "USD"}`; the figure must be a finite
    /// number (a negative balance is possible and kept).
    public static func balance(from data: some Collection<UInt8>) throws(WireError) -> Balance {
        let object = try jsonObject(data)
        let figure: Double? =
            switch object["current_balance"] {
            case let number as NSNumber: number.doubleValue
            case let text as String: Double(text.trimmingCharacters(in: .whitespaces))
            default: nil
            }
        guard let figure, figure.isFinite else { throw WireError("no current_balance number in the answer") }
        let currency = (object["currency"] as? String).map { InertText.oneLine($0, limit: 8) } ?? "USD"
        return Balance(amount: figure, currency: currency.isEmpty ? "USD" : currency)
    }

    static func compactJSON(_ value: Any) -> String? {
        guard JSONSerialization.isValidJSONObject(value),
            let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
