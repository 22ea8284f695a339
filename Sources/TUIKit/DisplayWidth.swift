/// How many terminal columns text takes: the one measure used by layout, cursor and canvas.
///
/// A `Character` (grapheme cluster) is measured as a whole: East Asian wide and fullwidth
/// characters and emoji take 2 columns, an emoji made from a text symbol with VS16 (U+FE0F)
/// takes 2, a flag (two regional indicators) takes 2, combining marks and zero-width
/// characters take 0, control characters take 0 (they are never drawn raw).
public enum DisplayWidth {
    /// Columns taken by one grapheme cluster (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        // Fast path: printable ASCII is one column, ASCII controls none (no property lookups).
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.index(after: scalars.startIndex) == scalars.endIndex, isPlainNarrow(first.value) { return 1 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        var sawVariationSelector16 = false
        var regionalIndicators = 0
        for scalar in scalars {
            if scalar.value == 0xFE0F { sawVariationSelector16 = true }
            if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
        }
        if regionalIndicators >= 2 { return 2 }
        if sawVariationSelector16 && first.properties.isEmoji { return 2 }
        if scalars.count > 1 && first.properties.isEmoji && scalars.contains(where: { $0.value == 0x200D }) {
            return 2
        }
        return of(first)
    }

    /// Columns taken by one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }  // ASCII: no property lookups
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if isZeroWidth(scalar) { return 0 }
        if isWide(value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns taken by a string.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        if text.isPrintableASCII { return text.utf8.count }
        if let columns = singleColumnScalarCount(text) { return columns }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The number of scalars in `text` when each of them is a grapheme of its own one column wide
    /// (printable ASCII and the blocks of ``isPlainNarrow(_:)``: none of them joins its neighbour
    /// into one grapheme), else `nil`. Borders, spinners and separators are measured and drawn
    /// this way, without grapheme breaking.
    static func singleColumnScalarCount<S: StringProtocol>(_ text: S) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            guard (0x20..<0x7F).contains(scalar.value) || isPlainNarrow(scalar.value) else { return nil }
            count += 1
        }
        return count
    }

    /// Blocks a terminal screen draws all the time, with no wide, zero-width or emoji-presentation
    /// scalar in them: Latin-1 letters and signs (not the soft hyphen), dashes, quotes, bullets and
    /// the ellipsis, ‰ to ›, box drawing and block elements, braille (spinners). Answered without
    /// Unicode property lookups, which cost most of a frame; a test checks them against ``of(_:)``.
    static func isPlainNarrow(_ value: UInt32) -> Bool {
        switch value {
        case 0x00A0...0x00AC, 0x00AE...0x00FF, 0x2010...0x2027, 0x2030...0x203A, 0x2500...0x259F,
            0x2800...0x28FF:
            return true
        default:
            return false
        }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        case .format: return scalar.value != 0x00AD
        default: break
        }
        let value = scalar.value
        return (0x1160...0x11FF).contains(value)  // Hangul medial vowels and final consonants
            || (0xFE00...0xFE0F).contains(value)  // variation selectors
            || (0xE0100...0xE01EF).contains(value)
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, from Unicode's EastAsianWidth.txt, grouped.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
            0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
            0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202, 0x1F210...0x1F23B,
            0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320,
            0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
            0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440,
            0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A,
            0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC,
            0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
            0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945,
            0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

extension StringProtocol {
    /// Terminal columns this text takes (see ``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// Terminal columns this character takes (see ``DisplayWidth``).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension StringProtocol {
    /// Whether every character is printable ASCII (space to `~`): one column a byte, nothing to
    /// measure or make inert. The fast path of drawing, measuring and quoting text.
    public var isPrintableASCII: Bool {
        // Contiguous bytes (every native String and Substring) are checked in place; the
        // iterator over `utf8` cost a sixth of a frame.
        if let answer = utf8.withContiguousStorageIfAvailable({ Self.isPrintableASCII($0) }) { return answer }
        return utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }
}
