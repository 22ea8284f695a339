/// Where a row of a batch file came from, for messages: `line 4`, `[[job]] 2`, `matrix job 3`.
public enum BatchPosition: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A line of a JSON Lines file, or the line a CSV record starts on (1-based).
    case line(Int)
    /// The n-th `[[job]]` table of a TOML file (1-based).
    case job(Int)
    /// The n-th combination the `[matrix]` table of a TOML file multiplies out to (1-based).
    case matrix(Int)

    public var description: String {
        switch self {
        case .line(let number): "line \(number)"
        case .job(let number): "[[job]] \(number)"
        case .matrix(let number): "matrix job \(number)"
        }
    }
}

/// One value of a batch row, as the file wrote it.
public enum BatchValue: Sendable, Equatable, Hashable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    /// Something no field takes (a list, a table, null), described by kind.
    case other(String)

    /// The value as a person would write it, for messages (strings quoted and cut).
    public var shown: String {
        switch self {
        case .string(let text): InertText.quoted(text, limit: 60)
        case .integer(let value): String(value)
        case .float(let value): String(value)
        case .bool(let value): String(value)
        case .other(let kind): kind
        }
    }
}

/// One job as a batch file describes it: field names (as written) and their values.
public struct BatchRow: Sendable, Equatable {
    public var position: BatchPosition
    /// Field name as written (any spelling) and its value, in the file's order.
    public var fields: [(name: String, value: BatchValue)]

    public init(position: BatchPosition, fields: [(name: String, value: BatchValue)]) {
        self.position = position
        self.fields = fields
    }

    public static func == (a: BatchRow, b: BatchRow) -> Bool {
        a.position == b.position && a.fields.map(\.name) == b.fields.map(\.name)
            && a.fields.map(\.value) == b.fields.map(\.value)
    }
}

/// The formats a batch file may be in, by its name's ending.
public enum BatchFormat: String, Sendable, CaseIterable {
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    case jsonLines = "JSON Lines"
    /// A header row naming the fields, then one record per job (`.csv`).
    case csv = "CSV"
    /// A `[matrix]` table whose lists multiply out, and `[[job]]` tables (`.toml`).
    case toml = "TOML"

    /// The format of the file at `path`, from its extension; `nil` when it names none of them.
    public static func of(path: String) -> BatchFormat? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jsonl", "ndjson": return .jsonLines
        case "csv": return .csv
        case "toml": return .toml
        default: return nil
        }
    }
}
