import Foundation

/// The last time a download saw progress, shared between the transfer and its read-timeout watch.
final class DownloadActivity: @unchecked Sendable {
    // Guarded by `lock`.
    private var last = ContinuousClock.now
    private let lock = NSLock()

    /// Marks that data (or a response head) just arrived.
    func touch() {
        lock.lock()
        defer { lock.unlock() }
        last = .now
    }

    /// How long it has been since the last ``touch()``.
    var idle: Duration {
        lock.lock()
        defer { lock.unlock() }
        return ContinuousClock.now - last
    }

    /// Returns once nothing has happened for `limit`; throws `CancellationError` when cancelled.
    func waitUntilIdle(for limit: Duration) async throws {
        let tick = min(limit / 4, .seconds(1))
        while true {
            try await Task.sleep(for: tick)
            if idle >= limit { return }
        }
    }
}
