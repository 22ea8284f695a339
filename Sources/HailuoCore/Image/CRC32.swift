/// CRC-32 as PNG uses it (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320): the PNG
/// parser checks the IHDR chunk with it, and image fixtures write their chunks with it.
public enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 {
            c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1
        }
        return c
    }

    /// Continues a running CRC (start with 0) over `bytes`.
    static func update<C: Collection>(_ crc: UInt32, _ bytes: C) -> UInt32 where C.Element == UInt8 {
        if let fast = bytes.withContiguousStorageIfAvailable({ update(crc, buffer: UnsafeRawBufferPointer($0)) }) {
            return fast
        }
        return update(crc, buffer: Array(bytes))
    }

    private static func update(_ crc: UInt32, buffer bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { update(crc, buffer: $0) }
    }

    /// Continues a running CRC (start with 0) over raw memory.
    public static func update(_ crc: UInt32, buffer: UnsafeRawBufferPointer) -> UInt32 {
        table.withUnsafeBufferPointer { t in
            var c = ~crc
            for byte in buffer {
                c = t[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8)
            }
            return ~c
        }
    }

    /// The CRC of `bytes`.
    public static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        update(0, bytes)
    }
}
