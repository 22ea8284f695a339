/// Renders untrusted text (a prompt, a file name, a URL, a server's message) so it can be shown on
/// a terminal or written to a log without effect: control and formatting characters are escaped
/// and long values are shortened with an ellipsis.
///
/// Untrusted text could otherwise carry escape sequences that move the cursor, rewrite the screen
/// or change the window title, or invisible characters that disguise the text around them.
///
/// The escapes are `\n`, `\t`, `\r`, `\e` (ESC), `\0` (NUL) and `\\` (a backslash, so an escape
/// in the output always comes from an escaped character), and `\u{XXXX}` for every other control
/// character (C0, DEL, C1) and invisible formatting character (bidi controls, zero-width
/// characters, line and paragraph separators). The joiner and tag characters inside emoji
/// sequences are kept.
public enum InertText {
    /// The default number of characters kept before the ellipsis.
    public static let defaultLimit = 80

    /// `text` with every unsafe character escaped. At most `limit` characters of the original are
    /// kept; a cut value ends with `…`.
    public static func render(_ text: String, limit: Int = defaultLimit) -> String {
        escaped(text, limit: limit, flattening: false, quote: false)
    }

    /// `text` on one line, for a status line, a table cell or a message: a line feed, a carriage
    /// return (or the pair) and a tab each become one space, then the rest is rendered as by
    /// ``render(_:limit:)``.
    public static func oneLine(_ text: String, limit: Int = 400) -> String {
        escaped(text, limit: limit, flattening: true, quote: false)
    }

    /// `text` ready for one line of a terminal: as it is when it holds no unsafe character, else
    /// ``oneLine(_:limit:)`` with no limit. Text that was made inert already passes unchanged, so
    /// a message that quotes rendered values is never escaped twice (`\\e` for `\e`).
    public static func display(_ text: String) -> String {
        text.unicodeScalars.contains(where: isUnsafe) ? oneLine(text, limit: .max) : text
    }

    /// ``render(_:limit:)`` in double quotes, with a `"` inside escaped as `\"`.
    public static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        "\"" + escaped(text, limit: limit, flattening: false, quote: true) + "\""
    }

    /// Whether `scalar` is a control character (Unicode general category Cc).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `scalar` must not reach a terminal or a log as itself: a control character, or an
    /// invisible formatting character that could disguise the text around it.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isInvisibleFormat(scalar)
    }

    private static func escaped(_ text: String, limit: Int, flattening: Bool, quote: Bool) -> String {
        var out = String.UnicodeScalarView()
        var kept = 0
        for character in text {
            if kept >= limit {
                out.append("…")
                break
            }
            kept += 1
            if flattening, character == "\n" || character == "\r\n" || character == "\r" || character == "\t" {
                out.append(" ")
                continue
            }
            for scalar in character.unicodeScalars {
                append(scalar, to: &out, quote: quote)
            }
        }
        return String(out)
    }

    private static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView, quote: Bool) {
        let escape: String
        switch scalar {
        case "\n": escape = "\\n"
        case "\t": escape = "\\t"
        case "\r": escape = "\\r"
        case "\u{1B}": escape = "\\e"
        case "\0": escape = "\\0"
        case "\\": escape = "\\\\"
        case "\"" where quote: escape = "\\\""
        default:
            guard isUnsafe(scalar) else {
                out.append(scalar)
                return
            }
            escape = "\\u{" + hex(scalar.value) + "}"
        }
        out.append(contentsOf: escape.unicodeScalars)
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
