import Synchronization

/// One terminal cell: the grapheme drawn in it and its style.
///
/// A wide grapheme (2 columns) is stored in its first cell with `width == 2`; the cell to its
/// right is a continuation (`width == 0`, empty text) that is never drawn on its own.
///
/// A cell is small plain data, with no reference inside: a frame of thousands of cells is made,
/// copied, compared and freed without reference counting. A grapheme of one scalar (every letter,
/// digit, symbol and most emoji) is kept in the cell itself; a longer one (a letter with a
/// combining accent, a flag, an emoji sequence) is kept once in a shared table and the cell holds
/// its number there.
public struct Cell: Sendable, Hashable {
    /// The grapheme's only scalar (at most 0x10FFFF), or ``Cell/longFlag`` plus the grapheme's
    /// number in ``LongGraphemes``.
    private var glyph: UInt32
    public var style: Style
    /// 1 for a normal cell, 2 for the first cell of a wide grapheme, 0 for its continuation.
    public var width: UInt8

    private static let longFlag: UInt32 = 0x8000_0000

    public init(_ text: String = " ", style: Style = .plain, width: UInt8 = 1) {
        glyph = Self.glyph(of: text)
        self.style = style
        self.width = width
    }

    /// A cell holding one printable ASCII character (the hot path of drawing).
    init(ascii byte: UInt8, style: Style) {
        self.init(scalar: Unicode.Scalar(byte), style: style)
    }

    /// A one-column cell holding one scalar that is a grapheme on its own.
    init(scalar: Unicode.Scalar, style: Style) {
        glyph = scalar.value
        self.style = style
        width = 1
    }

    /// The grapheme cluster, `" "` for blank, `""` for a continuation cell.
    public var text: String {
        get {
            if glyph & Self.longFlag != 0 { return LongGraphemes.shared.text(Int(glyph & ~Self.longFlag)) }
            guard glyph != 0, let value = Unicode.Scalar(glyph) else { return "" }
            return String(Character(value))
        }
        set { glyph = Self.glyph(of: newValue) }
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .plain) -> Cell { Cell(ascii: 0x20, style: style) }

    /// Whether this is the right half of a wide grapheme.
    public var isContinuation: Bool { width == 0 }

    private static func glyph(of text: String) -> UInt32 {
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return first.value }
        return longFlag | UInt32(LongGraphemes.shared.number(of: text))
    }
}

/// Graphemes of more than one scalar, each kept once for the program's life (a screen shows a
/// handful of distinct ones), so cells can refer to them by number and stay plain data.
final class LongGraphemes: Sendable {
    static let shared = LongGraphemes()

    private struct Table {
        var texts: [String] = []
        var numbers: [String: Int] = [:]
    }

    private let table = Mutex(Table())

    /// The number of `text`, given it one the first time.
    func number(of text: String) -> Int {
        table.withLock { table in
            if let number = table.numbers[text] { return number }
            table.texts.append(text)
            table.numbers[text] = table.texts.count - 1
            return table.texts.count - 1
        }
    }

    /// The grapheme with `number`.
    func text(_ number: Int) -> String {
        table.withLock { $0.texts.indices.contains(number) ? $0.texts[number] : "" }
    }
}
