/// A terminal colour: the 16 named ones, an index into the 256-colour palette, or 24-bit RGB.
public enum Color: Sendable, Hashable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// An xterm 256-colour index; terminals with fewer colours get the nearest named one.
    case indexed(UInt8)
    /// A 24-bit colour (pictures): shown as is where the terminal has direct colour, else as the
    /// nearest palette colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The colour's number in the xterm palette (0...255).
    public var paletteIndex: Int {
        switch self {
        case .black: 0
        case .red: 1
        case .green: 2
        case .yellow: 3
        case .blue: 4
        case .magenta: 5
        case .cyan: 6
        case .white: 7
        case .brightBlack: 8
        case .brightRed: 9
        case .brightGreen: 10
        case .brightYellow: 11
        case .brightBlue: 12
        case .brightMagenta: 13
        case .brightCyan: 14
        case .brightWhite: 15
        case .indexed(let index): Int(index)
        case .rgb(let red, let green, let blue): Palette.nearestIndex(red: Int(red), green: Int(green), blue: Int(blue))
        }
    }
}

/// How a cell looks. `nil` colours mean the terminal's own default (`use_default_colors`).
///
/// The five attributes are bits of one byte, so a style (and a ``Cell``) stays small: a frame
/// holds thousands of them.
public struct Style: Sendable, Hashable {
    public var foreground: Color?
    public var background: Color?
    private var attributes: UInt8

    private static let boldBit: UInt8 = 1
    private static let dimBit: UInt8 = 2
    private static let italicBit: UInt8 = 4
    private static let underlineBit: UInt8 = 8
    private static let reverseBit: UInt8 = 16

    public var bold: Bool {
        get { attributes & Self.boldBit != 0 }
        set { set(Self.boldBit, newValue) }
    }

    public var dim: Bool {
        get { attributes & Self.dimBit != 0 }
        set { set(Self.dimBit, newValue) }
    }

    public var italic: Bool {
        get { attributes & Self.italicBit != 0 }
        set { set(Self.italicBit, newValue) }
    }

    public var underline: Bool {
        get { attributes & Self.underlineBit != 0 }
        set { set(Self.underlineBit, newValue) }
    }

    public var reverse: Bool {
        get { attributes & Self.reverseBit != 0 }
        set { set(Self.reverseBit, newValue) }
    }

    public init(
        foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
        italic: Bool = false, underline: Bool = false, reverse: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        attributes = 0
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
    }

    private mutating func set(_ bit: UInt8, _ on: Bool) {
        attributes = on ? attributes | bit : attributes & ~bit
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with another foreground.
    public func foreground(_ color: Color?) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }

    /// This style with another background.
    public func background(_ color: Color?) -> Style {
        var copy = self
        copy.background = color
        return copy
    }

    /// This style in bold.
    public var bolded: Style {
        var copy = self
        copy.bold = true
        return copy
    }

    /// This style dimmed.
    public var dimmed: Style {
        var copy = self
        copy.dim = true
        return copy
    }

    /// This style in reverse video.
    public var reversed: Style {
        var copy = self
        copy.reverse = true
        return copy
    }

    /// This style underlined.
    public var underlined: Style {
        var copy = self
        copy.underline = true
        return copy
    }
}
