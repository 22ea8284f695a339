/// Reads a CSV batch (RFC 4180): a header row naming the fields, then one record per job. A field
/// in double quotes may hold commas, line breaks and doubled quotes (`""`). Records are separated
/// by LF or CR LF; empty lines are skipped. A record with more or fewer fields than the header is
/// an error; an empty field means "not given" (the default applies).
public enum CSVReader {
    /// The rows of `text` (positions are the line each record starts on), or every problem.
    public static func rows(_ text: String, file: String) throws(BatchProblems) -> [BatchRow] {
        let records = try self.records(text, file: file)
        guard let header = records.first else {
            throw BatchProblems(["\(file): the CSV file is empty; its first row must name the fields"])
        }
        var problems: [String] = []
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        for (index, name) in names.enumerated() where name.isEmpty {
            problems.append("\(file) line \(header.line): column \(index + 1) of the header has no name")
        }
        var rows: [BatchRow] = []
        for record in records.dropFirst() {
            let position = BatchPosition.line(record.line)
            guard record.fields.count == names.count else {
                problems.append(
                    "\(file) \(position): \(record.fields.count) fields where the header names \(names.count) "
                        + "(a field holding a comma must be in double quotes)")
                continue
            }
            let fields = zip(names, record.fields).compactMap { name, value -> (name: String, value: BatchValue)? in
                value.isEmpty ? nil : (name, .string(value))
            }
            rows.append(BatchRow(position: position, fields: fields))
        }
        guard problems.isEmpty else { throw BatchProblems(problems) }
        return rows
    }

    /// Splits `text` into records of fields, with the line each record starts on.
    static func records(_ text: String, file: String) throws(BatchProblems) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) { records.append((recordLine, fields)) }
            fields = []
            field = ""
            fieldStarted = false
            afterQuote = false
        }
        while index < scalars.count {
            let c = scalars[index]
            index += 1
            if quoted {
                if c == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = true
                afterQuote = false
            case "\r" where index < scalars.count && scalars[index] == "\n":
                break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where field.isEmpty && !afterQuote:
                quoted = true
                fieldStarted = true
            default:
                if afterQuote {
                    throw BatchProblems([
                        "\(file) line \(line): text after a closing double quote; "
                            + "a quote inside a quoted field is written twice (\"\")"
                    ])
                }
                field.unicodeScalars.append(c)
                fieldStarted = true
            }
        }
        if quoted {
            throw BatchProblems(["\(file) line \(recordLine): a double quote opened here is never closed"])
        }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        return records
    }
}
