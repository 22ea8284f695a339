#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Random-access bytes of one file or buffer, for header parsing.
protocol HeaderSource {
    /// Total size in bytes.
    var size: Int { get }
    /// Copies up to `count` bytes from `offset` into `buffer`; returns how many were copied
    /// (fewer only at the end).
    func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ImageHeaderError) -> Int
}

/// Bytes held in memory.
struct ArrayHeaderSource: HeaderSource {
    let bytes: [UInt8]
    var size: Int { bytes.count }

    func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ImageHeaderError) -> Int {
        guard offset < bytes.count else { return 0 }
        let n = min(count, bytes.count - offset, buffer.count)
        bytes.withUnsafeBytes { source in
            buffer.baseAddress?.copyMemory(from: source.baseAddress! + offset, byteCount: n)
        }
        return n
    }
}

/// An open file, read with `pread` (no shared file offset, no blocking on regular files).
struct DescriptorHeaderSource: HeaderSource {
    let descriptor: Int32
    let size: Int

    func read(at offset: Int, count: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ImageHeaderError) -> Int {
        var done = 0
        let want = min(count, buffer.count)
        while done < want {
            let n = pread(descriptor, buffer.baseAddress! + done, want - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw .readFailed(detail: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            done += n
        }
        return done
    }
}
