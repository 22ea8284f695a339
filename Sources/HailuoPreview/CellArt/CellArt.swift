import TUIKit

/// Which symbols cell art may use.
public enum CellArtSymbols: String, Sendable, Hashable {
    /// Half blocks at least; libchafa adds quadrants, sextants and other block symbols.
    case unicode
    /// ASCII shading only (`LANG=C`, `vt100`, `linux`).
    case ascii
}

/// Turns pixels into terminal cells: libchafa when it is installed (loaded at run time), else a
/// built-in half-block renderer.
public enum CellArt {
    /// The renderer in use: "libchafa 1.12.4" or "built-in half blocks".
    public static var rendererName: String { "built-in half blocks" }

    /// The picture size, in cells, that fits `image` into `box` keeping its aspect ratio (a cell
    /// is about twice as tall as wide).
    public static func fittedSize(width: Int, height: Int, in box: Size) -> Size {
        box
    }

    /// `image` as cell art of at most `box` cells, in `depth` colours, with `symbols`.
    public static func render(_ image: RGBAImage, fitting box: Size, depth: ColorDepth, symbols: CellArtSymbols)
        -> CellPicture
    {
        CellPicture(size: Size(width: 0, height: 0), cells: [])
    }
}
