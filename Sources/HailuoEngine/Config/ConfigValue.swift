import HailuoCore
import TOMLKit

/// A TOML value copied out of TOMLKit into plain, `Sendable` Swift values.
indirect enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case table([String: ConfigValue])
    case array([ConfigValue])
    /// A date, time or date-time (no key of ours takes one); the associated text names the type.
    case other(String)

    /// The value as it would be written in TOML, for error messages: strings quoted and cut at 60
    /// characters (``ConfigError/description`` makes the whole message inert); tables and arrays
    /// by kind only.
    var shown: String {
        switch self {
        case .string(let text):
            let cut = text.count > 60 ? String(text.prefix(60)) + "…" : text
            return "\"\(cut)\""
        case .integer(let value): return String(value)
        case .float(let value): return String(value)
        case .bool(let value): return String(value)
        case .table: return "a table"
        case .array: return "an array"
        case .other(let kind): return "a \(kind)"
        }
    }

    /// A number as a person would write it: `10` rather than `10.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Parses a TOML document.
    static func parseDocument(_ text: String, path: String) throws(ConfigError) -> [String: ConfigValue] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .malformedTOML(
                path: path, line: error.source.begin.line, column: error.source.begin.column,
                reason: error.description)
        } catch {
            throw .malformedTOML(path: path, line: nil, column: nil, reason: String(describing: error))
        }
        return convertTable(table)
    }

    private static func convertTable(_ table: TOMLTable) -> [String: ConfigValue] {
        var result: [String: ConfigValue] = [:]
        for key in table.keys {
            if let value = table[key] { result[key] = convert(value) }
        }
        return result
    }

    private static func convert(_ value: any TOMLValueConvertible) -> ConfigValue {
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .integer(value.int ?? 0)
        case .double: return .float(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .table: return .table(value.table.map(convertTable) ?? [:])
        case .array: return .array(value.array.map { $0.map(convert) } ?? [])
        case .date, .time, .dateTime: return .other(value.type.description)
        }
    }
}
