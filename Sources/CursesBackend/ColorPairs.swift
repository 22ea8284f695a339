import CNCursesW
import TUIKit

/// Colour pairs by (foreground, background), -1 meaning the terminal's default: each new
/// combination gets the next pair from `init_extended_pair`, never recycled (a recycled pair
/// would recolour cells already on screen). When the pairs run out, pair 0 is used.
struct ColorPairs {
    private struct Combination: Hashable {
        var foreground: Int
        var background: Int
    }

    let colors: Int
    let pairLimit: Int
    let defaultColors: Bool
    private var pairs: [Combination: Int32] = [:]
    private var nextPair: Int32 = 1

    init(colors: Int, pairLimit: Int, defaultColors: Bool) {
        self.colors = colors
        self.pairLimit = pairLimit
        self.defaultColors = defaultColors
    }

    /// The attributes and pair number for `style` on this terminal.
    mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int32) {
        var attributes = hailuo_a_normal()
        if style.bold { attributes |= hailuo_a_bold() }
        if style.dim { attributes |= hailuo_a_dim() }
        if style.italic { attributes |= hailuo_a_italic() }
        if style.underline { attributes |= hailuo_a_underline() }
        if style.reverse { attributes |= hailuo_a_reverse() }
        guard colors >= 8 else {
            // Monochrome: a background colour marks a bar or a selection; show it in reverse.
            if style.background != nil { attributes |= hailuo_a_reverse() }
            return (attributes, 0)
        }
        var foreground = -1
        if let color = style.foreground {
            let reduced = ColorReduction.reduce(color, colors: colors)
            foreground = reduced.index
            if reduced.bright { attributes |= hailuo_a_bold() }
        }
        let background = style.background.map { ColorReduction.reduce($0, colors: colors).index } ?? -1
        return (attributes, pair(foreground: foreground, background: background))
    }

    private mutating func pair(foreground: Int, background: Int) -> Int32 {
        var combination = Combination(foreground: foreground, background: background)
        if !defaultColors {
            // Without use_default_colors, -1 is not allowed: pair 0 is white on black.
            if combination.foreground < 0 { combination.foreground = 7 }
            if combination.background < 0 { combination.background = 0 }
            if combination == Combination(foreground: 7, background: 0) { return 0 }
        } else if combination == Combination(foreground: -1, background: -1) {
            return 0
        }
        if let known = pairs[combination] { return known }
        guard Int(nextPair) < pairLimit else { return 0 }
        let number = nextPair
        guard
            init_extended_pair(number, Int32(combination.foreground), Int32(combination.background)) == hailuo_ok()
        else { return 0 }
        nextPair += 1
        pairs[combination] = number
        return number
    }
}
