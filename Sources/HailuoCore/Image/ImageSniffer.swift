/// What the first bytes of a file say it is.
enum ImageSniffer {
    enum Verdict: Equatable {
        case png
        case jpeg
        /// A prefix of a signature, but the file is too short to hold it.
        case truncated(ImageFormat)
        /// Something else; the name when known.
        case other(String?)
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let jpegSignature: [UInt8] = [0xFF, 0xD8, 0xFF]

    static func sniff(_ lead: [UInt8], size: Int) -> Verdict {
        if lead.starts(with: pngSignature) { return .png }
        if lead.starts(with: jpegSignature) { return .jpeg }
        if !lead.isEmpty, lead.count < pngSignature.count, pngSignature.starts(with: lead) { return .truncated(.png) }
        if !lead.isEmpty, lead.count < jpegSignature.count, jpegSignature.starts(with: lead) {
            return .truncated(.jpeg)
        }
        return .other(name(of: lead))
    }

    /// Names common formats that are not accepted, so the message can say what the file is.
    static func name(of b: [UInt8]) -> String? {
        func ascii(_ offset: Int, _ text: String) -> Bool {
            let want = Array(text.utf8)
            return b.count >= offset + want.count && Array(b[offset..<offset + want.count]) == want
        }
        if ascii(0, "GIF87a") || ascii(0, "GIF89a") { return "a GIF image" }
        if ascii(0, "RIFF") && ascii(8, "WEBP") { return "a WebP image" }
        if ascii(0, "BM") { return "a BMP image" }
        if b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) {
            return "a TIFF image"
        }
        if b.starts(with: [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20]) { return "a JPEG 2000 image" }
        if b.starts(with: [0xFF, 0x0A]) || b.starts(with: [0x00, 0x00, 0x00, 0x0C, 0x4A, 0x58, 0x4C, 0x20]) {
            return "a JPEG XL image"
        }
        if ascii(4, "ftyp") {
            if ascii(8, "avif") || ascii(8, "avis") { return "an AVIF image" }
            if ascii(8, "heic") || ascii(8, "heix") || ascii(8, "mif1") || ascii(8, "msf1") { return "a HEIC image" }
            return "a video or other ISO media file"
        }
        if ascii(0, "%PDF") { return "a PDF document" }
        if ascii(0, "8BPS") { return "a Photoshop document" }
        if b.starts(with: [0x00, 0x00, 0x01, 0x00]) { return "an ICO icon" }
        if ascii(0, "<svg") || ascii(0, "<?xml") { return "an SVG or XML file" }
        return nil
    }
}
