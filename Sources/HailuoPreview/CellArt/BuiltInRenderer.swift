import TUIKit

/// Cell art without libchafa: half blocks (`▀`, the top pixel as foreground, the bottom one as
/// background), or an ASCII shading ramp by brightness.
enum BuiltInRenderer {
    static let name = "built-in half blocks"

    /// ASCII shading from dark to bright.
    static let ramp = Array(" .:-=+*#%@").map(String.init)

    static func render(_ image: RGBAImage, size: Size, depth: ColorDepth, symbols: CellArtSymbols) -> CellPicture {
        switch symbols {
        case .unicode: halfBlocks(image, size: size, depth: depth)
        case .ascii: shading(image, size: size, depth: depth)
        }
    }

    /// Two pixels per cell, one above the other.
    private static func halfBlocks(_ image: RGBAImage, size: Size, depth: ColorDepth) -> CellPicture {
        let grid = PixelGrid(image, width: size.width, height: size.height * 2)
        var cells: [Cell] = []
        cells.reserveCapacity(size.width * size.height)
        for row in 0..<size.height {
            for column in 0..<size.width {
                let top = grid[column, 2 * row]
                let bottom = grid[column, 2 * row + 1]
                cells.append(depth == .monochrome ? inkCell(top: top, bottom: bottom) : colorCell(top, bottom, depth))
            }
        }
        ColorCoherence.apply(&cells, width: size.width)
        return CellPicture(size: size, cells: cells)
    }

    /// `▀` in the top colour over the bottom one; a space when both show as the same colour.
    private static func colorCell(_ top: RGB, _ bottom: RGB, _ depth: ColorDepth) -> Cell {
        let foreground = ColorMapping.color(top, depth: depth)
        let background = ColorMapping.color(bottom, depth: depth)
        let symbol = foreground == background ? " " : "▀"
        return Cell(symbol, style: Style(foreground: foreground, background: background))
    }

    /// Bright halves drawn in the terminal's own foreground: ` `, `▀`, `▄` or `█`.
    private static func inkCell(top: RGB, bottom: RGB) -> Cell {
        let symbols = [" ", "▄", "▀", "█"]
        let index = (top.luminance >= 128 ? 2 : 0) + (bottom.luminance >= 128 ? 1 : 0)
        return Cell(symbols[index])
    }

    /// One pixel per cell: a ramp symbol by brightness, in the pixel's colour where the depth has colours.
    private static func shading(_ image: RGBAImage, size: Size, depth: ColorDepth) -> CellPicture {
        let grid = PixelGrid(image, width: size.width, height: size.height)
        var cells = grid.colors.map { color in
            let step = min(ramp.count - 1, color.luminance * ramp.count / 256)
            return Cell(ramp[step], style: Style(foreground: ColorMapping.color(color, depth: depth)))
        }
        ColorCoherence.apply(&cells, width: size.width)
        return CellPicture(size: size, cells: cells)
    }
}
