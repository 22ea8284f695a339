#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one non-blocking pipe to its end, keeping at most `limit` bytes: the first ones, or the
/// last ones when `keepsTail` (ffmpeg's useful complaint is at the end of its stderr).
struct PipeReader {
    let descriptor: Int32
    let limit: Int
    let keepsTail: Bool
    private(set) var bytes: [UInt8] = []
    private(set) var isOpen = true

    init(descriptor: Int32, limit: Int, keepsTail: Bool) {
        self.descriptor = descriptor
        self.limit = limit
        self.keepsTail = keepsTail
    }

    /// Reads both pipes until both are closed; `false` when the deadline passed first.
    static func drain(_ first: inout PipeReader, _ second: inout PipeReader, until deadline: ContinuousClock.Instant)
        -> Bool
    {
        while first.isOpen || second.isOpen {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            var polled = [first, second].filter(\.isOpen).map {
                pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0)
            }
            let milliseconds =
                remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
            let ready = poll(&polled, nfds_t(polled.count), Int32(clamping: milliseconds + 1))
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            for entry in polled where entry.revents != 0 {
                if entry.fd == first.descriptor { first.readAvailable() } else { second.readAvailable() }
            }
        }
        return true
    }

    /// Reads what the pipe holds now; marks it closed at its end or on an error.
    private mutating func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                keep(buffer[0..<count])
                continue
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
            isOpen = false
            return
        }
    }

    private mutating func keep(_ chunk: ArraySlice<UInt8>) {
        if keepsTail {
            bytes += chunk
            if bytes.count > limit { bytes.removeFirst(bytes.count - limit) }
        } else if bytes.count < limit {
            bytes += chunk.prefix(limit - bytes.count)
        }
    }
}
