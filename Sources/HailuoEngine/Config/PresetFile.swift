import Foundation
import HailuoCore

extension HailuoPaths {
    /// The saved presets: `$XDG_CONFIG_HOME/hailuo/presets.toml` (default `~/.config/hailuo/presets.toml`).
    public var presetsFile: URL { configDirectory.appendingPathComponent("presets.toml", isDirectory: false) }
}

/// The presets file: one `[presets."NAME"]` table per preset (see ``PresetTOML`` for its keys).
///
/// Reading checks every preset, so a broken file is reported once, in one sentence, whichever
/// preset is asked for. Writing rewrites the whole file sorted by name (comments are not kept)
/// into a temporary file renamed over the old one, under a lock, so a crash or a second hailuo
/// leaves either the old file or the new one and no preset of another process is lost.
public struct PresetFile: Sendable {
    public let url: URL
    /// What a key a preset leaves out is taken from (the config's defaults).
    public let defaults: GenerationParameters

    /// Largest file read.
    static let maximumSize = 1 << 20

    public init(url: URL, defaults: GenerationParameters = GenerationParameters(prompt: "")) {
        self.url = url
        self.defaults = defaults
    }

    /// Every preset, sorted by name; none when the file does not exist.
    public func load() throws(PresetError) -> [Preset] {
        guard let text = try readText() else { return [] }
        return try Self.parse(text, path: url.path, defaults: defaults)
    }

    /// The preset called `name`.
    public func preset(named name: String) throws(PresetError) -> Preset {
        let presets = try load()
        guard let found = presets.first(where: { $0.name == name }) else {
            throw .unknownPreset(name: name, path: url.path, known: presets.map(\.name))
        }
        return found
    }

    /// Saves `preset`, keeping the others. With `replace` false, a preset of the same name is
    /// refused (``PresetError/exists(name:path:)``). Returns whether one was replaced.
    @discardableResult
    public func save(_ preset: Preset, replace: Bool) throws(PresetError) -> Bool {
        if let problem = Preset.nameProblem(preset.name) {
            throw .badName(path: nil, name: preset.name, problem: problem)
        }
        return try rewrite { presets throws(PresetError) in
            let existed = presets.contains { $0.name == preset.name }
            if existed, !replace { throw .exists(name: preset.name, path: url.path) }
            presets.removeAll { $0.name == preset.name }
            presets.append(preset)
            return existed
        }
    }

    /// Removes the preset called `name` (an error when there is none).
    public func delete(named name: String) throws(PresetError) {
        try rewrite { presets throws(PresetError) in
            guard presets.contains(where: { $0.name == name }) else {
                throw .unknownPreset(name: name, path: url.path, known: presets.map(\.name))
            }
            presets.removeAll { $0.name == name }
        }
    }

    // MARK: Text

    /// Parses and checks a whole file; `path` is only used in errors.
    public static func parse(
        _ text: String, path: String, defaults: GenerationParameters = GenerationParameters(prompt: "")
    ) throws(PresetError) -> [Preset] {
        let document: [String: ConfigValue]
        do {
            document = try ConfigValue.parseDocument(text, path: path)
        } catch {
            guard case .malformedTOML(_, let line, let column, let reason) = error else {
                throw .unreadable(path: path, reason: error.description)
            }
            throw .malformedTOML(path: path, line: line, column: column, reason: reason)
        }
        if let other = document.keys.sorted().first(where: { $0 != "presets" }) {
            throw .notPresets(path: path, key: other, got: document[other]?.shown ?? "?")
        }
        guard let root = document["presets"] else { return [] }
        guard case .table(let tables) = root else { throw .notPresets(path: path, key: "presets", got: root.shown) }
        var presets: [Preset] = []
        for name in tables.keys.sorted() {
            if let problem = Preset.nameProblem(name) { throw .badName(path: path, name: name, problem: problem) }
            guard case .table(let table)? = tables[name] else {
                throw .notPresets(path: path, key: "presets.\(name)", got: tables[name]?.shown ?? "?")
            }
            let parameters = try PresetTOML.parameters(from: table, preset: name, path: path, defaults: defaults)
            presets.append(Preset(name: name, parameters: parameters))
        }
        return presets
    }

    /// The file's text for `presets`, sorted by name, each a table with a blank line between.
    public static func text(for presets: [Preset]) -> String {
        var text = "# hailuo presets: one [presets.\"NAME\"] table each (F8 saves, F7 recalls, submit --preset NAME).\n"
        for preset in presets.sorted(by: { $0.name < $1.name }) {
            text += "\n[presets.\(PresetTOML.basicString(preset.name))]\n"
            text += PresetTOML.lines(for: preset.parameters).map { $0 + "\n" }.joined()
        }
        return text
    }

    /// One preset as it is written in the file (`hailuo presets show`).
    public static func text(for preset: Preset) -> String {
        "[presets.\(PresetTOML.basicString(preset.name))]\n"
            + PresetTOML.lines(for: preset.parameters).joined(separator: "\n")
    }

    // MARK: Disk

    /// The file's text, or `nil` when it does not exist.
    private func readText() throws(PresetError) -> String? {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw .unreadable(path: path, reason: PrivateFiles.errorText(code))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(path: path, reason: "it is not a regular file")
        }
        guard info.st_size <= Self.maximumSize else { throw .unreadable(path: path, reason: "it is larger than 1 MB") }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "it is not UTF-8 text")
        }
        return text
    }

    /// Reads the presets under the lock, lets `change` edit them, and writes them back atomically.
    private func rewrite<Value>(
        _ change: (inout [Preset]) throws(PresetError) -> Value
    ) throws(PresetError) -> Value {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unwritable(path: url.path, reason: "its folder could not be created (\(error.localizedDescription))")
        }
        let lockPath = folder.appendingPathComponent(".presets.toml.lock", isDirectory: false).path
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lock >= 0 else { throw .unwritable(path: url.path, reason: "no lock (\(PrivateFiles.errorText()))") }
        defer { close(lock) }
        guard flock(lock, LOCK_EX) == 0 else {
            throw .unwritable(path: url.path, reason: "no lock (\(PrivateFiles.errorText()))")
        }
        defer { flock(lock, LOCK_UN) }
        var presets = try load()
        let result = try change(&presets)
        try write(Self.text(for: presets))
        return result
    }

    /// Writes `text` to a temporary file beside the presets file, then renames it over it.
    private func write(_ text: String) throws(PresetError) {
        let path = url.path
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unwritable(path: path, reason: PrivateFiles.errorText()) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let reason = PrivateFiles.errorText()
                close(descriptor)
                unlink(temporary)
                throw .unwritable(path: path, reason: reason)
            }
            written += count
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            let reason = PrivateFiles.errorText()
            unlink(temporary)
            throw .unwritable(path: path, reason: reason)
        }
    }
}
