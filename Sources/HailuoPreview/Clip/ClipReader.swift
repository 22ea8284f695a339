import Foundation
import HailuoCore

/// Where in a clip a frame is taken.
public enum FramePosition: Sendable, Hashable {
    case first
    case last
    /// Seconds from the start.
    case seconds(Double)
}

/// Reads clips with ffprobe and ffmpeg, run as child processes with a timeout. Without them the
/// calls throw `PreviewError` saying so; nothing else fails.
public enum ClipReader {
    /// Whether ffmpeg and ffprobe are on the PATH.
    public static var isAvailable: Bool { false }

    /// The clip's real duration, size and codec.
    public static func probe(video: String, timeout: Duration = .seconds(10)) throws(PreviewError) -> ClipInfo {
        throw PreviewError("not built yet")
    }

    /// Writes the frame at `position` of `video` as a PNG at `output` (full size).
    public static func extractFrame(
        video: String, at position: FramePosition, to output: String, timeout: Duration = .seconds(20)
    ) throws(PreviewError) {
        throw PreviewError("not built yet")
    }

    /// `count` frames spread over the clip (first, …, last) as small PNGs cached beside the video,
    /// made once; returns their paths in order.
    public static func stripFrames(video: String, count: Int, timeout: Duration = .seconds(30)) throws(PreviewError)
        -> [String]
    {
        throw PreviewError("not built yet")
    }
}
