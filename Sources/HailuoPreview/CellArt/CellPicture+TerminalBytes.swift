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
            var current: (foreground: SGRColor, background: SGRColor, reverse: Bool)? = nil
            for column in 0..<size.width {
                let cell = self[column, row]
                total += cell.text.utf8.count
                let foreground = SGRColor(cell.style.foreground, depth: depth)
                let background = SGRColor(cell.style.background, depth: depth)
                let reverse = cell.style.reverse
                var parameters = 0
                var length = 0
                if current == nil || current?.reverse != reverse {
                    parameters += 1
                    length += reverse ? 1 : 2
                }
                if current == nil || current?.foreground != foreground {
                    parameters += 1
                    length += foreground.length(background: false)
                }
                if current == nil || current?.background != background {
                    parameters += 1
                    length += background.length(background: true)
                }
                if parameters > 0 { total += 3 + length + parameters - 1 }  // ESC [ p;p;p m
                current = (foreground, background, reverse)
            }
        }
        return total
    }
}

/// A colour as an SGR sequence sets it at some depth.
enum SGRColor: Hashable {
    /// The terminal's default (`39`/`49`), or no colour at all in monochrome.
    case standard
    /// One of the 16 named colours: `30+n`/`90+n` (backgrounds `40+n`/`100+n`).
    case named(Int)
    /// `38;5;N` (background `48;5;N`).
    case palette(Int)
    /// `38;2;R;G;B` (background `48;2;R;G;B`).
    case direct(UInt8, UInt8, UInt8)

    init(_ color: Color?, depth: ColorDepth) {
        guard let color, depth != .monochrome else {
            self = .standard
            return
        }
        let index: Int
        switch (color, depth) {
        case (.rgb(let red, let green, let blue), .trueColor):
            self = .direct(red, green, blue)
            return
        case (.rgb(let red, let green, let blue), .palette16):
            index = ColorMapping.nearestNamed(RGB(red: red, green: green, blue: blue))
        case (_, .palette16) where color.paletteIndex >= 16:
            let rgb = Palette.rgb(color.paletteIndex)
            index = ColorMapping.nearestNamed(RGB(red: UInt8(rgb.red), green: UInt8(rgb.green), blue: UInt8(rgb.blue)))
        default:
            index = color.paletteIndex
        }
        self = index < 16 ? .named(index) : .palette(index)
    }

    /// The length of its SGR parameters.
    func length(background: Bool) -> Int {
        switch self {
        case .standard: 2
        case .named(let index): index >= 8 && background ? 3 : 2
        case .palette(let index): 5 + Self.digits(index)
        case .direct(let red, let green, let blue):
            5 + Self.digits(Int(red)) + Self.digits(Int(green)) + Self.digits(Int(blue)) + 2
        }
    }

    private static func digits(_ value: Int) -> Int { value >= 100 ? 3 : value >= 10 ? 2 : 1 }
}
