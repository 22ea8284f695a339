/// Why a picture cannot be shown. The screen writes "cannot preview: <reason>" and nothing else
/// changes; the CLI prints the reason.
public struct PreviewError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short reason in words, e.g. "the PNG is truncated", "8000x8000 is over the 40 MP limit".
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
