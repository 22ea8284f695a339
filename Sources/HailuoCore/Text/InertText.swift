/// Renders untrusted text (a prompt, a file name, a URL) so it can be quoted in a message shown on
/// a terminal or written to a log without effect: control and formatting characters are escaped
/// and long values are shortened with an ellipsis.
public enum InertText {
    /// The default number of characters kept before the ellipsis.
    public static let defaultLimit = 80

    /// `text` with every control character (C0, DEL, C1) and invisible formatting character
    /// (bidi overrides, zero-width characters, line and paragraph separators) escaped: `\n`, `\t`,
    /// `\r`, `\e` for ESC, `\0` for NUL, `\\` for a backslash, `\u{XXXX}` for the rest. At most
    /// `limit` characters of the original are kept; a cut value ends with `…`.
    public static func render(_ text: String, limit: Int = defaultLimit) -> String {
        var out = ""
        var kept = 0
        for character in text {
            if kept >= limit {
                out += "…"
                return out
            }
            kept += 1
            for scalar in character.unicodeScalars {
                out += escape(scalar)
            }
        }
        return out
    }

    /// ``render(_:limit:)`` in double quotes.
    public static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        "\"" + render(text, limit: limit) + "\""
    }

    /// Whether `scalar` is a control character (Unicode general category Cc).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        case "\u{1B}": return "\\e"
        case "\0": return "\\0"
        case "\\": return "\\\\"
        case "\"": return "\\\""
        default: break
        }
        if isUnsafe(scalar) {
            return "\\u{" + hex(scalar.value) + "}"
        }
        return String(Character(scalar))
    }

    /// Whether `scalar` must not reach a terminal or a log as itself: a control character, or an
    /// invisible formatting character that could disguise the text around it.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isInvisibleFormat(scalar)
    }

    /// Format characters that change how surrounding text is shown (bidi controls, zero-width
    /// characters, separators), which could disguise a value.
    private static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xE0020...0xE007F: return false  // joiners and tags inside emoji sequences
        default: break
        }
        if scalar.properties.generalCategory == .format { return true }
        switch scalar.value {
        case 0x2028, 0x2029: return true  // line / paragraph separator
        default: return false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
