/// An image format the provider accepts.
public enum ImageFormat: String, Sendable, Codable, Hashable, CaseIterable {
    /// PNG (signature `89 50 4E 47 0D 0A 1A 0A`).
    case png
    /// JPEG (starts `FF D8 FF`).
    case jpeg

    /// The true MIME type, used in the data URL.
    public var mimeType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        }
    }

    /// The name shown to people (`PNG`, `JPEG`).
    public var displayName: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        }
    }
}

/// The facts read from an image's header: format and pixel size. Nothing is decoded.
public struct ImageHeader: Sendable, Equatable, Hashable {
    /// PNG or JPEG.
    public var format: ImageFormat
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int

    /// Creates a header value.
    public init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// Reads the header of an image held in memory.
    public static func parse(_ bytes: [UInt8]) throws(ImageHeaderError) -> ImageHeader {
        var reader = HeaderReader(source: ArrayHeaderSource(bytes: bytes))
        return try parse(&reader)
    }

    /// ``parse(_:)``, also counting the reads it made: how many windows were read from the bytes
    /// and how many bytes those reads asked for. For fuzzing and tests of the reading bounds.
    public static func parseCountingReads(_ bytes: [UInt8]) -> (
        result: Result<ImageHeader, ImageHeaderError>, reads: Int, bytesRequested: Int
    ) {
        var reader = HeaderReader(source: ArrayHeaderSource(bytes: bytes))
        let result: Result<ImageHeader, ImageHeaderError>
        do throws(ImageHeaderError) {
            result = .success(try parse(&reader))
        } catch {
            result = .failure(error)
        }
        return (result, reader.sourceReads, reader.bytesRequested)
    }

    /// Reads the header through `reader`: the magic bytes choose the format, never a name.
    static func parse<Source: HeaderSource>(_ reader: inout HeaderReader<Source>) throws(ImageHeaderError)
        -> ImageHeader
    {
        let lead = try reader.bytes(at: 0, count: 16)
        switch ImageSniffer.sniff(lead, size: reader.size) {
        case .png: return try PNGHeader.parse(&reader)
        case .jpeg: return try JPEGHeader.parse(&reader)
        case .truncated(let format):
            throw .truncated(format: format, detail: "the file is only \(reader.size) bytes long")
        case .other(let name):
            throw .unsupported(detected: name, leadingBytes: Array(lead.prefix(8)))
        }
    }
}

/// Why an image header could not be read.
public enum ImageHeaderError: Error, Sendable, Equatable {
    /// The file ends before the header does.
    case truncated(format: ImageFormat, detail: String)
    /// The header is inconsistent (wrong first chunk, zero size, a segment longer than the file...).
    case malformed(format: ImageFormat, detail: String)
    /// Not PNG or JPEG; `detected` names what it is when known (`GIF image`).
    case unsupported(detected: String?, leadingBytes: [UInt8])
    /// The operating system refused a read.
    case readFailed(detail: String)
}

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
