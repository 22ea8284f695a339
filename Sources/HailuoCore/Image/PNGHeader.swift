/// Reads width and height from a PNG's IHDR chunk, which must be the first chunk.
enum PNGHeader {
    /// Signature (8) + chunk length (4) + type (4) + IHDR data (13) + CRC (4).
    static let headerLength = 33

    static func parse<Source: HeaderSource>(_ reader: inout HeaderReader<Source>) throws(ImageHeaderError)
        -> ImageHeader
    {
        let b = try reader.bytes(at: 0, count: headerLength)
        guard b.count == headerLength else {
            throw .truncated(
                format: .png,
                detail: "the file is \(reader.size) bytes long, shorter than a PNG header (\(headerLength) bytes)")
        }
        let length = be32(b, 8)
        let type = Array(b[12..<16])
        guard type == Array("IHDR".utf8) else {
            throw .malformed(format: .png, detail: "the first chunk is \(chunkName(type)), not IHDR")
        }
        guard length == 13 else {
            throw .malformed(format: .png, detail: "the IHDR chunk is \(length) bytes long instead of 13")
        }
        let width = be32(b, 16)
        let height = be32(b, 20)
        guard width > 0, height > 0 else {
            throw .malformed(
                format: .png, detail: "IHDR gives a size of \(width)x\(height); both sides must be above 0")
        }
        guard width <= Int(Int32.max), height <= Int(Int32.max) else {
            throw .malformed(format: .png, detail: "IHDR gives a size of \(width)x\(height), beyond the PNG limit")
        }
        let stored = UInt32(be32(b, 29))
        let computed = CRC32.checksum(b[12..<29])
        guard stored == computed else {
            throw .malformed(format: .png, detail: "the IHDR checksum does not match its contents")
        }
        return ImageHeader(format: .png, width: width, height: height)
    }

    static func be32(_ b: [UInt8], _ at: Int) -> Int {
        Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3])
    }

    /// A chunk type for a message: its letters when they are ASCII letters, else hex bytes.
    static func chunkName(_ type: [UInt8]) -> String {
        if type.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) {
            return "\"" + String(decoding: type, as: UTF8.self) + "\""
        }
        return "bytes " + hexBytes(type)
    }
}

/// `00 1A FF` style hex, for messages.
func hexBytes(_ bytes: [UInt8]) -> String {
    bytes.map { b in
        let digits = String(b, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }.joined(separator: " ")
}
