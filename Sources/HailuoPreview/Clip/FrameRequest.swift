/// Checks a requested frame time against the clip's duration.
enum FrameRequest {
    /// How far past the end a time may be and still count as the end (container durations are
    /// rounded).
    static let endTolerance = 0.001

    /// `position` if the clip has it: a time is refused when negative or past the end (saying how
    /// long the clip is), and clamped to the duration when within ``endTolerance`` of it.
    static func checked(_ position: FramePosition, duration: Double) throws(PreviewError) -> FramePosition {
        guard case .seconds(let seconds) = position else { return position }
        let length = "the clip is \(DurationText.seconds(duration)) long"
        guard seconds.isFinite, seconds >= 0 else {
            throw PreviewError("\(DurationText.number(seconds)) s is before the start: \(length)")
        }
        guard seconds <= duration + endTolerance else {
            throw PreviewError("\(DurationText.number(seconds)) s is past the end: \(length)")
        }
        return .seconds(min(seconds, duration))
    }

    /// Where ffmpeg starts reading for `position`, in seconds from the clip's start (frame times
    /// ffmpeg logs are from there).
    static func readingStart(of position: FramePosition, duration: Double) -> Double {
        switch position {
        case .first: 0
        case .seconds(let seconds): seconds
        case .last: max(0, duration - FFmpegArguments.lastFrameWindow)
        }
    }
}
