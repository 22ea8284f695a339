/// Random text that stresses grapheme handling and display width: CJK, emoji (ZWJ sequences, flags,
/// skin tones, VS16), combining marks, Hangul jamo, RTL and bidi controls, zero-width and control
/// characters, lone regional indicators, escape sequences.
enum FuzzText {
    /// Whole pieces, each interesting on its own or next to another.
    static let pieces: [String] = [
        "a", "Z", "0", "_", " ", "  ", "-", ".", "\\", "\"", "/", "~",
        "纸船", "雨", "長い", "한국어", "ｆｕｌｌ", "ｱ",
        "🚣", "👩‍👩‍👧‍👦", "👍🏽", "❤️", "☺", "☺︎", "🏳️‍🌈", "🇯🇵", "🇺", "🇸", "🇦🇶🇺", "#️⃣", "1️⃣",
        "e\u{301}", "\u{301}", "\u{20DD}", "a\u{0300}\u{0301}\u{0302}\u{0303}", "\u{1100}\u{1161}\u{11A8}", "\u{1161}",
        "مرحبا", "שלום", "\u{202E}", "\u{202D}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{061C}",
        "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{00AD}", "\u{2028}", "\u{2029}", "\u{E0041}", "\u{FE0F}",
        "\n", "\r", "\r\n", "\t", "\u{0}", "\u{7}", "\u{8}", "\u{1B}", "\u{1B}[2J", "\u{1B}]0;title\u{7}",
        "\u{7F}", "\u{85}", "\u{9B}31m", "\u{FFFD}", "\u{10FFFF}", "\u{E000}", "\u{FFFC}",
    ]

    /// A string of `0...maxPieces` random pieces, with occasional random scalars.
    static func string(_ random: inout FuzzRandom, maxPieces: Int) -> String {
        var out = ""
        for _ in 0..<random.smallLength(max: maxPieces) {
            if random.oneIn(6) {
                out.unicodeScalars.append(scalar(&random))
            } else {
                out += random.pick(pieces)
            }
        }
        return out
    }

    /// A random valid scalar, weighted towards the planes people type in.
    static func scalar(_ random: inout FuzzRandom) -> Unicode.Scalar {
        while true {
            let value: Int
            switch random.below(5) {
            case 0: value = random.below(0x80)
            case 1: value = random.below(0x3000)
            case 2: value = random.below(0x1_0000)
            case 3: value = 0x1F000 + random.below(0x1000)
            default: value = random.below(0x11_0000)
            }
            if let scalar = Unicode.Scalar(UInt32(value)) { return scalar }
        }
    }

    /// `text` escaped for a failure report (no raw control characters), cut at `limit` scalars.
    static func escaped(_ text: String, limit: Int = 400) -> String {
        var out = ""
        for (count, scalar) in text.unicodeScalars.enumerated() {
            if count >= limit { return out + "…" }
            if scalar.value < 0x20 || (0x7F...0xA0).contains(scalar.value) || scalar.value > 0x7E {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Bytes as hex for a failure report, cut at `limit` bytes.
    static func hex(_ bytes: [UInt8], limit: Int = 200) -> String {
        let shown = bytes.prefix(limit).map { b in
            let digits = String(b, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        return "\(bytes.count) bytes: " + shown + (bytes.count > limit ? "…" : "")
    }
}
