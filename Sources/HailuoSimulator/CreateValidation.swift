import Foundation

/// A model the simulator accepts, and whether it needs a first-frame image.
struct SimulatedModel: Sendable {
    /// Model name as sent in `model`.
    var name: String
    /// Whether a create without an image is rejected.
    var requiresImage: Bool
    /// Vendor-family field that names the missing image in the error message.
    var vendorImageField: String
}

/// A create body that passed validation.
struct ValidCreate: Sendable {
    var model: String
    var prompt: String
    var duration: Int
    var resolution: String
}

/// The problem lines of a rejected create body.
struct ValidationFailure: Error, Sendable {
    /// One line per problem, each naming its field.
    var lines: [String]

    /// The provider's message: the header line, then the problem lines.
    var message: String { ([CreateValidation.header] + lines).joined(separator: "\n") }
}

/// Checks create bodies the way the provider's schema does and words failures like it
/// (`Body validation error!`, then one line per problem, each naming its field).
///
/// Like the upstream schema it does NOT reject 1080P with 10 s (that job fails later).
enum CreateValidation {
    /// The models table.
    static let models: [SimulatedModel] = [
        SimulatedModel(name: "minimax/hailuo-02", requiresImage: false, vendorImageField: "first_frame_image"),
        SimulatedModel(name: "video-01", requiresImage: false, vendorImageField: "first_frame_image"),
        SimulatedModel(name: "video-01-live2d", requiresImage: true, vendorImageField: "first_frame_image"),
        SimulatedModel(name: "minimax/hailuo-2.3", requiresImage: false, vendorImageField: "image_url"),
        SimulatedModel(name: "minimax/hailuo-2.3-fast", requiresImage: true, vendorImageField: "image_url"),
    ]

    /// First line of every validation message.
    static let header = "Body validation error!"

    /// Validates a create body (nil = not JSON) for `family`.
    static func validate(_ body: JSONValue?, family: SimulatorEndpointFamily) -> Result<ValidCreate, ValidationFailure>
    {
        guard case .object(let object)? = body else {
            let received = body?.typeName ?? "invalid JSON"
            return .failure(ValidationFailure(lines: ["Expected object, received \(received)"]))
        }
        if family == .unified, case .string(let name)? = object["model"], let schema = SchemaModel.named(name) {
            return schema.validate(object)
        }
        var lines: [String] = []
        let model = checkModel(object["model"], into: &lines)
        let prompt = checkPrompt(object["prompt"], into: &lines)
        let duration = checkDuration(object["duration"], into: &lines)
        let resolution = checkResolution(object["resolution"], into: &lines)

        let booleanField = family == .vendor ? "prompt_optimizer" : "enhance_prompt"
        if let value = present(object[booleanField]) {
            if case .bool = value {
            } else {
                lines.append("Expected boolean, received \(value.typeName) at \"\(booleanField)\"")
            }
        }

        let imageFields = family == .vendor ? ["first_frame_image", "image_url"] : ["image_url"]
        var hasImage = false
        var imageFieldInvalid = false
        for field in imageFields + ["last_image_url"] {
            guard let value = present(object[field]) else { continue }
            guard case .string(let text) = value else {
                lines.append("Expected string, received \(value.typeName) at \"\(field)\"")
                imageFieldInvalid = true
                continue
            }
            if isAcceptedImageReference(text) {
                if field != "last_image_url" { hasImage = true }
            } else {
                lines.append(
                    "Invalid url: expected an http(s) URL or a data:image/png or data:image/jpeg base64 URL at \"\(field)\""
                )
                imageFieldInvalid = true
            }
        }
        if let model, model.requiresImage, !hasImage, !imageFieldInvalid {
            let field = family == .vendor ? model.vendorImageField : "image_url"
            lines.append("Required at \"\(field)\": model \(model.name) needs a first-frame image")
        }

        guard lines.isEmpty, let model else { return .failure(ValidationFailure(lines: lines)) }
        return .success(ValidCreate(model: model.name, prompt: prompt, duration: duration, resolution: resolution))
    }

    /// Whether `text` is an http(s) URL with a host, or a `data:image/(png|jpeg);base64,` URL with base64 data.
    static func isAcceptedImageReference(_ text: String) -> Bool {
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard let host = URL(string: text)?.host, !host.isEmpty else { return false }
            return true
        }
        for prefix in ["data:image/png;base64,", "data:image/jpeg;base64,"] where lowered.hasPrefix(prefix) {
            let payload = String(text.dropFirst(prefix.count))
            return !payload.isEmpty && Data(base64Encoded: payload) != nil
        }
        return false
    }

    private static func present(_ value: JSONValue?) -> JSONValue? {
        if let value, value != .null { return value }
        return nil
    }

    private static func checkModel(_ value: JSONValue?, into lines: inout [String]) -> SimulatedModel? {
        guard let value = present(value) else {
            lines.append("Required at \"model\"")
            return nil
        }
        guard case .string(let name) = value else {
            lines.append("Expected string, received \(value.typeName) at \"model\"")
            return nil
        }
        if let model = models.first(where: { $0.name == name }) { return model }
        let expected = models.map { "'\($0.name)'" }.joined(separator: " | ")
        lines.append("Invalid enum value. Expected \(expected), received '\(name)' at \"model\"")
        return nil
    }

    private static func checkPrompt(_ value: JSONValue?, into lines: inout [String]) -> String {
        guard let value = present(value) else {
            lines.append("Required at \"prompt\"")
            return ""
        }
        guard case .string(let text) = value else {
            lines.append("Expected string, received \(value.typeName) at \"prompt\"")
            return ""
        }
        let units = text.utf16.count
        if units < 1 { lines.append("String must contain at least 1 character(s) at \"prompt\"") }
        if units > 2000 { lines.append("String must contain at most 2000 character(s) at \"prompt\"") }
        return text
    }

    private static func checkDuration(_ value: JSONValue?, into lines: inout [String]) -> Int {
        guard let value = present(value) else { return 6 }
        guard case .number(let number) = value else {
            lines.append("Expected number, received \(value.typeName) at \"duration\"")
            return 6
        }
        if number != 6 && number != 10 {
            let shown = number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
            lines.append("Invalid enum value. Expected 6 | 10, received \(shown) at \"duration\"")
            return 6
        }
        return Int(number)
    }

    private static func checkResolution(_ value: JSONValue?, into lines: inout [String]) -> String {
        guard let value = present(value) else { return "768P" }
        guard case .string(let text) = value else {
            lines.append("Expected string, received \(value.typeName) at \"resolution\"")
            return "768P"
        }
        if text != "768P" && text != "1080P" {
            lines.append("Invalid enum value. Expected '768P' | '1080P', received '\(text)' at \"resolution\"")
        }
        return text
    }
}
