/// The formats previewed, told apart by their first bytes (never by the file name).
enum ImageFormat: Sendable, Hashable {
    case png
    case jpeg

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The format of `bytes`, or why they are not previewed ("WebP is not previewed").
    static func sniff(_ bytes: [UInt8]) throws(PreviewError) -> ImageFormat {
        if bytes.isEmpty { throw PreviewError("the file is empty") }
        if bytes.starts(with: pngSignature) { return .png }
        if bytes.count < pngSignature.count, pngSignature.starts(with: bytes) {
            throw PreviewError("the PNG is truncated")
        }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.count < 3, [0xFF, 0xD8].starts(with: bytes) { throw PreviewError("the JPEG is truncated") }
        if let other = otherFormat(bytes) { throw PreviewError("\(other) is not previewed") }
        throw PreviewError("not a PNG or JPEG")
    }

    /// The name of a known format that is not previewed.
    private static func otherFormat(_ bytes: [UInt8]) -> String? {
        func ascii(_ range: Range<Int>) -> String? {
            guard bytes.count >= range.upperBound else { return nil }
            return String(decoding: bytes[range], as: UTF8.self)
        }
        if ascii(0..<4) == "GIF8" { return "GIF" }
        if ascii(0..<4) == "RIFF", ascii(8..<12) == "WEBP" { return "WebP" }
        if ascii(0..<2) == "BM" { return "BMP" }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return "TIFF"
        }
        if ascii(4..<8) == "ftyp", let brand = ascii(8..<12) {
            if ["heic", "heix", "hevc", "mif1", "msf1"].contains(brand) { return "HEIC" }
            if brand.hasPrefix("avi") { return "AVIF" }
        }
        if bytes.starts(with: [0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) || bytes.starts(with: [0xFF, 0x0A]) {
            return "JPEG XL"
        }
        return nil
    }
}
