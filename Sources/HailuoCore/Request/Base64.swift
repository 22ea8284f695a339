/// Standard base64 (RFC 4648, `+/`, `=` padding) over raw memory.
enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Encodes `count` bytes from `source` into `destination`; returns the bytes written.
    @discardableResult
    static func encode(_ source: UnsafePointer<UInt8>, count: Int, into destination: UnsafeMutablePointer<UInt8>) -> Int
    {
        alphabet.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            var i = 0
            var o = 0
            let whole = count - count % 3
            while i < whole {
                let v = UInt32(source[i]) << 16 | UInt32(source[i + 1]) << 8 | UInt32(source[i + 2])
                destination[o] = t[Int(v >> 18)]
                destination[o + 1] = t[Int((v >> 12) & 63)]
                destination[o + 2] = t[Int((v >> 6) & 63)]
                destination[o + 3] = t[Int(v & 63)]
                i += 3
                o += 4
            }
            let rest = count - whole
            if rest > 0 {
                let b0 = UInt32(source[i])
                let b1 = rest == 2 ? UInt32(source[i + 1]) : 0
                let v = b0 << 16 | b1 << 8
                destination[o] = t[Int(v >> 18)]
                destination[o + 1] = t[Int((v >> 12) & 63)]
                destination[o + 2] = rest == 2 ? t[Int((v >> 6) & 63)] : UInt8(ascii: "=")
                destination[o + 3] = UInt8(ascii: "=")
                o += 4
            }
            return o
        }
    }

    /// Encodes a byte array (convenience for small data and tests).
    static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: ImageStreamer.base64Length(bytes.count))
        bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                encode(s, count: src.count, into: d)
            }
        }
        return out
    }
}
