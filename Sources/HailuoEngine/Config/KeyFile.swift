import Foundation

/// Reads the API key from a file that only its owner may read.
enum KeyFile {
    /// Largest key file accepted.
    static let maximumSize = 64 * 1024

    /// The key in the file at `path` (already `~`-expanded): its first non-empty line, trimmed.
    ///
    /// The file must be a regular file (symbolic links are followed) that neither group nor others
    /// may read or write (`mode & 0o077 == 0`); it is opened without blocking, so a FIFO cannot hang.
    static func read(path: String) throws(ConfigError) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .keyFileMissing(path: path) }
            throw .keyFileUnreadable(path: path, reason: PrivateFiles.errorText(code))
        }
        try check(info, path: path)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else {
            throw .keyFileUnreadable(path: path, reason: PrivateFiles.errorText())
        }
        defer { close(descriptor) }
        // Check again on what was opened: the path may have changed in between.
        guard fstat(descriptor, &info) == 0 else {
            throw .keyFileUnreadable(path: path, reason: PrivateFiles.errorText())
        }
        try check(info, path: path)

        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .keyFileUnreadable(path: path, reason: PrivateFiles.errorText())
            }
            if count == 0 { break }
            bytes += buffer[0..<count]
            if bytes.count > maximumSize {
                throw .keyFileUnreadable(path: path, reason: "it is larger than 64 KB, which no API key is")
            }
        }
        guard let key = KeyText.firstLine(String(decoding: bytes, as: UTF8.self)) else {
            throw .keyFileEmpty(path: path)
        }
        return key
    }

    private static func check(_ info: stat, path: String) throws(ConfigError) {
        guard info.st_mode & S_IFMT == S_IFREG else { throw .keyFileNotRegular(path: path) }
        if info.st_mode & 0o077 != 0 {
            throw .keyFileTooOpen(path: path, mode: "0" + String(info.st_mode & 0o777, radix: 8))
        }
    }
}

/// Turns what a key file or key command holds into a key.
enum KeyText {
    /// The first line that is not blank, trimmed; `nil` when there is none. Like `pass`, only the
    /// first line counts, so a password store entry with notes below the key works.
    static func firstLine(_ text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { return trimmed }
        }
        return nil
    }

    /// Whether `key` can go in an HTTP header as it is: printable ASCII, no spaces.
    static func isWellFormed(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }
}
