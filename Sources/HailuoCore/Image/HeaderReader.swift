/// Reads single bytes and small runs through a 4 KiB window, so walking JPEG segments makes one
/// system call per window rather than one per byte, and long segments are skipped without reading.
struct HeaderReader<Source: HeaderSource> {
    let source: Source
    private var window: [UInt8] = []
    private var windowStart = 0
    /// How many times a window was read from the source (one system call each for a file).
    private(set) var sourceReads = 0
    /// How many bytes those reads asked for in total.
    private(set) var bytesRequested = 0
    private static var windowSize: Int { 4096 }

    init(source: Source) {
        self.source = source
    }

    var size: Int { source.size }

    /// The byte at `offset`, or `nil` past the end.
    mutating func byte(at offset: Int) throws(ImageHeaderError) -> UInt8? {
        guard offset >= 0, offset < source.size else { return nil }
        if offset < windowStart || offset >= windowStart + window.count {
            try load(from: offset)
        }
        let index = offset - windowStart
        return index < window.count ? window[index] : nil
    }

    /// Up to `count` bytes from `offset` (fewer at the end of the file).
    mutating func bytes(at offset: Int, count: Int) throws(ImageHeaderError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            guard let b = try byte(at: offset + i) else { break }
            out.append(b)
        }
        return out
    }

    /// A big-endian 16-bit value at `offset`, or `nil` when the file ends first.
    mutating func uint16(at offset: Int) throws(ImageHeaderError) -> Int? {
        guard let hi = try byte(at: offset), let lo = try byte(at: offset + 1) else { return nil }
        return Int(hi) << 8 | Int(lo)
    }

    private mutating func load(from offset: Int) throws(ImageHeaderError) {
        sourceReads += 1
        bytesRequested += Self.windowSize
        var buffer = [UInt8](repeating: 0, count: Self.windowSize)
        let source = self.source
        let result = buffer.withUnsafeMutableBytes { raw -> Result<Int, ImageHeaderError> in
            do throws(ImageHeaderError) {
                return .success(try source.read(at: offset, count: raw.count, into: raw))
            } catch {
                return .failure(error)
            }
        }
        let n = try result.get()
        buffer.removeSubrange(n...)
        window = buffer
        windowStart = offset
    }
}
