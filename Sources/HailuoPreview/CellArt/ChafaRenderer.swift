import CChafa
import TUIKit

/// Cell art through libchafa, when it was found at run time.
enum ChafaRenderer {
    /// Whether libchafa is loaded (loaded on first use, once per process).
    static var isAvailable: Bool { hailuo_chafa_load() == 1 }

    /// The loaded library's file name, e.g. "libchafa.so.0.8.4".
    static var libraryName: String { String(cString: hailuo_chafa_library_name()) }

    /// `image` in `size` cells, or nil when chafa is absent or failed.
    static func render(_ image: RGBAImage, size: Size, depth: ColorDepth, symbols: CellArtSymbols) -> CellPicture? {
        cells(image, size: size, depth: depth, symbols: symbols).map { CellPicture(size: size, cells: $0) }
    }

    /// The cells chafa chose, row by row, before ``CellPicture`` checks their width.
    static func cells(_ image: RGBAImage, size: Size, depth: ColorDepth, symbols: CellArtSymbols) -> [Cell]? {
        guard isAvailable, image.width > 0, image.height > 0 else { return nil }
        // chafa works on 8x8 pixels per cell: give it no more than that, already opaque.
        let grid = PixelGrid(
            image, width: min(image.width, size.width * 8), height: min(image.height, size.height * 8))
        let pixels = grid.rgbaBytes
        let count = size.width * size.height
        var characters = [UInt32](repeating: 0x20, count: count)
        var foregrounds = [Int32](repeating: -1, count: count)
        var backgrounds = [Int32](repeating: -1, count: count)
        let status = pixels.withUnsafeBufferPointer { pixels in
            hailuo_chafa_render(
                pixels.baseAddress, Int32(grid.width), Int32(grid.height), Int32(size.width), Int32(size.height),
                mode(depth), symbols == .ascii ? HAILUO_CHAFA_SYMBOLS_ASCII : HAILUO_CHAFA_SYMBOLS_BLOCKS,
                &characters, &foregrounds, &backgrounds)
        }
        guard status == 0 else { return nil }
        var cells: [Cell] = []
        cells.reserveCapacity(count)
        for index in 0..<count {
            let symbol = Unicode.Scalar(characters[index]).map { String(Character($0)) } ?? " "
            let style = Style(
                foreground: color(foregrounds[index], depth: depth), background: color(backgrounds[index], depth: depth)
            )
            cells.append(Cell(symbol, style: style))
        }
        ColorCoherence.apply(&cells, width: size.width)
        return cells
    }

    private static func mode(_ depth: ColorDepth) -> hailuo_chafa_mode {
        switch depth {
        case .trueColor: HAILUO_CHAFA_TRUECOLOR
        case .palette256: HAILUO_CHAFA_INDEXED_240
        case .palette16: HAILUO_CHAFA_INDEXED_16
        case .monochrome: HAILUO_CHAFA_MONOCHROME
        }
    }

    /// A colour chafa gave: packed RGB in truecolor, a palette index otherwise; negative is none.
    private static func color(_ value: Int32, depth: ColorDepth) -> Color? {
        guard value >= 0 else { return nil }
        switch depth {
        case .trueColor:
            return .rgb(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        case .palette256, .palette16: return ColorMapping.paletteColor(Int(value))
        case .monochrome: return nil
        }
    }
}
