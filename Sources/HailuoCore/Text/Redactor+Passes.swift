/// The individual passes of ``Redactor/redact(_:)``: all work on UTF-8 bytes, and every pattern is ASCII.
extension Redactor {
    private static let redactedMarker = Array("[redacted]".utf8)

    static func replacingSecret(_ secret: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard !secret.isEmpty, bytes.count >= secret.count else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        let first = secret[0]
        while index < bytes.count {
            if bytes[index] == first, index + secret.count <= bytes.count,
                bytes[index..<(index + secret.count)].elementsEqual(secret)
            {
                out.append(contentsOf: redactedMarker)
                index += secret.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    static func replacingDataURLs(in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let match = dataURL(in: bytes, at: index) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            out.append(contentsOf: bytes[index..<match.payloadStart])
            out.append(contentsOf: Array("[\(match.decodedSize) bytes]".utf8))
            index = match.end
        }
        return out
    }

    private struct DataURLMatch {
        var payloadStart: Int
        var end: Int
        var decodedSize: Int
    }

    private static func dataURL(in bytes: [UInt8], at start: Int) -> DataURLMatch? {
        guard matchesIgnoringCase(bytes, at: start, "data:") else { return nil }
        var index = start + 5
        let mimeStart = index
        while index < bytes.count, isMIMEByte(bytes[index]), index - mimeStart < 128 { index += 1 }
        guard index > mimeStart, matchesIgnoringCase(bytes, at: index, ";base64,") else { return nil }
        let payloadStart = index + 8
        let run = base64Run(in: bytes, from: payloadStart)
        return DataURLMatch(payloadStart: payloadStart, end: run.end, decodedSize: run.decodedSize)
    }

    static func replacingAuthorizationValues(in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        let name = "authorization"
        while index < bytes.count {
            guard matchesIgnoringCase(bytes, at: index, name) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            var cursor = index + name.utf8.count
            // Optional closing quote of a quoted name, then the separator.
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                cursor += 1
            }
            cursor = skipSpaces(bytes, from: cursor)
            guard cursor < bytes.count,
                [UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: ",")].contains(bytes[cursor])
            else {
                out.append(bytes[index])
                index += 1
                continue
            }
            cursor = skipSpaces(bytes, from: cursor + 1)
            out.append(contentsOf: bytes[index..<cursor])
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                // Quoted value: up to the matching quote (backslash escapes skipped), or the line end.
                let quote = bytes[cursor]
                out.append(quote)
                cursor += 1
                while cursor < bytes.count, bytes[cursor] != quote, !isLineBreak(bytes[cursor]) {
                    cursor += bytes[cursor] == UInt8(ascii: "\\") ? 2 : 1
                }
                cursor = min(cursor, bytes.count)
            } else {
                // Unquoted value: the rest of the line.
                while cursor < bytes.count, !isLineBreak(bytes[cursor]) { cursor += 1 }
            }
            out.append(contentsOf: redactedMarker)
            index = cursor
        }
        return out
    }

    static func replacingBearerTokens(in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        let word = "bearer"
        while index < bytes.count {
            let startsWord = index == 0 || !isAlphanumeric(bytes[index - 1])
            guard startsWord, matchesIgnoringCase(bytes, at: index, word) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let afterWord = index + word.utf8.count
            let tokenStart = skipSpaces(bytes, from: afterWord)
            if matchesIgnoringCase(bytes, at: tokenStart, "[redacted]") {
                // Already redacted: keep as it is.
                out.append(contentsOf: bytes[index..<(tokenStart + redactedMarker.count)])
                index = tokenStart + redactedMarker.count
                continue
            }
            var tokenEnd = tokenStart
            while tokenEnd < bytes.count, isTokenByte(bytes[tokenEnd]) { tokenEnd += 1 }
            guard tokenStart > afterWord, tokenEnd > tokenStart else {
                out.append(bytes[index])
                index += 1
                continue
            }
            out.append(contentsOf: Array("Bearer ".utf8))
            out.append(contentsOf: redactedMarker)
            index = tokenEnd
        }
        return out
    }

    static func replacingBase64Runs(in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard isBase64Byte(bytes[index]) || startsEscapedSlash(bytes, at: index) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let run = base64Run(in: bytes, from: index)
            if run.end - index >= base64RunThreshold {
                out.append(contentsOf: Array("[base64, \(run.end - index) chars]".utf8))
            } else {
                out.append(contentsOf: bytes[index..<run.end])
            }
            index = run.end
        }
        return out
    }

    /// The end of the base64 run starting at `start` and the number of bytes it decodes to.
    private static func base64Run(in bytes: [UInt8], from start: Int) -> (end: Int, decodedSize: Int) {
        var index = start
        var symbols = 0
        var padded = false
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "=") {
                padded = true
                index += 1
            } else if padded {
                break  // padding ends a run: `key=` before a payload stays readable
            } else if isBase64Byte(bytes[index]) {
                symbols += 1
                index += 1
            } else if startsEscapedSlash(bytes, at: index) {
                symbols += 1
                index += 2
            } else {
                break
            }
        }
        return (index, symbols * 3 / 4)
    }

    private static func matchesIgnoringCase(_ bytes: [UInt8], at index: Int, _ pattern: String) -> Bool {
        let pattern = pattern.utf8
        guard index + pattern.count <= bytes.count else { return false }
        var cursor = index
        for expected in pattern {
            if lowercased(bytes[cursor]) != expected { return false }
            cursor += 1
        }
        return true
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
    }

    private static func skipSpaces(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }

    private static func startsEscapedSlash(_ bytes: [UInt8], at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] == UInt8(ascii: "/")
    }

    private static func isMIMEByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "/+-._!#$&^".utf8.contains(byte)
    }

    /// Bytes that may be part of a bearer token: anything visible except quotes and list punctuation.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte != 0x7F else { return false }
        return !"\"'`,;)]}>".utf8.contains(byte)
    }
}
