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
