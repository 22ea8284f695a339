/// A local image that passed preflight: what its header says and where it was found.
public struct LocalImage: Sendable, Equatable, Hashable {
    /// The reference as the user typed it (surrounding whitespace removed).
    public var reference: String
    /// The absolute path read, symbolic links resolved.
    public var path: String
    /// PNG or JPEG, from the magic bytes.
    public var format: ImageFormat
    /// Width in pixels, from the header.
    public var width: Int
    /// Height in pixels, from the header.
    public var height: Int
    /// File size in bytes when inspected.
    public var byteCount: Int
    /// Device and inode, to notice a file replaced between inspection and reading.
    let identity: FileIdentity

    /// The true MIME type (`image/png`, `image/jpeg`).
    public var mimeType: String { format.mimeType }

    /// A short line for the UI, such as `PNG 1280x720, 2.4 MiB ✓`.
    public var summary: String {
        "\(format.displayName) \(width)x\(height), \(ByteCountText.short(byteCount)) ✓"
    }
}
