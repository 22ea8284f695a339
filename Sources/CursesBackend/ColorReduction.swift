/// Maps xterm palette indexes onto what the terminal has: 256 stay, 16..255 become the nearest of
/// the 16 named colours on a 16-colour terminal, and the bright half folds onto the 8 basic ones
/// (shown in bold for foregrounds) on an 8-colour terminal.
enum ColorReduction {
    /// The colour number to use and whether the foreground should be bold to look bright.
    static func reduce(_ index: Int, colors: Int) -> (index: Int, bright: Bool) {
        let index = min(max(index, 0), 255)
        if colors >= 256 { return (index, false) }
        let named = index < 16 ? index : nearestNamed(index)
        if colors >= 16 { return (named, false) }
        return named >= 8 ? (named - 8, true) : (named, false)
    }

    /// xterm's default RGB for the 16 named colours.
    private static let namedRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB of an xterm palette index 16...255 (the 6x6x6 cube, then the grey ramp).
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        if index < 16 { return namedRGB[max(0, index)] }
        if index >= 232 {
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let cube = index - 16
        return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
    }

    private static func nearestNamed(_ index: Int) -> Int {
        let (red, green, blue) = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for (candidate, color) in namedRGB.enumerated() {
            let distance =
                (color.0 - red) * (color.0 - red) + (color.1 - green) * (color.1 - green)
                + (color.2 - blue) * (color.2 - blue)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}
