import Foundation

/// An open log file that many loggers (and threads) append lines to.
///
/// The file is opened with `O_APPEND` and mode 0600; each line is written with one `write` call
/// under a lock, so lines from threads (and from other processes sharing the file) do not interleave.
public final class LogFileSink: @unchecked Sendable {
    /// The file being written.
    public let file: URL
    // `descriptor` is only used under `lock` once the initializer has returned.
    private let lock = NSLock()
    private var descriptor: Int32

    /// Opens (creating when missing) `file` for appending, with mode 0600. Its folder must exist.
    public init(file: URL) throws(ConfigError) {
        self.file = file
        descriptor = try PrivateFiles.openPrivate(file, flags: O_WRONLY | O_APPEND)
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
    }

    /// Appends `line` and a line feed. Errors are dropped: logging never fails the caller.
    public func write(line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR || errno == EAGAIN {
                continue
            } else {
                return
            }
        }
    }

    /// Closes the file; later writes are dropped.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        if descriptor >= 0 {
            Foundation.close(descriptor)
            descriptor = -1
        }
    }
}
