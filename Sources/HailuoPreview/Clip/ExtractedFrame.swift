/// A frame written as a PNG by ``ClipReader/extractFrame(video:at:to:timeout:tools:)``.
public struct ExtractedFrame: Sendable, Hashable {
    /// Where the PNG is.
    public var path: String
    /// Its size in pixels.
    public var width: Int
    public var height: Int
    /// The frame's time in seconds from the clip's start.
    public var atSeconds: Double

    /// A frame written at `path`.
    public init(path: String, width: Int, height: Int, atSeconds: Double) {
        self.path = path
        self.width = width
        self.height = height
        self.atSeconds = atSeconds
    }
}
