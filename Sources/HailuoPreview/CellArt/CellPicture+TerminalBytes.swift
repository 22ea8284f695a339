import TUIKit

extension CellPicture {
    /// An estimate of the bytes drawing this picture costs the terminal at `depth`: per row one
    /// cursor move (`ESC [ row ; col H`, counted as 8 bytes), each symbol's UTF-8, and an SGR
    /// sequence (`ESC [ … m`) wherever the foreground, background or reverse changes from the
    /// cell before (every row starts from an unknown state), plus one reset (`ESC [ 0 m`) at the
    /// end. Colours are written as the depth writes them: `38;2;R;G;B` in truecolor, `38;5;N`
    /// from the palette, `3N`/`9N` for the named 16 (and their background forms).
    public func terminalBytes(depth: ColorDepth) -> Int {
        guard size.width > 0, size.height > 0 else { return 0 }
        var total = 4  // the final reset
        for row in 0..<size.height {
            total += 8
            var current: (foreground: String?, background: String?, reverse: Bool)? = nil
            for column in 0..<size.width {
                let cell = self[column, row]
                total += cell.text.utf8.count
                let foreground = SGRColor.code(cell.style.foreground, depth: depth, background: false)
                let background = SGRColor.code(cell.style.background, depth: depth, background: true)
                let reverse = cell.style.reverse
                var parts: [String] = []
                if current == nil || current?.reverse != reverse { parts.append(reverse ? "7" : "27") }
                if current == nil || current?.foreground != foreground { parts.append(foreground ?? "39") }
                if current == nil || current?.background != background { parts.append(background ?? "49") }
                if !parts.isEmpty { total += 3 + parts.joined(separator: ";").utf8.count }  // ESC [ … m
                current = (foreground, background, reverse)
            }
        }
        return total
    }
}

/// The SGR parameters that set a colour.
enum SGRColor {
    /// `color` as SGR parameters at `depth` (nil: the terminal's default, or no colour at all).
    static func code(_ color: Color?, depth: ColorDepth, background: Bool) -> String? {
        guard let color, depth != .monochrome else { return nil }
        let index: Int
        switch (color, depth) {
        case (.rgb(let red, let green, let blue), .trueColor):
            return "\(background ? 48 : 38);2;\(red);\(green);\(blue)"
        case (.rgb(let red, let green, let blue), .palette16):
            index = ColorMapping.nearestNamed(RGB(red: red, green: green, blue: blue))
        case (_, .palette16) where color.paletteIndex >= 16:
            let rgb = Palette.rgb(color.paletteIndex)
            index = ColorMapping.nearestNamed(RGB(red: UInt8(rgb.red), green: UInt8(rgb.green), blue: UInt8(rgb.blue)))
        default:
            index = color.paletteIndex
        }
        switch index {
        case 0..<8: return "\((background ? 40 : 30) + index)"
        case 8..<16: return "\((background ? 100 : 90) + index - 8)"
        default: return "\(background ? 48 : 38);5;\(index)"
        }
    }
}
