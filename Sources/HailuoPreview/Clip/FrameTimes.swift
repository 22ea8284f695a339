import Foundation

/// Frame times from the `showinfo` filter's lines on ffmpeg's stderr, in seconds from where
/// reading started. (The filter may log a frame or two more than a `-frames:v 1` output keeps, so
/// a single frame's time is the first one logged; the last frame's is the last one.)
enum FrameTimes {
    /// The `pts_time` of the first frame logged.
    static func firstTime(in stderr: String) -> Double? {
        stderr.range(of: "pts_time:").flatMap { number(after: $0.upperBound, in: stderr) }
    }

    /// The `pts_time` of the last frame logged.
    static func lastTime(in stderr: String) -> Double? {
        stderr.range(of: "pts_time:", options: .backwards).flatMap { number(after: $0.upperBound, in: stderr) }
    }

    private static func number(after index: String.Index, in text: String) -> Double? {
        Double(text[index...].prefix { !$0.isWhitespace })
    }
}
