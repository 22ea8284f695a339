import HailuoCore
import TUIKit

/// What a picture on the screen shows.
public enum PictureSource: Sendable, Hashable {
    /// An image file: a first or last frame. The text is resolved as the image check resolves it.
    case image(String)
    /// `count` frames spread over a downloaded clip, first to last, with the clip's facts.
    case clipStrip(video: String, count: Int)
    /// The middle frame of a downloaded clip (the compare view), with the clip's facts.
    case clipMiddle(video: String)
}

/// Which symbols pictures may use on this terminal.
public enum PictureSymbols: String, Sendable, Hashable {
    /// Block symbols (half blocks at least).
    case unicode
    /// ASCII shading (`LANG=C`, `vt100`, `linux`).
    case ascii
}

/// One picture to make off the UI thread: its source and the box (in cells) each picture fits.
public struct PictureRequest: Sendable, Hashable {
    public var source: PictureSource
    public var box: Size
    public var depth: ColorDepth
    public var symbols: PictureSymbols

    public init(source: PictureSource, box: Size, depth: ColorDepth, symbols: PictureSymbols) {
        self.source = source
        self.box = box
        self.depth = depth
        self.symbols = symbols
    }
}

/// What came back for a ``PictureRequest``.
public enum PictureOutcome: Sendable, Equatable {
    /// One picture for an image; one per frame for a clip strip, with the clip's facts read from
    /// the file (nil when only pictures were asked for).
    case pictures([CellPicture], clip: ClipInfo?)
    /// Why there is no picture, in words ("cannot preview: the PNG is truncated").
    case unavailable(String)
}
