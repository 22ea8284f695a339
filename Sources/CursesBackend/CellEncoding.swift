/// How one canvas grapheme becomes terminal cells that ncurses measures the same way the canvas
/// does (otherwise the cursor and every cell after a grapheme drift). ncurses counts columns with the C library's `wcwidth`; ``TUIKit/DisplayWidth``
/// counts VS16 emoji and flags as 2 where `wcwidth` may say 1. Where they disagree the grapheme is
/// written so both agree: a flag as its two regional indicators (one column each), a VS16 emoji as
/// its text form plus a space, and anything `wcwidth` cannot print as `?`.
enum CellEncoding {
    /// One terminal cell: its scalars (the first spacing, the rest zero-width) and its columns.
    struct Piece: Equatable {
        var scalars: [UInt32]
        var columns: Int
    }

    static let question: UInt32 = 0x3F
    static let space: UInt32 = 0x20
    private static let variationSelector16: UInt32 = 0xFE0F
    private static let zeroWidthJoiner: UInt32 = 0x200D

    /// The cells for `grapheme`, which the canvas gave `width` columns (1 or 2). The columns of
    /// the result always add up to `max(1, width)`. `systemWidth` is `wcwidth` (injected for tests);
    /// `maximumScalars` is CCHARW_MAX.
    static func pieces(
        for grapheme: String, width: Int, maximumScalars: Int = 5, systemWidth: (UInt32) -> Int
    ) -> [Piece] {
        let columns = width >= 2 ? 2 : 1
        let scalars = grapheme.unicodeScalars.map(\.value)
        guard let first = scalars.first else { return blanks(columns) }
        if scalars.count == 1, (0x20..<0x7F).contains(first) {
            return [Piece(scalars: [first], columns: 1)] + blanks(columns - 1)
        }
        let firstWidth = systemWidth(first)
        if firstWidth == columns {
            return [
                Piece(scalars: combining(scalars, keepVS16: true, limit: maximumScalars, systemWidth), columns: columns)
            ]
        }
        if columns == 2, firstWidth == 1 {
            if scalars.count >= 2, isRegionalIndicator(scalars[0]), isRegionalIndicator(scalars[1]),
                systemWidth(scalars[1]) == 1
            {
                return [Piece(scalars: [scalars[0]], columns: 1), Piece(scalars: [scalars[1]], columns: 1)]
            }
            let text = combining(scalars, keepVS16: false, limit: maximumScalars, systemWidth)
            return [Piece(scalars: text, columns: 1), Piece(scalars: [space], columns: 1)]
        }
        // wcwidth cannot print it (non-UTF-8 locale, a code point newer than the C library), or it
        // thinks a 1-column grapheme is wide.
        return [Piece(scalars: [question], columns: 1)] + blanks(columns - 1)
    }

    /// The first scalar and the zero-width scalars right after it, up to `limit`.
    private static func combining(
        _ scalars: [UInt32], keepVS16: Bool, limit: Int, _ systemWidth: (UInt32) -> Int
    ) -> [UInt32] {
        var result = [scalars[0]]
        for scalar in scalars.dropFirst() {
            guard result.count < limit, systemWidth(scalar) == 0 else { break }
            if scalar == variationSelector16 && !keepVS16 { continue }
            result.append(scalar)
        }
        // A joiner left at the end (the rest of a ZWJ sequence did not fit) would join the next cell.
        while result.count > 1, result.last == zeroWidthJoiner { result.removeLast() }
        return result
    }

    private static func blanks(_ count: Int) -> [Piece] {
        Array(repeating: Piece(scalars: [space], columns: 1), count: max(0, count))
    }

    private static func isRegionalIndicator(_ value: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(value) }
}
