import HailuoCore

/// The one place where ``GenerationParameters`` meet a preset's TOML table: ``parameters(from:preset:path:defaults:)``
/// reads one, ``lines(for:)`` writes one. A new parameter is added to both (and to ``keys``).
///
/// ```toml
/// [presets."rainy street"]
/// model = "minimax/hailuo-02"
/// prompt = "A paper boat on a rainy street"
/// duration = 6
/// resolution = "768P"
/// prompt_optimizer = true
/// first_frame = "~/img/boat.png"
/// ratio = "16:9"                                   # H3, H3 Max
/// reference_images = ["~/img/look.png"]            # H3, H3 Max; also reference_videos, reference_audio
/// ```
enum PresetTOML {
    /// Every key a preset takes, in the order they are written.
    static let keys =
        [
            "model", "prompt", "duration", "resolution", "prompt_optimizer", "first_frame", "last_frame", "ratio",
        ] + ReferenceKind.allCases.map(\.parameterName)

    /// The parameters of one `[presets."NAME"]` table; a key left out takes its value from `defaults`
    /// (the config's defaults). `preset` and `path` are only used in errors.
    static func parameters(
        from table: [String: ConfigValue], preset: String, path: String, defaults: GenerationParameters
    ) throws(PresetError) -> GenerationParameters {
        let known = Set(keys)
        if let unknown = table.keys.sorted().first(where: { !known.contains($0) }) {
            throw .unknownKey(path: path, preset: preset, key: unknown, allowed: keys)
        }
        let read = Reader(table: table, preset: preset, path: path)
        var parameters = defaults
        if let model = try read.string("model") {
            guard ModelCatalog.model(ModelID(model)) != nil else {
                throw .unknownModel(
                    path: path, preset: preset, model: model, known: ModelCatalog.ids.map(\.rawValue))
            }
            parameters.model = ModelID(model)
        }
        parameters.prompt = try read.string("prompt") ?? defaults.prompt
        if let duration = try read.integer("duration") { parameters.duration = duration }
        if let text = try read.string("resolution") {
            guard let resolution = Resolution(named: text) else {
                throw .unknownValue(
                    path: path, preset: preset, key: "resolution", value: ConfigValue.string(text).shown,
                    allowed: Resolution.allCases.map(\.rawValue))
            }
            parameters.resolution = resolution
        }
        if let optimizer = try read.bool("prompt_optimizer") { parameters.promptOptimizer = optimizer }
        if let frame = try read.string("first_frame") { parameters.firstFrame = frame.isEmpty ? nil : frame }
        if let frame = try read.string("last_frame") { parameters.lastFrame = frame.isEmpty ? nil : frame }
        if let text = try read.string("ratio") {
            guard let ratio = AspectRatio(named: text) else {
                throw .unknownValue(
                    path: path, preset: preset, key: "ratio", value: ConfigValue.string(text).shown,
                    allowed: AspectRatio.allCases.map(\.rawValue))
            }
            parameters.ratio = ratio
        }
        for kind in ReferenceKind.allCases {
            if let values = try read.strings(kind.parameterName) { parameters.setReferences(kind, values) }
        }
        return parameters
    }

    /// The `key = value` lines of a preset's table, in the order of ``keys``; an absent image is left out.
    static func lines(for parameters: GenerationParameters) -> [String] {
        var lines = [
            "model = \(basicString(parameters.model.rawValue))",
            "prompt = \(basicString(parameters.prompt))",
            "duration = \(parameters.duration)",
            "resolution = \(basicString(parameters.resolution.rawValue))",
            "prompt_optimizer = \(parameters.promptOptimizer)",
        ]
        if let frame = parameters.firstFrame { lines.append("first_frame = \(basicString(frame))") }
        if let frame = parameters.lastFrame { lines.append("last_frame = \(basicString(frame))") }
        if let ratio = parameters.ratio { lines.append("ratio = \(basicString(ratio.rawValue))") }
        for kind in ReferenceKind.allCases where !parameters.references(kind).isEmpty {
            lines.append(
                "\(kind.parameterName) = [" + parameters.references(kind).map(basicString).joined(separator: ", ") + "]"
            )
        }
        return lines
    }

    /// `text` as a TOML basic string: quoted, with `"`, `\` and every control character escaped.
    static func basicString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Typed reads of one preset's keys, with errors naming the preset.
    private struct Reader {
        let table: [String: ConfigValue]
        let preset: String
        let path: String

        func string(_ key: String) throws(PresetError) -> String? {
            guard let value = table[key] else { return nil }
            guard case .string(let text) = value else { throw wrong(key, "a string", value) }
            return text
        }

        func strings(_ key: String) throws(PresetError) -> [String]? {
            guard let value = table[key] else { return nil }
            guard case .array(let items) = value else { throw wrong(key, "a list of strings", value) }
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw wrong(key, "a list of strings", value) }
                texts.append(text)
            }
            return texts
        }

        func integer(_ key: String) throws(PresetError) -> Int? {
            guard let value = table[key] else { return nil }
            guard case .integer(let number) = value else { throw wrong(key, "a whole number of seconds", value) }
            return number
        }

        func bool(_ key: String) throws(PresetError) -> Bool? {
            guard let value = table[key] else { return nil }
            guard case .bool(let flag) = value else { throw wrong(key, "true or false", value) }
            return flag
        }

        private func wrong(_ key: String, _ expected: String, _ value: ConfigValue) -> PresetError {
            .wrongType(path: path, preset: preset, key: key, expected: expected, got: value.shown)
        }
    }
}
