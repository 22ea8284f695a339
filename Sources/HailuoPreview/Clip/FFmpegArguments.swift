import Foundation

/// ffmpeg command lines for single frames.
enum FFmpegArguments {
    /// How far before the end the last frame is looked for (the frames from there on are decoded and
    /// the last one kept).
    static let lastFrameWindow = 0.5

    /// Options every run starts with: quiet, no questions, no stdin.
    static let common = ["-nostdin", "-hide_banner", "-v", "error", "-y"]

    /// A file path ffmpeg reads as a plain file (no protocol prefix, no option look-alike).
    static func input(_ path: String) -> String {
        "file:" + URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Input options that start reading at `position` (the last frame: a window before the end).
    static func seek(to position: FramePosition) -> [String] {
        switch position {
        case .first: []
        case .seconds(let seconds): ["-ss", String(format: "%.6f", seconds)]
        case .last: ["-sseof", String(format: "-%.3f", lastFrameWindow)]
        }
    }

    /// Output options writing one PNG at `path`: the first frame read, or (for the last frame) every
    /// frame over the previous one, so the last remains. `scaleToWidth` shrinks wider frames.
    static func pngOutput(_ path: String, keepingLast: Bool, scaleToWidth: Int? = nil) -> [String] {
        var options = ["-an", "-sn", "-dn"]
        if let scaleToWidth { options += ["-vf", "scale=w='min(\(scaleToWidth),iw)':h=-2"] }
        if !keepingLast { options += ["-frames:v", "1"] }
        // `-update 1`: the name is used as it is (no `%d` pattern), each frame replacing the last.
        options += ["-update", "1", "-c:v", "png", "-f", "image2", input(path)]
        return options
    }

    /// `ffmpeg` arguments for one full-size frame at `position` written to `path`, with a filter
    /// that logs each frame's time (``FrameTimes``).
    static func frame(video: String, at position: FramePosition, to path: String) -> [String] {
        var arguments = ["-nostdin", "-hide_banner", "-v", "info", "-y"]
        arguments += seek(to: position) + ["-i", input(video), "-map", "0:v:0", "-vf", "showinfo"]
        arguments += pngOutput(path, keepingLast: position == .last)
        return arguments
    }
}
