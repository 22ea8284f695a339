import Foundation

/// Removes base64 payloads from request text before it is recorded.
enum Redaction {
    /// `text` with every `base64,<data>` payload and every long base64-looking run replaced by
    /// `[N bytes]` (N = decoded size). JSON-escaped slashes (`\/`) count as base64 characters.
    static func redact(_ text: String) -> String {
        var result = replace(in: text, pattern: #"(?<=base64,)[A-Za-z0-9+/=\\]+"#)
        result = replace(in: result, pattern: #"[A-Za-z0-9+/\\]{200,}={0,2}"#)
        return result
    }

    private static func replace(in text: String, pattern: String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let source = text as NSString
        var output = ""
        var cursor = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            output += source.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            let payload = source.substring(with: match.range)
            output += "[\(decodedSize(of: payload)) bytes]"
            cursor = match.range.location + match.range.length
        }
        output += source.substring(from: cursor)
        return output
    }

    private static func decodedSize(of payload: String) -> Int {
        let characters = payload.filter { $0 != "\\" && $0 != "=" }.count
        return characters * 3 / 4
    }
}
