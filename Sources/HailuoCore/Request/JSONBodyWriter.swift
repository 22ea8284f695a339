/// Writes a flat JSON object straight into bytes, field by field, in the order given. Image data
/// is not copied here: an image field leaves a ``Part/image(_:)`` placeholder that the builder
/// fills from the file, so the body is allocated once at its exact size.
struct JSONBodyWriter {
    enum Part {
        case bytes([UInt8])
        case image(OpenImageFile)
    }

    private(set) var parts: [Part] = []
    private var current: [UInt8] = [UInt8(ascii: "{")]
    private var fieldCount = 0

    mutating func string(_ key: String, _ value: String) {
        startField(key)
        Self.appendString(value, to: &current)
    }

    mutating func bool(_ key: String, _ value: Bool) {
        startField(key)
        current += Array((value ? "true" : "false").utf8)
    }

    mutating func int(_ key: String, _ value: Int) {
        startField(key)
        current += Array(String(value).utf8)
    }

    /// `"key":"data:<mime>;base64,` + the file's base64 (filled later) + `"`.
    mutating func dataURL(_ key: String, _ file: OpenImageFile) {
        startField(key)
        current += Array("\"data:\(file.image.mimeType);base64,".utf8)
        parts.append(.bytes(current))
        parts.append(.image(file))
        current = [UInt8(ascii: "\"")]
    }

    /// One item of an array of strings: text, or an image file written as a data URL.
    enum ArrayItem {
        case string(String)
        case image(OpenImageFile)
    }

    /// `"key":[...]`: strings as they are, files as data URLs of their MIME type (filled later).
    mutating func array(_ key: String, _ items: [ArrayItem]) {
        startField(key)
        current.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { current.append(UInt8(ascii: ",")) }
            switch item {
            case .string(let text):
                Self.appendString(text, to: &current)
            case .image(let file):
                current += Array("\"data:\(file.image.mimeType);base64,".utf8)
                parts.append(.bytes(current))
                parts.append(.image(file))
                current = [UInt8(ascii: "\"")]
            }
        }
        current.append(UInt8(ascii: "]"))
    }

    /// Closes the object and returns the parts.
    mutating func finish() -> [Part] {
        current.append(UInt8(ascii: "}"))
        parts.append(.bytes(current))
        current = []
        return parts
    }

    private mutating func startField(_ key: String) {
        if fieldCount > 0 { current.append(UInt8(ascii: ",")) }
        fieldCount += 1
        Self.appendString(key, to: &current)
        current.append(UInt8(ascii: ":"))
    }

    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped
    /// (also DEL, U+2028 and U+2029, for readers that treat them as line ends); every other
    /// character is kept as UTF-8.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x08: out += [0x5C, UInt8(ascii: "b")]
            case 0x0C: out += [0x5C, UInt8(ascii: "f")]
            case 0x00..<0x20, 0x7F, 0x2028, 0x2029:
                out += Array(unicodeEscape(scalar.value).utf8)
            case 0x20..<0x80:
                out.append(UInt8(scalar.value))
            default:
                UTF8.encode(scalar) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// `\u001b` style JSON escape.
private func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: false)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
