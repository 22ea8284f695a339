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
