import Foundation
import HailuoCore

/// One table of the config file, read key by key with type checks that name the full key.
struct ConfigSection {
    /// The dotted name of this table (`""` for the top level, `"poll"`, `"profiles.work"`).
    let name: String
    let values: [String: ConfigValue]

    /// The full dotted name of `key` in this table.
    func fullKey(_ key: String) -> String {
        name.isEmpty ? key : "\(name).\(key)"
    }

    func string(_ key: String) throws(ConfigError) -> String? {
        guard let value = values[key] else { return nil }
        guard case .string(let text) = value else {
            throw .wrongType(key: fullKey(key), expected: "a string", got: value.shown)
        }
        return text
    }

    func nonEmptyString(_ key: String) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalidValue(key: fullKey(key), value: "\"\"", rule: "must not be empty")
        }
        return text
    }

    func bool(_ key: String) throws(ConfigError) -> Bool? {
        guard let value = values[key] else { return nil }
        guard case .bool(let flag) = value else {
            throw .wrongType(key: fullKey(key), expected: "true or false", got: value.shown)
        }
        return flag
    }

    func integer(_ key: String, expected: String) throws(ConfigError) -> Int? {
        guard let value = values[key] else { return nil }
        guard case .integer(let number) = value else {
            throw .wrongType(key: fullKey(key), expected: expected, got: value.shown)
        }
        return number
    }

    /// An integer or a float, finite.
    func number(_ key: String, expected: String) throws(ConfigError) -> Double? {
        guard let value = values[key] else { return nil }
        switch value {
        case .integer(let number): return Double(number)
        case .float(let number) where number.isFinite: return number
        default: throw .wrongType(key: fullKey(key), expected: expected, got: value.shown)
        }
    }

    /// A number within `range`, else an error saying `rule`.
    func number(
        _ key: String, expected: String, within range: ClosedRange<Double>, rule: String
    ) throws(ConfigError) -> Double? {
        guard let number = try number(key, expected: expected) else { return nil }
        guard range.contains(number) else {
            throw .invalidValue(key: fullKey(key), value: values[key]?.shown ?? String(number), rule: rule)
        }
        return number
    }

    /// A sub-table, or `nil` when the key is absent.
    func section(_ key: String) throws(ConfigError) -> ConfigSection? {
        guard let value = values[key] else { return nil }
        guard case .table(let table) = value else {
            throw .wrongType(key: fullKey(key), expected: "a table", got: value.shown)
        }
        return ConfigSection(name: fullKey(key), values: table)
    }

    /// One warning per key of this table that is not in `known`, sorted by key.
    func unknownKeys(known: Set<String>, file: String) -> [String] {
        values.keys.filter { !known.contains($0) }.sorted().map {
            "unknown key \(InertText.oneLine(fullKey($0))) in \(file) (ignored)"
        }
    }
}
