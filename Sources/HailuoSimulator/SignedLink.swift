import Foundation

/// Signed, expiring download links: `/files/<numeric id>.mp4?Expires=<unix s>&Signature=<hex>`.
///
/// The signature is HMAC-SHA256 over `"<numeric id>:<expires>"` with a fixed secret, so every
/// simulator instance accepts links any other one handed out.
enum SignedLink {
    private static let secret = Array("hailuo-simulator-download-secret-v1".utf8)

    /// Hex signature for a link to `numericID` expiring at `expires`.
    static func signature(numericID: String, expires: Int64) -> String {
        let mac = SHA256Digest.hmac(key: secret, message: Array("\(numericID):\(expires)".utf8))
        return SHA256Digest.hex(Array(mac.prefix(16)))
    }

    /// Path of the file of `numericID`.
    static func path(numericID: String) -> String { "/files/\(numericID).mp4" }

    /// Full URL under `origin` (`http://host:port`).
    static func url(origin: String, numericID: String, expires: Int64) -> String {
        "\(origin)\(path(numericID: numericID))?Expires=\(expires)&Signature=\(signature(numericID: numericID, expires: expires))"
    }

    /// The numeric id in a `/files/<id>.mp4` path, nil for any other path.
    static func numericID(inPath path: String) -> String? {
        guard path.hasPrefix("/files/"), path.hasSuffix(".mp4") else { return nil }
        let name = path.dropFirst("/files/".count).dropLast(".mp4".count)
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(name)
    }

    /// Whether `signature` is the right one (compared in constant time).
    static func isValid(numericID: String, expires: Int64, signature: String) -> Bool {
        let expected = Array(self.signature(numericID: numericID, expires: expires).utf8)
        let given = Array(signature.lowercased().utf8)
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
