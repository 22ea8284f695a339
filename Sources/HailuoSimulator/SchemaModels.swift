import Foundation

/// A model the unified endpoint serves with its own schema (H3, H3 Max), read from the provider's
/// OpenAPI files (`video-models/MiniMax/h3.json`, `h3-max.json`). These are checked field by field
/// as the schema says, independently of the client's model table.
struct SchemaModel: Sendable {
    var name: String
    var promptMaxLength: Int
    var durations: ClosedRange<Int>
    var defaultDuration: Int
    var resolutions: [String]
    var defaultResolution: String
    var ratios: [String]
    /// `maxItems` per array field.
    var arrays: [(field: String, maxItems: Int)]
    /// The most references of all kinds together (the description of H3 Max's arrays), if any.
    var maxReferences: Int?
    /// Extra enum fields (H3 Max's `prompt_expansion_mode`).
    var enums: [(field: String, values: [String])] = []
    /// Extra boolean fields.
    var booleans: [String] = []
    /// Extra integer fields.
    var integers: [String] = []

    static let ratios = ["adaptive", "21:9", "16:9", "4:3", "1:1", "3:4", "9:16"]
    static let referenceArrays = [("reference_image_urls", 9), ("video_urls", 3), ("audio_urls", 3)]

    /// `minimax/h3` and `minimax/h3-max`, on the unified endpoint only.
    static let all: [SchemaModel] = [
        SchemaModel(
            name: "minimax/h3", promptMaxLength: 7000, durations: 4...15, defaultDuration: 6, resolutions: ["2K"],
            defaultResolution: "2K", ratios: ratios, arrays: referenceArrays, maxReferences: nil),
        SchemaModel(
            name: "minimax/h3-max", promptMaxLength: 50_000, durations: 5...15, defaultDuration: 5,
            resolutions: ["480p", "768p"], defaultResolution: "768p", ratios: ratios, arrays: referenceArrays,
            maxReferences: 12, enums: [("prompt_expansion_mode", ["balanced", "quality"])],
            booleans: ["enable_safety_checker"], integers: ["seed"]),
    ]

    static func named(_ name: String) -> SchemaModel? { all.first { $0.name == name } }

    /// Checks `object` against the schema; the problem lines name their fields as the provider's do.
    func validate(_ object: [String: JSONValue]) -> Result<ValidCreate, ValidationFailure> {
        var lines: [String] = []
        var prompt = ""
        switch present(object["prompt"]) {
        case nil: lines.append("Required at \"prompt\"")
        case .string(let text)?:
            prompt = text
            if text.utf16.isEmpty { lines.append("String must contain at least 1 character(s) at \"prompt\"") }
            if text.utf16.count > promptMaxLength {
                lines.append("String must contain at most \(promptMaxLength) character(s) at \"prompt\"")
            }
        case let other?: lines.append("Expected string, received \(other.typeName) at \"prompt\"")
        }
        for field in ["image_url", "last_image_url"] {
            guard let value = present(object[field]) else { continue }
            guard case .string(let text) = value else {
                lines.append("Expected string, received \(value.typeName) at \"\(field)\"")
                continue
            }
            if !Self.isURI(text) { lines.append("Invalid url at \"\(field)\"") }
        }
        var counts: [String: Int] = [:]
        for (field, maxItems) in arrays {
            guard let value = present(object[field]) else { continue }
            guard case .array(let items) = value else {
                lines.append("Expected array, received \(value.typeName) at \"\(field)\"")
                continue
            }
            counts[field] = items.count
            if items.count > maxItems {
                lines.append("Array must contain at most \(maxItems) element(s) at \"\(field)\"")
            }
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    lines.append("Expected string, received \(item.typeName) at \"\(field)[\(index)]\"")
                    continue
                }
                if !Self.isURI(text) { lines.append("Invalid url at \"\(field)[\(index)]\"") }
            }
        }
        if (counts["audio_urls"] ?? 0) > 0, (counts["reference_image_urls"] ?? 0) + (counts["video_urls"] ?? 0) == 0 {
            lines.append("audio_urls cannot be the only reference: pass at least one reference image or video")
        }
        if let maxReferences, counts.values.reduce(0, +) > maxReferences {
            lines.append("Reference images, videos and audio clips must add up to at most \(maxReferences) files")
        }
        var duration = defaultDuration
        if let value = present(object["duration"]) {
            if case .number(let number) = value, number.rounded() == number, abs(number) < 1e9 {
                duration = Int(number)
                if !durations.contains(duration) {
                    let bound = duration < durations.lowerBound ? "greater" : "less"
                    let limit = duration < durations.lowerBound ? durations.lowerBound : durations.upperBound
                    lines.append("Number must be \(bound) than or equal to \(limit) at \"duration\"")
                }
            } else {
                lines.append("Expected integer, received \(value.typeName) at \"duration\"")
            }
        }
        var resolution = defaultResolution
        checkEnum("resolution", resolutions, object, &lines) { resolution = $0 }
        checkEnum("ratio", ratios, object, &lines) { _ in }
        for (field, values) in enums { checkEnum(field, values, object, &lines) { _ in } }
        for field in booleans {
            if let value = present(object[field]), case .bool = value {
            } else if let value = present(object[field]) {
                lines.append("Expected boolean, received \(value.typeName) at \"\(field)\"")
            }
        }
        for field in integers {
            guard let value = present(object[field]) else { continue }
            if case .number(let number) = value, number.rounded() == number { continue }
            lines.append("Expected integer, received \(value.typeName) at \"\(field)\"")
        }
        guard lines.isEmpty else { return .failure(ValidationFailure(lines: lines)) }
        return .success(ValidCreate(model: name, prompt: prompt, duration: duration, resolution: resolution))
    }

    private func checkEnum(
        _ field: String, _ values: [String], _ object: [String: JSONValue], _ lines: inout [String],
        accept: (String) -> Void
    ) {
        guard let value = present(object[field]) else { return }
        guard case .string(let text) = value else {
            lines.append("Expected string, received \(value.typeName) at \"\(field)\"")
            return
        }
        guard values.contains(text) else {
            let expected = values.map { "'\($0)'" }.joined(separator: " | ")
            lines.append("Invalid enum value. Expected \(expected), received '\(text)' at \"\(field)\"")
            return
        }
        accept(text)
    }

    /// `format: uri` as the provider reads it: an http(s) URL with a host, or a base64 `data:` URL.
    static func isURI(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if lowered.hasPrefix("data:") { return lowered.contains(";base64,") }
        return CreateValidation.isAcceptedImageReference(text)
    }

    private func present(_ value: JSONValue?) -> JSONValue? {
        if let value, value != .null { return value }
        return nil
    }
}
