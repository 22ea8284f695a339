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

/// The outcome of ``ImagePreflight/inspect(_:home:)`` for a usable reference.
public enum ImageInspection: Sendable, Equatable, Hashable {
    /// An http(s) URL, passed on unchanged (the provider fetches and checks it).
    case remote(String)
    /// A local PNG or JPEG file that meets every rule.
    case local(LocalImage)

    /// A short line for the UI.
    public var summary: String {
        switch self {
        case .remote: "URL (the provider fetches it) ✓"
        case .local(let image): image.summary
        }
    }

    /// The local image, or `nil` for a URL.
    public var localImage: LocalImage? {
        if case .local(let image) = self { image } else { nil }
    }

    /// The URL, or `nil` for a local file.
    public var remoteURL: String? {
        if case .remote(let url) = self { url } else { nil }
    }

    /// Format of a local image.
    public var format: ImageFormat? { localImage?.format }
    /// MIME type of a local image.
    public var mimeType: String? { localImage?.mimeType }
    /// Width of a local image.
    public var width: Int? { localImage?.width }
    /// Height of a local image.
    public var height: Int? { localImage?.height }
    /// Size in bytes of a local image.
    public var byteCount: Int? { localImage?.byteCount }
    /// Resolved absolute path of a local image.
    public var path: String? { localImage?.path }
}

/// Identifies a file independently of its name.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
}

/// Byte counts in words.
enum ByteCountText {
    /// `512 bytes`, `12.5 KiB`, `2.4 MiB`.
    static func short(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return tenths(bytes, unit: 1024) + " KiB" }
        return tenths(bytes, unit: 1024 * 1024) + " MiB"
    }

    private static func tenths(_ bytes: Int, unit: Int) -> String {
        let t = (bytes * 10 + unit / 2) / unit
        return t % 10 == 0 ? "\(t / 10)" : "\(t / 10).\(t % 10)"
    }
}
