extension FramePosition {
    /// A short label for file names: "first", "last", "at-2.5s".
    public var fileLabel: String {
        switch self {
        case .first: "first"
        case .last: "last"
        case .seconds(let seconds): "at-\(DurationText.number(seconds))s"
        }
    }
}
