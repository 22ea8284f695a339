import Foundation
import HailuoCore

/// Reads a batch file and checks every row as `submit` would, before anything is stored or sent.
enum BatchPlanner {
    /// The rows of the file at `path` with their parameters, or every problem with the file.
    static func rows(
        path: String, home: String?, defaults: BatchDefaults, maxJobs: Int
    ) throws(BatchProblems) -> (source: String, rows: [(BatchPosition, GenerationParameters)], format: BatchFormat) {
        let shown = InertText.oneLine(path, limit: 200)
        let absolute = URL(fileURLWithPath: ImagePreflight.expand(path, home: home)).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute.path, isDirectory: &isFolder) else {
            throw BatchProblems(["\(shown): no such file"])
        }
        if isFolder.boolValue { throw BatchProblems(["\(shown): is a folder, not a batch file"]) }
        let source = absolute.resolvingSymlinksInPath().path
        guard let format = BatchFormat.of(path: source) else {
            throw BatchProblems(["\(shown): the name must end in .jsonl, .csv or .toml to say the file's format"])
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            throw BatchProblems(["\(shown): cannot be read (\(String(cString: strerror(errno)).lowercased()))"])
        }
        if let line = firstBadUTF8Line(data) {
            throw BatchProblems(["\(shown) line \(line): not UTF-8 text; save the file as UTF-8"])
        }
        let text = String(decoding: data, as: UTF8.self)
        let parsed: [BatchRow]
        switch format {
        case .jsonLines: parsed = try JSONLinesReader.rows(text, file: shown)
        case .csv: parsed = try CSVReader.rows(text, file: shown)
        case .toml:
            let (matrix, jobs) = try BatchTOMLReader.read(text, file: shown)
            let made = (matrix?.count ?? 0) + jobs.count
            if let matrix, made > maxJobs {
                let extra = jobs.isEmpty ? "" : " and \(jobs.count) [[job]] tables"
                throw BatchProblems([
                    "\(shown) [matrix]: would make \(made) jobs (\(matrix.shape.isEmpty ? "1" : matrix.shape)\(extra)), "
                        + "more than the maximum of \(maxJobs) ([batch] max_jobs in the config)"
                ])
            }
            parsed = (matrix?.rows() ?? []) + jobs
        }
        if parsed.isEmpty { throw BatchProblems(["\(shown): holds no jobs"]) }
        if parsed.count > maxJobs {
            throw BatchProblems([
                "\(shown): would make \(parsed.count) jobs, more than the maximum of \(maxJobs) "
                    + "([batch] max_jobs in the config)"
            ])
        }
        let folder = URL(fileURLWithPath: source).deletingLastPathComponent().path
        var problems: [String] = []
        var rows: [(BatchPosition, GenerationParameters)] = []
        for row in parsed {
            switch BatchFields.parameters(row, defaults: defaults, folder: folder, file: shown) {
            case .failure(let found): problems += found.sentences
            case .success(let parameters):
                let issues = RequestBuilder.check(parameters, home: home)
                problems += issues.map { "\(shown) \(row.position): \($0.message)" }
                if issues.isEmpty { rows.append((row.position, parameters)) }
            }
        }
        guard problems.isEmpty else { throw BatchProblems(problems) }
        return (source, rows, format)
    }

    /// The rows with their identities: image contents hashed, identical requests numbered.
    static func identify(
        _ rows: [(BatchPosition, GenerationParameters)], home: String?
    ) -> [(
        position: BatchPosition, parameters: GenerationParameters, key: String, first: (String, String)?,
        last: (String, String)?
    )] {
        var seen: [String: Int] = [:]
        return rows.map { position, parameters in
            let first = localImage(parameters.firstFrame, home: home)
            let last = localImage(parameters.lastFrame, home: home)
            let request = BatchRowKey.request(
                parameters, firstFrameSHA256: first?.1, lastFrameSHA256: last?.1)
            let occurrence = seen[request, default: 0]
            seen[request] = occurrence + 1
            let key = BatchRowKey.make(
                parameters, firstFrameSHA256: first?.1, lastFrameSHA256: last?.1, occurrence: occurrence)
            return (position, parameters, key, first, last)
        }
    }

    /// The absolute path and SHA-256 of a local image reference, `nil` for a URL or none.
    private static func localImage(_ reference: String?, home: String?) -> (String, String)? {
        guard let reference, case .local(let typed)? = try? ImageReference.classify(reference) else { return nil }
        let path = ImagePreflight.expand(typed, home: home)
        return BatchRowKey.fileSHA256(path).map { (path, $0) }
    }

    /// The 1-based line of the first byte sequence that is not UTF-8, or `nil` when all of it is.
    static func firstBadUTF8Line(_ data: Data) -> Int? {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }
}
