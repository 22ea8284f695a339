import HailuoCore

/// Reads a TOML batch: a `[matrix]` table whose lists multiply out, and a `[[job]]` array of
/// single jobs (either may be left out).
///
/// ```toml
/// [matrix]
/// prompts = ["a paper boat in the rain", "a kite over the sea"]
/// images = ["boat.png", "kite.png"]
/// durations = [6, 10]
///
/// [[job]]
/// prompt = "one more, in 1080P"
/// resolution = "1080P"
/// ```
enum BatchTOMLReader {
    /// The matrix (not multiplied out: it may be too big) and the single jobs, or every problem.
    static func read(_ text: String, file: String) throws(BatchProblems) -> (matrix: BatchMatrix?, jobs: [BatchRow]) {
        let document: [String: ConfigValue]
        do {
            document = try ConfigValue.parseDocument(text, path: file)
        } catch {
            throw BatchProblems(["\(file): not valid TOML: \(error.description)"])
        }
        var problems: [String] = []
        for key in document.keys.sorted() where key != "matrix" && key != "job" {
            problems.append(
                "\(file): unknown table or key \(InertText.quoted(key, limit: 40)); "
                    + "a TOML batch holds a [matrix] table and [[job]] tables")
        }
        var matrix: BatchMatrix?
        if let value = document["matrix"] {
            if case .table(let table) = value {
                matrix = readMatrix(table, file: file, problems: &problems)
            } else {
                problems.append("\(file): matrix must be a table ([matrix]), not \(value.shown)")
            }
        }
        var jobs: [BatchRow] = []
        if let value = document["job"] {
            if case .array(let tables) = value {
                for (index, entry) in tables.enumerated() {
                    let position = BatchPosition.job(index + 1)
                    guard case .table(let table) = entry else {
                        problems.append("\(file) \(position): must be a table of fields")
                        continue
                    }
                    let fields = table.keys.sorted().map { (name: $0, value: batchValue(table[$0] ?? .other("?"))) }
                    jobs.append(BatchRow(position: position, fields: fields))
                }
            } else {
                problems.append("\(file): job must be an array of tables ([[job]]), not \(value.shown)")
            }
        }
        guard problems.isEmpty else { throw BatchProblems(problems) }
        return (matrix, jobs)
    }

    private static func readMatrix(
        _ table: [String: ConfigValue], file: String, problems: inout [String]
    ) -> BatchMatrix {
        var axes: [BatchMatrix.Axis] = []
        for key in table.keys.sorted() {
            let field = BatchMatrix.field(forKey: key)
            guard BatchField(name: field) != nil else {
                problems.append(
                    "\(file) [matrix], field \(InertText.quoted(key, limit: 40)): unknown field; the fields are "
                        + "\(BatchField.names) (or their plurals for lists: prompts, images, durations, …)")
                continue
            }
            let value = table[key] ?? .other("?")
            if case .array(let list) = value {
                guard !list.isEmpty else {
                    problems.append(
                        "\(file) [matrix], field \(InertText.quoted(key, limit: 40)): an empty list makes no jobs")
                    continue
                }
                axes.append(BatchMatrix.Axis(field: field, values: list.map(batchValue)))
            } else {
                axes.append(BatchMatrix.Axis(field: field, values: [batchValue(value)]))
            }
        }
        return BatchMatrix(axes: BatchMatrix.ordered(axes))
    }

    private static func batchValue(_ value: ConfigValue) -> BatchValue {
        switch value {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .float(let number): .float(number)
        case .bool(let flag): .bool(flag)
        case .table: .other("a table")
        case .array: .other("a list")
        case .other(let kind): .other("a \(kind)")
        }
    }
}
