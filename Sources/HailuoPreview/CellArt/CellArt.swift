import TUIKit

/// Which symbols cell art may use.
public enum CellArtSymbols: String, Sendable, Hashable {
    /// Half blocks at least; libchafa adds quadrants and other block symbols.
    case unicode
    /// ASCII shading only (`LANG=C`, `vt100`, `linux`).
    case ascii
}

/// Which renderer draws cell art.
public enum CellArtRenderer: String, Sendable, Hashable, CaseIterable {
    /// libchafa when it is loaded, else the built-in one.
    case automatic
    /// The built-in half-block (or ASCII shading) renderer, whether or not libchafa is there:
    /// for tests, benchmarks and comparisons.
    case builtIn
}

/// Turns pixels into terminal cells: libchafa when it is installed (loaded at run time), else a
/// built-in half-block renderer. Pure and re-entrant: call it off the UI thread, from any thread.
public enum CellArt {
    /// The renderer in use: "libchafa (libchafa.so.0.8.4)" or "built-in half blocks".
    public static var rendererName: String {
        ChafaRenderer.isAvailable ? "libchafa (\(ChafaRenderer.libraryName))" : BuiltInRenderer.name
    }

    /// Whether libchafa was found and loaded (`HAILUO_NO_CHAFA` set in the environment hides it).
    public static var isChafaAvailable: Bool { ChafaRenderer.isAvailable }

    /// The picture size, in cells, that fits an image of `width` x `height` pixels into `box`
    /// keeping its aspect ratio (a cell is about twice as tall as wide): at least 1x1 and never
    /// larger than `box` (0x0 when the box or the image is empty).
    public static func fittedSize(width: Int, height: Int, in box: Size) -> Size {
        guard width > 0, height > 0, box.width > 0, box.height > 0 else { return Size(width: 0, height: 0) }
        // Rows for the full width: height / width * columns / 2, rounded.
        let rowsForWidth = (height * box.width + width) / (2 * width)
        if rowsForWidth <= box.height {
            return Size(width: box.width, height: max(1, rowsForWidth))
        }
        let columnsForHeight = (4 * width * box.height + height) / (2 * height)
        return Size(width: min(box.width, max(1, columnsForHeight)), height: box.height)
    }

    /// The fewest pixels on each side an image needs to be drawn well in `size` cells by
    /// `renderer` (pass it as `atLeast` to ``ImageDecoder``): 8x8 per cell for libchafa, 1x2 for
    /// the built-in half blocks.
    public static func pixelsNeeded(for size: Size, renderer: CellArtRenderer = .automatic) -> (width: Int, height: Int)
    {
        if renderer == .automatic, ChafaRenderer.isAvailable { return (size.width * 8, size.height * 8) }
        return (size.width, size.height * 2)
    }

    /// `image` as cell art of at most `box` cells (see ``fittedSize(width:height:in:)``), in
    /// `depth` colours, with `symbols`. Transparent pixels are shown over a dark grey. Every cell
    /// is one column wide. In truecolor, nearby colours are merged until the picture is within
    /// ``terminalByteBudget(for:)``.
    public static func render(
        _ image: RGBAImage, fitting box: Size, depth: ColorDepth, symbols: CellArtSymbols,
        renderer: CellArtRenderer = .automatic
    ) -> CellPicture {
        let size = fittedSize(width: image.width, height: image.height, in: box)
        guard size.width > 0, size.height > 0 else { return CellPicture(size: Size(width: 0, height: 0), cells: []) }
        let picture =
            renderer == .automatic ? ChafaRenderer.render(image, size: size, depth: depth, symbols: symbols) : nil
        let drawn = picture ?? BuiltInRenderer.render(image, size: size, depth: depth, symbols: symbols)
        guard depth == .trueColor else { return drawn }
        return ColorCoherence.fitted(drawn, budget: terminalByteBudget(for: size))
    }

    /// What a picture of `size` cells may cost the terminal: 8 KB for 40x12, in proportion for
    /// other sizes. Truecolor pictures over it are drawn with nearby colours merged along each
    /// row until they fit (the palette depths fit it by themselves).
    public static func terminalByteBudget(for size: Size) -> Int {
        max(1, size.width * size.height) * 8 * 1024 / (40 * 12)
    }
}
