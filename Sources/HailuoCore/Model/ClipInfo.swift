/// What a video file really holds, read from the file (ffprobe): not what was asked for.
public struct ClipInfo: Sendable, Hashable, Codable {
    /// Seconds, from the container.
    public var durationSeconds: Double
    /// Pixels.
    public var width: Int
    public var height: Int
    /// The video codec's short name (`h264`, `hevc`).
    public var codec: String

    public init(durationSeconds: Double, width: Int, height: Int, codec: String) {
        self.durationSeconds = durationSeconds
        self.width = width
        self.height = height
        self.codec = codec
    }
}
