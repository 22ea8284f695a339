/// The one ffmpeg command line that writes every frame of a strip: one input per frame, each
/// seeked to its time (the last one to just before the end), each mapped to its own small PNG.
enum StripArguments {
    /// `times[i]` in seconds, or `nil` for the real last frame, written to `outputs[i]`.
    static func make(video: String, times: [Double?], outputs: [String]) -> [String] {
        var arguments = FFmpegArguments.common
        for time in times {
            let position: FramePosition = time.map { .seconds($0) } ?? .last
            arguments += FFmpegArguments.seek(to: position) + ["-i", FFmpegArguments.input(video)]
        }
        for (index, output) in outputs.enumerated() {
            arguments += ["-map", "\(index):v:0"]
            arguments += FFmpegArguments.pngOutput(
                output, keepingLast: times[index] == nil, scaleToWidth: FrameStrip.maximumWidth)
        }
        return arguments
    }
}
