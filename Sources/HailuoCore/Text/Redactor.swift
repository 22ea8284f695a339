/// Removes secrets and bulky binary payloads from text before it is logged or shown.
///
/// `redact(_:)` replaces, in this order:
/// 1. every registered secret (exact substring, also inside longer text) with `[redacted]`;
/// 2. `data:<mime>;base64,<payload>` with `data:<mime>;base64,[N bytes]` (N = decoded size);
/// 3. the value of an `Authorization` header (`Authorization: …`, `"Authorization": "…"`,
///    `("Authorization", "…")`) with `[redacted]`;
/// 4. `Bearer <token>` in any letter case with `Bearer [redacted]`;
/// 5. runs of at least ``base64RunThreshold`` characters of `[A-Za-z0-9+/]` and their trailing `=`
///    padding (a JSON-escaped `\/` counts as part of the run) with `[base64, N chars]`. A run ends
///    after its padding, so in `raw=<payload>` only the payload goes.
///
/// The rules err on the side of removing too much: the output is meant for logs and error messages,
/// never for data that is sent anywhere.
public struct Redactor: Sendable {
    /// The shortest run of base64-looking characters that is replaced by `[base64, N chars]`.
    public static let base64RunThreshold = 200

    private let secrets: [[UInt8]]

    /// Creates a redactor that also hides the given secrets (empty strings are ignored).
    ///
    /// Each secret is registered as given and, if different, with surrounding whitespace trimmed.
    public init(secrets: [String] = []) {
        var set = Set<[UInt8]>()
        for secret in secrets {
            for candidate in [secret, Self.trimmed(secret)] where !candidate.isEmpty {
                set.insert(Array(candidate.utf8))
            }
        }
        // Longest first, so a secret that contains another one is removed whole.
        self.secrets = set.sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
    }

    /// Returns `text` with secrets, authorization values and base64 payloads replaced.
    public func redact(_ text: String) -> String {
        var bytes = Array(text.utf8)
        for secret in secrets {
            bytes = Self.replacingSecret(secret, in: bytes)
        }
        bytes = Self.replacingDataURLs(in: bytes)
        bytes = Self.replacingAuthorizationValues(in: bytes)
        bytes = Self.replacingBearerTokens(in: bytes)
        bytes = Self.replacingBase64Runs(in: bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

// MARK: - Making untrusted text safe for a terminal.

extension Redactor {
    /// Returns `text` made safe to print on a terminal.
    ///
    /// Untrusted text (server messages, prompts echoed back, command output) could otherwise carry
    /// escape sequences that move the cursor, rewrite the screen or change the window title.
    ///
    /// - A tab becomes one space.
    /// - A line feed becomes the two characters `\n`, a carriage return `\r` (the result is one line).
    /// - Every other C0 control character, DEL and ESC become `\xHH` (ESC is `\x1B`).
    /// - C1 control characters (U+0080...U+009F) become `\u{HH}`.
    /// - Invisible formatting characters (bidi controls, zero-width characters, the line and
    ///   paragraph separators: ``InertText/isUnsafe(_:)``) become `\u{HHHH}`; the joiner inside
    ///   emoji sequences is kept.
    ///
    /// A backslash itself is kept, so the output is for reading, not for reversing.
    public static func inert(_ text: String) -> String {
        // Printable ASCII is inert as it is; the screen asks this for every row of every frame.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x09:
                out.append(" ")
            case 0x0A:
                out.append(contentsOf: "\\n".unicodeScalars)
            case 0x0D:
                out.append(contentsOf: "\\r".unicodeScalars)
            case 0x00...0x1F, 0x7F:
                out.append(contentsOf: "\\x\(hex(value, digits: 2))".unicodeScalars)
            default:
                // One judgement of what is unsafe for the whole project (InertText's).
                if InertText.isUnsafe(scalar) {
                    out.append(contentsOf: "\\u{\(hex(value, digits: value > 0xFF ? 4 : 2))}".unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
