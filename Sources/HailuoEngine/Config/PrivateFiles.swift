import Foundation

/// Creates folders and files that only their owner may read: folders 0700, files 0600.
public enum PrivateFiles {
    /// Creates `directory` (and any missing parent, each 0700) with mode 0700. An existing folder
    /// whose mode is not exactly 0700 is changed to 0700. Throws if the path exists and is not a folder.
    public static func ensureDirectory(at directory: URL) throws(ConfigError) {
        let path = directory.standardizedFileURL.path
        var missing: [String] = []
        var cursor = path
        while !cursor.isEmpty, cursor != "/" {
            var info = stat()
            if stat(cursor, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw .filesystem(path: cursor, reason: "it exists and is not a folder")
                }
                break
            }
            missing.append(cursor)
            cursor = (cursor as NSString).deletingLastPathComponent
        }
        for component in missing.reversed() {
            if mkdir(component, 0o700) != 0, errno != EEXIST {
                throw .filesystem(path: component, reason: "could not create the folder (\(errorText()))")
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw .filesystem(path: path, reason: "could not read the folder (\(errorText()))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .filesystem(path: path, reason: "it exists and is not a folder")
        }
        if info.st_mode & 0o777 != 0o700, chmod(path, 0o700) != 0 {
            throw .filesystem(path: path, reason: "could not set its mode to 0700 (\(errorText()))")
        }
    }

    /// Removes group and other permissions from an existing file (0644 becomes 0600).
    /// Returns `false` when there is no such file.
    @discardableResult
    public static func ensurePrivate(fileAt file: URL) throws(ConfigError) -> Bool {
        let path = file.path
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return false }
            throw .filesystem(path: path, reason: "could not read the file (\(errorText()))")
        }
        if info.st_mode & 0o077 != 0, chmod(path, info.st_mode & 0o700) != 0 {
            throw .filesystem(path: path, reason: "could not set its mode to 0600 (\(errorText()))")
        }
        return true
    }

    /// Creates `file` empty with mode 0600 when it does not exist, and makes an existing one private
    /// (see ``ensurePrivate(fileAt:)``). The content of an existing file is kept.
    public static func createPrivateFile(at file: URL) throws(ConfigError) {
        let descriptor = try openPrivate(file, flags: O_WRONLY)
        close(descriptor)
    }

    /// Opens (creating when missing) `file` with mode 0600, adding `flags` to
    /// `O_CREAT | O_CLOEXEC | O_NONBLOCK` (so a FIFO never blocks), checks it is a regular file and
    /// removes group and other permissions from it. The caller closes the descriptor.
    static func openPrivate(_ file: URL, flags: Int32) throws(ConfigError) -> Int32 {
        let path = file.path
        let descriptor = open(path, flags | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else {
            throw .filesystem(path: path, reason: "could not open the file (\(errorText()))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .filesystem(path: path, reason: "it is not a regular file")
        }
        if info.st_mode & 0o077 != 0, fchmod(descriptor, info.st_mode & 0o700) != 0 {
            let reason = errorText()
            close(descriptor)
            throw .filesystem(path: path, reason: "could not set its mode to 0600 (\(reason))")
        }
        return descriptor
    }

    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
