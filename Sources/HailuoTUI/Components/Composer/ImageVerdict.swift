import HailuoCore

/// What the preflight said about an image field's current text.
public struct ImageVerdict: Sendable, Equatable {
    /// The field text this verdict is about (a verdict for older text is dropped).
    public var reference: String
    /// Whether the image can be sent.
    public var isUsable: Bool
    /// "PNG 1280x720, 1.2 MB" or the reason in words.
    public var summary: String

    public init(reference: String, isUsable: Bool, summary: String) {
        self.reference = reference
        self.isUsable = isUsable
        self.summary = summary
    }
}
