import HailuoCore
import TUIKit

/// What the preflight said about an image field's current text.
public struct ImageVerdict: Sendable, Equatable {
    /// The field text this verdict is about (a verdict for older text is dropped).
    public var reference: String
    /// Whether the image can be sent.
    public var isUsable: Bool
    /// "PNG 1280x720, 1.2 MB" or the reason in words.
    public var summary: String
    /// The file the text names (home and relative paths resolved), for a local image that checks out.
    public var localPath: String?
    /// The image's size in pixels, when the header told it.
    public var pixelSize: Size?
    /// Whether the text is a URL (sent as is, never fetched here).
    public var isRemote: Bool

    public init(
        reference: String, isUsable: Bool, summary: String, localPath: String? = nil, pixelSize: Size? = nil,
        isRemote: Bool = false
    ) {
        self.reference = reference
        self.isUsable = isUsable
        self.summary = summary
        self.localPath = localPath
        self.pixelSize = pixelSize
        self.isRemote = isRemote
    }
}
