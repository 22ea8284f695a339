import HailuoCore

/// Why the presets file could not be read or written, or a preset could not be found or saved.
///
/// Each description is one sentence naming the file and the line or the preset. Names, keys and
/// values come from the user's file and are made inert.
public enum PresetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file exists but cannot be read (or is not a regular file, or not UTF-8).
    case unreadable(path: String, reason: String)
    /// The file is not valid TOML.
    case malformedTOML(path: String, line: Int?, column: Int?, reason: String)
    /// A top-level key other than `presets`, or `presets` that is not a table of tables.
    case notPresets(path: String, key: String, got: String)
    /// A preset has a key no preset takes.
    case unknownKey(path: String, preset: String, key: String, allowed: [String])
    /// A preset's key holds a value of the wrong type.
    case wrongType(path: String, preset: String, key: String, expected: String, got: String)
    /// A preset names a model the table does not know.
    case unknownModel(path: String, preset: String, model: String, known: [String])
    /// A value is not one of a fixed set (a resolution).
    case unknownValue(path: String, preset: String, key: String, value: String, allowed: [String])
    /// A name breaks the rules (``Preset/nameProblem(_:)``); `path` is `nil` for a name typed by the user.
    case badName(path: String?, name: String, problem: String)
    /// No preset of that name.
    case unknownPreset(name: String, path: String, known: [String])
    /// Saving without replacing, and a preset of that name exists.
    case exists(name: String, path: String)
    /// The file or its folder could not be written.
    case unwritable(path: String, reason: String)

    /// One sentence saying what is wrong, made inert as a whole.
    public var description: String { InertText.oneLine(sentence, limit: .max) }

    private var sentence: String {
        switch self {
        case .unreadable(let path, let reason):
            return "The presets file \(path) cannot be read: \(reason)."
        case .malformedTOML(let path, let line, let column, let reason):
            let position =
                switch (line, column) {
                case (let line?, let column?): " at line \(line), column \(column)"
                case (let line?, nil): " at line \(line)"
                default: ""
                }
            return "The presets file \(path) is not valid TOML\(position): \(reason)."
        case .notPresets(let path, let key, let got):
            return "The presets file \(path) holds \(Self.quoted(key)) (\(got)); it may hold only "
                + "[presets.\"NAME\"] tables."
        case .unknownKey(let path, let preset, let key, let allowed):
            return "In \(path), preset \(Self.quoted(preset)) has the unknown key \(Self.quoted(key)); "
                + "a preset takes \(allowed.joined(separator: ", "))."
        case .wrongType(let path, let preset, let key, let expected, let got):
            return "In \(path), preset \(Self.quoted(preset)): \(key) must be \(expected), got \(got)."
        case .unknownModel(let path, let preset, let model, let known):
            return "In \(path), preset \(Self.quoted(preset)) names the unknown model \(Self.quoted(model)); "
                + "known models: \(known.joined(separator: ", "))."
        case .unknownValue(let path, let preset, let key, let value, let allowed):
            return "In \(path), preset \(Self.quoted(preset)): \(key) must be one of "
                + "\(allowed.joined(separator: ", ")), got \(value)."
        case .badName(let path, let name, let problem):
            let place = path.map { "In \($0), the" } ?? "The"
            return "\(place) preset name \(Self.quoted(name)) \(problem); a name is 1-\(Preset.maximumNameLength) "
                + "characters without control characters."
        case .unknownPreset(let name, let path, let known):
            let list =
                known.isEmpty ? "it holds none yet" : "known presets: \(known.map(Self.quoted).joined(separator: ", "))"
            return "There is no preset \(Self.quoted(name)) in \(path); \(list)."
        case .exists(let name, let path):
            return "A preset \(Self.quoted(name)) already exists in \(path)."
        case .unwritable(let path, let reason):
            return "The presets file \(path) cannot be written: \(reason)."
        }
    }

    /// A name, key or value in quotes, cut at 70 characters (the whole sentence is made inert once).
    private static func quoted(_ text: String) -> String {
        "\"" + (text.count > 70 ? String(text.prefix(70)) + "…" : text) + "\""
    }
}
