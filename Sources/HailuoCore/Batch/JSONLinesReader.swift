import Foundation

/// Reads a JSON Lines batch: one JSON object per line. Blank lines and lines starting with `#`
/// are skipped (a comment, or a row left out for now).
public enum JSONLinesReader {
    /// The rows of `text`, or every line that is not a JSON object, each a sentence starting with `file`.
    public static func rows(_ text: String, file: String) throws(BatchProblems) -> [BatchRow] {
        var rows: [BatchRow] = []
        var problems: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let position = BatchPosition.line(index + 1)
            do {
                let object = try JSONDecoder().decode([String: JSONField].self, from: Data(trimmed.utf8))
                let fields = object.keys.sorted().map { (name: $0, value: object[$0]?.value ?? .other("null")) }
                rows.append(BatchRow(position: position, fields: fields))
            } catch {
                problems.append("\(file) \(position): not a JSON object on one line (\(reason(error)))")
            }
        }
        guard problems.isEmpty else { throw BatchProblems(problems) }
        return rows
    }

    private static func reason(_ error: any Error) -> String {
        if case DecodingError.typeMismatch = error { return "a line must hold one {…} object" }
        if case DecodingError.dataCorrupted = error { return "not valid JSON" }
        return "not valid JSON"
    }
}

/// One JSON value, told apart strictly: `true` is a boolean, `6` an integer, `6.5` a number.
private struct JSONField: Decodable {
    let value: BatchValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .other("null")
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            value = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            value = .float(number)
        } else if let text = try? container.decode(String.self) {
            value = .string(text)
        } else if (try? container.decode([JSONField].self)) != nil {
            value = .other("a list")
        } else {
            value = .other("an object")
        }
    }
}
