#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A nonblocking pipe that wakes a thread sleeping in `poll()` on ``readFD``.
///
/// ``wake()`` is safe from any thread (one `write(2)`); ``drain()`` belongs to the thread that
/// polls. If the pipe cannot be created (out of descriptors) both ends are -1: `poll()` ignores a
/// negative descriptor and ``wake()`` does nothing, so the loop still runs on input and timers.
public final class WakePipe: Sendable {
    /// The end to poll for `POLLIN`.
    public let readFD: Int32
    /// The end ``wake()`` writes to.
    public let writeFD: Int32

    public init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            readFD = -1
            writeFD = -1
            return
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        readFD = ends[0]
        writeFD = ends[1]
    }

    deinit {
        if readFD >= 0 { close(readFD) }
        if writeFD >= 0 { close(writeFD) }
    }

    /// Whether the pipe exists.
    public var isValid: Bool { readFD >= 0 && writeFD >= 0 }

    /// Makes ``readFD`` readable. A full pipe is already awake, so `EAGAIN` is fine.
    public func wake() {
        guard writeFD >= 0 else { return }
        var byte: UInt8 = 1
        while write(writeFD, &byte, 1) < 0 && errno == EINTR {}
    }

    /// Empties the pipe. Returns whether it had been woken.
    @discardableResult
    public func drain() -> Bool {
        guard readFD >= 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 256)
        var woken = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
            if count > 0 {
                woken = true
                continue
            }
            if count < 0 && errno == EINTR { continue }
            return woken
        }
    }
}
