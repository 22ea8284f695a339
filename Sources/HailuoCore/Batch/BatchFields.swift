import Foundation

/// What a row gets for a field it does not give (the config's `[defaults]`).
public struct BatchDefaults: Sendable, Equatable {
    public var model: ModelID
    public var duration: Int
    public var resolution: Resolution
    public var promptOptimizer: Bool

    public init(
        model: ModelID = ModelCatalog.defaultModelID, duration: Int = 6, resolution: Resolution = .p768,
        promptOptimizer: Bool = true
    ) {
        self.model = model
        self.duration = duration
        self.resolution = resolution
        self.promptOptimizer = promptOptimizer
    }
}

/// The fields a batch row may give: the `submit` options' names. `-` and `_` are the same
/// (`last-image` or `last_image`), and case does not matter.
public enum BatchField: String, Sendable, CaseIterable {
    case prompt
    case image
    case lastImage = "last_image"
    case model
    case duration
    case resolution
    case promptOptimizer = "prompt_optimizer"
    /// H3, H3 Max: `16:9`, `adaptive`, ...
    case ratio
    /// H3, H3 Max: paths or links separated by spaces.
    case referenceImages = "reference_images"
    /// H3, H3 Max: links separated by spaces.
    case referenceVideos = "reference_videos"
    /// H3, H3 Max: links separated by spaces.
    case referenceAudio = "reference_audio"

    /// The field a name as written means, or `nil` for an unknown name.
    public init?(name: String) {
        let normal = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        switch normal {
        case "first_image", "first_frame": self = .image
        case "last_frame": self = .lastImage
        case "reference_image": self = .referenceImages
        case "reference_video": self = .referenceVideos
        default: self.init(rawValue: normal)
        }
    }

    /// Every field name, as the messages list them.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// Turns a batch row into generation parameters: the defaults, then the row's fields. A local
/// image path that is not absolute (and does not start with `~`) is relative to the batch file's
/// folder. Problems name the file, the row and the field.
public enum BatchFields {
    public static func parameters(
        _ row: BatchRow, defaults: BatchDefaults, folder: String, file: String
    ) -> Result<GenerationParameters, BatchProblems> {
        var parameters = GenerationParameters(
            model: defaults.model, prompt: "", promptOptimizer: defaults.promptOptimizer,
            duration: defaults.duration, resolution: defaults.resolution)
        var problems: [String] = []
        var seen: Set<BatchField> = []
        var promptGiven = false
        for (name, value) in row.fields {
            func problem(_ what: String) {
                problems.append("\(file) \(row.position), field \(InertText.quoted(name, limit: 40)): \(what)")
            }
            guard let field = BatchField(name: name) else {
                problem("unknown field; the fields are \(BatchField.names)")
                continue
            }
            guard seen.insert(field).inserted else {
                problem("given twice (as another spelling of \(field.rawValue))")
                continue
            }
            switch field {
            case .prompt:
                guard case .string(let text) = value else { problem("must be text (got \(value.shown))"); continue }
                parameters.prompt = text
                promptGiven = true
            case .image, .lastImage:
                guard case .string(let text) = value else {
                    problem("must be a file path or an http(s) URL (got \(value.shown))")
                    continue
                }
                let resolved = resolve(text, folder: folder)
                if field == .image { parameters.firstFrame = resolved } else { parameters.lastFrame = resolved }
            case .model:
                guard case .string(let text) = value else {
                    problem("must be a model id (got \(value.shown))"); continue
                }
                parameters.model = ModelID(text.trimmingCharacters(in: .whitespaces))
            case .duration:
                guard let seconds = integer(value) else {
                    problem("must be a whole number of seconds (got \(value.shown))")
                    continue
                }
                parameters.duration = seconds
            case .resolution:
                guard case .string(let text) = value,
                    let resolution = Resolution(named: text)
                else {
                    problem("must be 480P, 768P, 1080P or 2K (got \(value.shown))")
                    continue
                }
                parameters.resolution = resolution
            case .promptOptimizer:
                guard let flag = boolean(value) else { problem("must be true or false (got \(value.shown))"); continue }
                parameters.promptOptimizer = flag
            case .ratio:
                guard case .string(let text) = value, let ratio = AspectRatio(named: text) else {
                    let names = AspectRatio.allCases.map(\.rawValue).joined(separator: ", ")
                    problem("must be one of \(names) (got \(value.shown))")
                    continue
                }
                parameters.ratio = ratio
            case .referenceImages, .referenceVideos, .referenceAudio:
                guard case .string(let text) = value else {
                    problem("must be paths or links separated by spaces (got \(value.shown))")
                    continue
                }
                guard let kind = ReferenceKind.allCases.first(where: { $0.parameterName == field.rawValue }) else {
                    continue
                }
                let items = text.split(whereSeparator: \.isWhitespace).map { String($0) }
                parameters.setReferences(kind, kind == .image ? items.map { resolve($0, folder: folder) } : items)
            }
        }
        parameters.adoptModelDefaults(
            resolutionChosen: seen.contains(.resolution), durationChosen: seen.contains(.duration))
        if !promptGiven, !seen.contains(.prompt) {
            problems.append("\(file) \(row.position), field \"prompt\": missing; every job needs a prompt")
        }
        return problems.isEmpty ? .success(parameters) : .failure(BatchProblems(problems))
    }

    /// `path` made absolute against `folder` unless it is a URL, absolute, or starts with `~`.
    public static func resolve(_ reference: String, folder: String) -> String {
        let text = reference.trimmingCharacters(in: .whitespaces)
        let lower = text.lowercased()
        if text.isEmpty || text.hasPrefix("/") || text.hasPrefix("~") || lower.hasPrefix("http://")
            || lower.hasPrefix("https://") || lower.hasPrefix("data:")
        {
            return text
        }
        return URL(fileURLWithPath: text, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
            .standardizedFileURL.path
    }

    static func integer(_ value: BatchValue) -> Int? {
        switch value {
        case .integer(let number): number
        case .float(let number) where number == number.rounded() && abs(number) < 1e6: Int(number)
        case .string(let text):
            Int(text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "s", with: ""))
        default: nil
        }
    }

    static func boolean(_ value: BatchValue) -> Bool? {
        switch value {
        case .bool(let flag): return flag
        case .string(let text):
            switch text.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "on", "1": return true
            case "false", "no", "off", "0": return false
            default: return nil
            }
        default: return nil
        }
    }
}
