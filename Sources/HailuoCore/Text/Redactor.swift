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
