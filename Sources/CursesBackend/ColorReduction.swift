import TUIKit

/// Maps colours onto what the terminal has: on a direct-colour terminal (`COLORS` = 2^24) RGB
/// as is and palette colours as their RGB; with 256 colours, palette indexes as they are and RGB as
/// the nearest palette colour; on a 16-colour terminal the nearest of the 16 named colours; on an
/// 8-colour terminal the bright half folds onto the 8 basic ones (shown in bold for foregrounds).
enum ColorReduction {
    /// The colour number to use and whether the foreground should be bold to look bright.
    static func reduce(_ color: Color, colors: Int) -> (index: Int, bright: Bool) {
        if colors >= 1 << 24 { return (directNumber(color), false) }
        return reduce(color.paletteIndex, colors: colors)
    }

    /// As `reduce(_:colors:)` for a palette index.
    static func reduce(_ index: Int, colors: Int) -> (index: Int, bright: Bool) {
        let index = min(max(index, 0), 255)
        if colors >= 256 { return (index, false) }
        let named = index < 16 ? index : nearestNamed(index)
        if colors >= 16 { return (named, false) }
        return named >= 8 ? (named - 8, true) : (named, false)
    }

    /// A colour's number on a direct-colour terminal: 0...7 are the basic colours there (xterm-direct's
    /// `setaf`), everything else is packed RGB, nudged off 0...7 so a near-black is not read as one.
    static func directNumber(_ color: Color) -> Int {
        let (red, green, blue): (Int, Int, Int)
        switch color {
        case .rgb(let r, let g, let b): (red, green, blue) = (Int(r), Int(g), Int(b))
        default:
            let index = color.paletteIndex
            if index < 8 { return index }
            (red, green, blue) = Palette.rgb(index)
        }
        return max(8, red << 16 | green << 8 | blue)
    }

    /// The RGB of an xterm palette index.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        let value = Palette.rgb(index)
        return (value.red, value.green, value.blue)
    }

    private static func nearestNamed(_ index: Int) -> Int {
        let (red, green, blue) = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for (candidate, color) in Palette.namedRGB.enumerated() {
            let distance =
                (color.red - red) * (color.red - red) + (color.green - green) * (color.green - green)
                + (color.blue - blue) * (color.blue - blue)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}
