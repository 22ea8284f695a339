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
///
/// Every call takes the tools to use (default: ``ClipTools/locate(environment:)``, the `PATH` or
/// `HAILUO_FFMPEG` / `HAILUO_FFPROBE`). A child that outlives its timeout is killed with its
/// process group; no call blocks longer than its timeouts.
public enum ClipReader {
    /// Whether ffmpeg and ffprobe are on the PATH (or where the environment points).
    public static var isAvailable: Bool { ClipTools.locate().isComplete }

    /// The clip's real duration, size and codec.
    public static func probe(
        video: String, timeout: Duration = .seconds(10), tools: ClipTools = .locate()
    ) throws(PreviewError) -> ClipInfo {
        let ffprobe = try tools.requireFFprobe()
        try requireFile(video)
        let child = ChildProcess(
            executable: ffprobe, arguments: ClipProbe.arguments(video: video), displayName: "ffprobe")
        let outcome = try child.run(timeout: timeout)
        guard outcome.succeeded else { throw PreviewError(ClipProbe.unreadableReason) }
        return try ClipProbe.parse(outcome.stdout)
    }

    /// Writes the frame at `position` of `video` as a PNG at `output` (full size), atomically (a
    /// temporary file renamed over `output`). `.seconds` gives the first frame starting at or after
    /// that time; a time before the start or past the end is refused with the clip's duration, and a
    /// time within the last frame's span gives the last frame. Returns the frame's size and time.
    @discardableResult
    public static func extractFrame(
        video: String, at position: FramePosition, to output: String, timeout: Duration = .seconds(20),
        tools: ClipTools = .locate()
    ) throws(PreviewError) -> ExtractedFrame {
        let ffmpeg = try tools.requireFFmpeg()
        try requireFolder(of: output)
        let info = try probe(video: video, tools: tools)
        let seekTo = try FrameRequest.checked(position, duration: info.durationSeconds)
        if let frame = try extract(video: video, at: seekTo, to: output, ffmpeg: ffmpeg, info: info, timeout: timeout) {
            return frame
        }
        // A time inside the last frame's span: nothing starts there, so the last frame is the one.
        if case .seconds = seekTo,
            let frame = try extract(video: video, at: .last, to: output, ffmpeg: ffmpeg, info: info, timeout: timeout)
        {
            return frame
        }
        throw PreviewError(ClipProbe.unreadableReason)
    }

    /// `count` frames spread over the clip (first, …, last) as small PNGs (at most
    /// ``FrameStrip/maximumWidth`` wide) cached beside the video in `.<video name>.frames/`, made
    /// once per version of the video (its size and modification time); returns their paths in
    /// order. A later call finds them without running ffmpeg.
    public static func stripFrames(
        video: String, count: Int, timeout: Duration = .seconds(30), tools: ClipTools = .locate()
    ) throws(PreviewError) -> [String] {
        try FrameStrip(video: video, count: count).paths(timeout: timeout, tools: tools)
    }

    /// Throws "no video at …" when `path` is not a file.
    static func requireFile(_ path: String) throws(PreviewError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw PreviewError("no video at \(InertText.quoted(path))")
        }
    }

    /// Throws "no folder for …" when the folder `path` would be written in is missing.
    static func requireFolder(of path: String) throws(PreviewError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw PreviewError("no folder for \(InertText.quoted(path))")
        }
    }

    /// One ffmpeg run for the frame at `position`; `nil` when ffmpeg wrote no frame.
    private static func extract(
        video: String, at position: FramePosition, to output: String, ffmpeg: String, info: ClipInfo,
        timeout: Duration
    ) throws(PreviewError) -> ExtractedFrame? {
        let temporary = TemporaryOutput(for: output)
        defer { temporary.discard() }
        let arguments = FFmpegArguments.frame(video: video, at: position, to: temporary.path)
        let outcome = try ChildProcess(executable: ffmpeg, arguments: arguments, displayName: "ffmpeg")
            .run(timeout: timeout)
        guard outcome.succeeded, temporary.isWritten else { return nil }
        guard let size = PNGHeader.size(ofFileAt: temporary.path) else { return nil }
        let log = outcome.stderrText
        let relative = (position == .last ? FrameTimes.lastTime(in: log) : FrameTimes.firstTime(in: log)) ?? 0
        let start = FrameRequest.readingStart(of: position, duration: info.durationSeconds)
        try temporary.commit()
        return ExtractedFrame(
            path: output, width: size.width, height: size.height,
            atSeconds: min(info.durationSeconds, start + relative))
    }
}
