/// Adler-32, the zlib stream checksum (``SyntheticImage`` writes it after its deflate data).
enum Adler32 {
    /// Continues a running value (start with 1) over `buffer`.
    static func update(_ adler: UInt32, buffer: UnsafeRawBufferPointer) -> UInt32 {
        var a = adler & 0xFFFF
        var b = adler >> 16
        var index = 0
        let count = buffer.count
        while index < count {
            let end = min(count, index + 5552)  // largest run before the sums can overflow
            while index < end {
                a &+= UInt32(buffer[index])
                b &+= a
                index += 1
            }
            a %= 65521
            b %= 65521
        }
        return b << 16 | a
    }
}
