import Foundation

/// An advisory lock (flock) on a file, so that one process at a time does a piece of work
/// (two hailuo processes downloading one video would share a `.part` file).
final class FileLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Waits (without blocking a thread) until the lock at `url` is ours; cancellable.
    static func acquire(_ url: URL, poll: Duration = .milliseconds(200)) async throws -> FileLock {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let descriptor = open(url.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw EngineError("cannot open the lock file \(url.path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            do {
                try await Task.sleep(for: poll)
            } catch {
                close(descriptor)
                throw error
            }
        }
        return FileLock(descriptor: descriptor)
    }

    /// Releases the lock (closing the descriptor releases it too, even if the process dies).
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
