import Foundation

/// Reads `user-dirs.dirs`, the file `xdg-user-dirs-update` writes (`XDG_VIDEOS_DIR="$HOME/Videos"`).
enum UserDirs {
    /// The videos folder named in `file`, with `$HOME` expanded; `nil` when the file or the line is
    /// missing, or the value is not an absolute path.
    static func videosDirectory(file: URL, home: String) -> URL? {
        guard let data = try? Data(contentsOf: file, options: .mappedIfSafe), data.count < 1 << 20 else { return nil }
        return value(of: "XDG_VIDEOS_DIR", in: String(decoding: data, as: UTF8.self), home: home)
            .map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
    }

    /// The value of `key` in the text of a `user-dirs.dirs` file (the last assignment wins).
    static func value(of key: String, in text: String, home: String) -> String? {
        var result: String?
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            guard line[..<equals].trimmingCharacters(in: .whitespaces) == key else { continue }
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            if value.hasPrefix("${HOME}") {
                value = home + value.dropFirst("${HOME}".count)
            } else if value.hasPrefix("$HOME") {
                value = home + value.dropFirst("$HOME".count)
            }
            result = value.hasPrefix("/") ? value : nil
        }
        return result
    }
}
