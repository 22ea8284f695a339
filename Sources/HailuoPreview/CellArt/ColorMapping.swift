import TUIKit

/// Colours of a picture in the terminal's depth.
enum ColorMapping {
    /// The 16 named colours in palette order.
    static let named: [Color] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white, .brightBlack, .brightRed, .brightGreen,
        .brightYellow, .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    /// `color` as `depth` shows it; nil in monochrome.
    static func color(_ color: RGB, depth: ColorDepth) -> Color? {
        switch depth {
        case .trueColor: .rgb(color.red, color.green, color.blue)
        case .palette256:
            .indexed(UInt8(Palette.nearestIndex(red: Int(color.red), green: Int(color.green), blue: Int(color.blue))))
        case .palette16: named[nearestNamed(color)]
        case .monochrome: nil
        }
    }

    /// A palette index as a colour: the named ones for 0...15.
    static func paletteColor(_ index: Int) -> Color? {
        switch index {
        case 0..<16: named[index]
        case 16...255: .indexed(UInt8(index))
        default: nil
        }
    }

    /// The index (0...15) of the named colour nearest to `color` (xterm's RGB for them).
    static func nearestNamed(_ color: RGB) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (index, candidate) in Palette.namedRGB.enumerated() {
            let red = candidate.red - Int(color.red)
            let green = candidate.green - Int(color.green)
            let blue = candidate.blue - Int(color.blue)
            let distance = red * red + green * green + blue * blue
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }
}
