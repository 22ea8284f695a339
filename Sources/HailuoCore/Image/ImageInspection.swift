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
