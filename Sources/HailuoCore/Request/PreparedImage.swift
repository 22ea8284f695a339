/// One image as it went into a request. For an http(s) URL only ``reference`` is set; the other
/// facts are known for local files, which are sent inline as a data URL.
public struct PreparedImage: Sendable, Equatable, Hashable {
    /// The reference as typed (a path or a URL).
    public var reference: String
    /// Absolute path of the local file read, or `nil` for a URL.
    public var path: String?
    /// The true MIME type of a local file (`image/png`, `image/jpeg`).
    public var mimeType: String?
    /// Pixel width of a local file.
    public var width: Int?
    /// Pixel height of a local file.
    public var height: Int?
    /// Bytes read from a local file.
    public var byteCount: Int?
    /// SHA-256 (lowercase hex) of exactly the bytes sent.
    public var sha256: String?

    /// Creates a description of a sent image.
    public init(
        reference: String, path: String? = nil, mimeType: String? = nil, width: Int? = nil,
        height: Int? = nil, byteCount: Int? = nil, sha256: String? = nil
    ) {
        self.reference = reference
        self.path = path
        self.mimeType = mimeType
        self.width = width
        self.height = height
        self.byteCount = byteCount
        self.sha256 = sha256
    }

    /// Whether the image is a URL the provider fetches.
    public var isRemote: Bool { path == nil }
}
