import TUIKit

/// A picture's place on the screen and what goes there. The update asks for every placed
/// request the screen shows; the view draws the same placements, so both agree by construction.
public struct PlacedPicture: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// A picture (or pictures side by side, for a clip strip) to make and draw.
        case picture(PictureRequest)
        /// Words instead of a picture ("URL, not previewed").
        case note(String)
    }

    /// The cells it may use.
    public var rect: Rect
    public var content: Content
    /// A dim line under it ("first frame"), when there is room.
    public var caption: String?

    public init(rect: Rect, content: Content, caption: String? = nil) {
        self.rect = rect
        self.content = content
        self.caption = caption
    }

    /// The request to make, if this placement shows a picture.
    public var request: PictureRequest? {
        if case .picture(let request) = content { return request }
        return nil
    }
}

/// Sizes of pictures in cells: a cell is about twice as tall as it is wide, so an image of
/// `w`x`h` pixels at `rows` rows is `rows * 2 * w / h` columns wide.
enum PictureGeometry {
    /// Columns for an image of `pixelSize` shown `rows` tall (16:9 when the size is unknown).
    static func columns(rows: Int, pixelSize: Size?) -> Int {
        let width = Double(pixelSize?.width ?? 16)
        let height = Double(max(1, pixelSize?.height ?? 9))
        return max(1, Int((Double(rows * 2) * width / height).rounded()))
    }

    /// Rows for an image of `pixelSize` shown `columns` wide.
    static func rows(columns: Int, pixelSize: Size?) -> Int {
        let width = Double(max(1, pixelSize?.width ?? 16))
        let height = Double(pixelSize?.height ?? 9)
        return max(1, Int((Double(columns) * height / width / 2).rounded()))
    }
}
