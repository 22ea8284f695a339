import HailuoCore

/// Small, valid images made in memory, for tests, fuzzing and benchmarks.
public enum SyntheticImage {
    // MARK: PNG

    /// A valid RGB PNG of `width` x `height` with a gradient (red across, green down), stored in
    /// uncompressed deflate blocks: IHDR, one IDAT (zlib with Adler-32), IEND, correct CRCs.
    public static func png(width: Int, height: Int) -> [UInt8] {
        png(width: width, height: height, padTo: nil)
    }

    /// ``png(width:height:)`` grown to `byteCount` bytes with a private ancillary chunk (`hlPd`,
    /// zeros) before IEND, which decoders skip. When `byteCount` is smaller than the picture
    /// itself, the picture is returned as is; when it is less than one chunk (12 bytes) above
    /// it, the result is that many bytes longer (the smallest possible chunk).
    public static func png(width: Int, height: Int, padTo byteCount: Int?) -> [UInt8] {
        precondition(width > 0 && height > 0, "a PNG needs a positive size")
        let raw = scanlines(width: width, height: height)
        let blocks = max(1, (raw.count + 65_534) / 65_535)
        let zlibLength = 2 + blocks * 5 + raw.count + 4
        let baseLength = 8 + 25 + 12 + zlibLength + 12
        var padding = 0
        if let byteCount, byteCount > baseLength { padding = max(12, byteCount - baseLength) }

        var out: [UInt8] = []
        out.reserveCapacity(baseLength + padding)
        out += [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var ihdr: [UInt8] = []
        ihdr += be32(width)
        ihdr += be32(height)
        ihdr += [8, 2, 0, 0, 0]  // 8-bit, truecolor RGB, deflate, adaptive filter, no interlace
        appendChunk("IHDR", ihdr, to: &out)

        // IDAT: written in place so the pixels are copied once.
        let idatStart = out.count
        out += be32(zlibLength)
        out += Array("IDAT".utf8)
        out += [0x78, 0x01]  // zlib: deflate, 32K window, no preset dictionary, fastest
        var index = 0
        for block in 0..<blocks {
            let length = min(65_535, raw.count - index)
            out.append(block == blocks - 1 ? 1 : 0)  // BFINAL, BTYPE=00 (stored)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += raw[index..<index + length]
            index += length
        }
        let adler = raw.withUnsafeBytes { Adler32.update(1, buffer: $0) }
        out += be32(Int(adler))
        let crc = out.withUnsafeBytes {
            CRC32.update(0, buffer: UnsafeRawBufferPointer(rebasing: $0[(idatStart + 4)...]))
        }
        out += be32(Int(crc))

        if padding > 0 {
            appendChunk("hlPd", [UInt8](repeating: 0, count: padding - 12), to: &out)
        }
        appendChunk("IEND", [], to: &out)
        return out
    }

    /// A PNG chunk: length, type, data, CRC (for building odd fixtures in tests).
    public static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        appendChunk(type, data, to: &out)
        return out
    }

    /// Filter byte 0 and RGB pixels per row: red rises across, green down, blue constant.
    private static func scanlines(width: Int, height: Int) -> [UInt8] {
        let stride = 1 + 3 * width
        var template = [UInt8](repeating: 0, count: stride)
        for x in 0..<width {
            template[1 + 3 * x] = UInt8(x * 255 / max(1, width - 1))
            template[3 + 3 * x] = 0x80
        }
        var raw = [UInt8](repeating: 0, count: stride * height)
        raw.withUnsafeMutableBufferPointer { buffer in
            template.withUnsafeBufferPointer { row in
                guard let base = buffer.baseAddress, let source = row.baseAddress else { return }
                for y in 0..<height {
                    let line = base + y * stride
                    line.update(from: source, count: stride)
                    let green = UInt8(y * 255 / max(1, height - 1))
                    var g = 2
                    while g < stride {
                        line[g] = green
                        g += 3
                    }
                }
            }
        }
        return raw
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
        let start = out.count
        out += be32(data.count)
        out += Array(type.utf8)
        out += data
        let crc = out.withUnsafeBytes { CRC32.update(0, buffer: UnsafeRawBufferPointer(rebasing: $0[(start + 4)...])) }
        out += be32(Int(crc))
    }

    private static func be32(_ value: Int) -> [UInt8] {
        [UInt8((value >> 24) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    // MARK: JPEG

    /// A small baseline JPEG of `width` x `height` (both 1...65535): SOI, APP0 JFIF, optional
    /// padding (an APP1 Exif segment, then comment segments, then FF fill bytes), DQT, SOF0, DHT,
    /// SOS, entropy data, EOI. It decodes to a flat grey picture (one component, every block DC 0
    /// and end-of-block, with one-symbol Huffman tables). With `padTo`, the file is exactly that
    /// many bytes long when it is larger than the unpadded picture.
    public static func jpegHeader(width: Int, height: Int, padTo byteCount: Int? = nil) -> [UInt8] {
        precondition((1...65_535).contains(width) && (1...65_535).contains(height), "JPEG sides are 1...65535")
        let head: [UInt8] = [0xFF, 0xD8] + segment(0xE0, Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        var tail: [UInt8] = []
        tail += segment(0xDB, [0x00] + [UInt8](repeating: 1, count: 64))  // DQT table 0, all ones
        tail += segment(
            0xC0,
            [
                8, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF),
                1, 1, 0x11, 0,
            ])  // SOF0: 8-bit, 1 component (id 1, 1x1, table 0)
        let oneSymbol: [UInt8] = [1] + [UInt8](repeating: 0, count: 15) + [0]  // code "0" -> symbol 0
        tail += segment(0xC4, [0x00] + oneSymbol)  // DC table 0: category 0 (difference 0)
        tail += segment(0xC4, [0x10] + oneSymbol)  // AC table 0: end of block
        tail += segment(0xDA, [1, 1, 0x00, 0, 63, 0])  // SOS: component 1 uses tables 0/0
        let blocks = ((width + 7) / 8) * ((height + 7) / 8)
        let bits = blocks * 2
        tail += [UInt8](repeating: 0, count: bits / 8)
        if bits % 8 != 0 { tail.append(UInt8(0xFF >> (bits % 8))) }  // pad with one bits
        tail += [0xFF, 0xD9]

        var out = head
        let need = (byteCount ?? 0) - head.count - tail.count
        if need > 0 { out += padding(need) }
        out += tail
        return out
    }

    /// A marker segment: FF, marker, big-endian length (payload + 2), payload.
    private static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    /// Exactly `count` bytes of skippable JPEG data.
    private static func padding(_ count: Int) -> [UInt8] {
        let exif: [UInt8] = Array("Exif".utf8) + [0, 0] + [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0]
        let exifSegment = 4 + exif.count
        guard count >= exifSegment else { return [UInt8](repeating: 0xFF, count: count) }  // fill bytes
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var remaining = count
        var marker: UInt8 = 0xE1
        var payloadPrefix = exif
        while remaining > 0 {
            var size = min(remaining, 65_537)  // 4 bytes of marker and length + at most 65533 bytes
            let after = remaining - size
            if after > 0, after < 4 { size -= 4 - after }
            if size < 4 + payloadPrefix.count {  // only for a tiny remainder: fill bytes instead
                out += [UInt8](repeating: 0xFF, count: remaining)
                break
            }
            out += segment(marker, payloadPrefix + [UInt8](repeating: 0, count: size - 4 - payloadPrefix.count))
            remaining -= size
            marker = 0xFE  // further padding as comment segments
            payloadPrefix = []
        }
        return out
    }
}
