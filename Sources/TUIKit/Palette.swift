/// The xterm palette as RGB, and the nearest palette colour to an RGB value.
public enum Palette {
    /// xterm's default RGB for the 16 named colours.
    public static let namedRGB: [(red: Int, green: Int, blue: Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six levels of each channel in the 6x6x6 colour cube (indexes 16...231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB of an xterm palette index: the 16 named colours, the cube, then the grey ramp.
    public static func rgb(_ index: Int) -> (red: Int, green: Int, blue: Int) {
        let index = min(max(index, 0), 255)
        if index < 16 { return namedRGB[index] }
        if index >= 232 {
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        }
        let cube = index - 16
        return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
    }

    /// The palette index (16...255: the cube or the grey ramp) nearest to an RGB value. The named
    /// 16 are left out: terminals theme them, so they are not the colours they claim.
    public static func nearestIndex(red: Int, green: Int, blue: Int) -> Int {
        func level(_ value: Int) -> Int {
            var best = 0
            for (index, candidate) in cubeLevels.enumerated()
            where abs(candidate - value) < abs(cubeLevels[best] - value) {
                best = index
            }
            return best
        }
        let cube = 16 + 36 * level(red) + 6 * level(green) + level(blue)
        let average = (red + green + blue) / 3
        let grey = 232 + min(23, max(0, (average - 3) / 10))
        return distance(rgb(cube), (red, green, blue)) <= distance(rgb(grey), (red, green, blue)) ? cube : grey
    }

    /// The squared distance between two RGB colours.
    static func distance(_ a: (red: Int, green: Int, blue: Int), _ b: (Int, Int, Int)) -> Int {
        let red = a.red - b.0
        let green = a.green - b.1
        let blue = a.blue - b.2
        return red * red + green * green + blue * blue
    }
}

/// How many colours the terminal shows: the depth pictures are drawn in.
public enum ColorDepth: String, Sendable, Hashable, CaseIterable {
    /// 24-bit colour (a terminfo entry with direct colour, e.g. `xterm-direct`).
    case trueColor = "truecolor"
    /// The xterm 256-colour palette.
    case palette256 = "256"
    /// The 16 named colours (8 on some consoles, shown bright with bold).
    case palette16 = "16"
    /// No colour: bold and reverse only.
    case monochrome = "none"

    /// The depth of a terminal with `colors` colours (ncurses' `COLORS`).
    public init(colors: Int) {
        if colors >= 1 << 24 {
            self = .trueColor
        } else if colors >= 256 {
            self = .palette256
        } else if colors >= 8 {
            self = .palette16
        } else {
            self = .monochrome
        }
    }
}
