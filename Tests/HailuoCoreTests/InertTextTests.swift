import HailuoCore
import Testing

@Suite("Inert rendering of untrusted values")
struct InertTextTests {
    @Test func controlCharactersAreEscaped() {
        #expect(InertText.render("a\u{1B}[31mb") == "a\\e[31mb")
        #expect(InertText.render("l1\nl2\tx\r") == "l1\\nl2\\tx\\r")
        #expect(InertText.render("nul\0") == "nul\\0")
        #expect(InertText.render("\u{7F}\u{85}\u{07}") == "\\u{007F}\\u{0085}\\u{0007}")
        #expect(InertText.render("\u{202E}gpj.exe") == "\\u{202E}gpj.exe")
        #expect(InertText.render("a\u{2028}b") == "a\\u{2028}b")
    }

    @Test func aBackslashIsDoubledAndAQuoteOnlyEscapedWhenQuoted() {
        #expect(InertText.render("C:\\e") == "C:\\\\e")
        #expect(InertText.render("say \"hi\"") == "say \"hi\"")
        #expect(InertText.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
    }

    @Test func longValuesAreCutWithAnEllipsis() {
        let long = String(repeating: "x", count: 100)
        #expect(InertText.render(long, limit: 10) == "xxxxxxxxxx…")
        #expect(InertText.render("short", limit: 10) == "short")
        #expect(InertText.render("0123456789", limit: 10) == "0123456789")
        #expect(InertText.oneLine(String(repeating: "y", count: 500)) == String(repeating: "y", count: 400) + "…")
    }

    @Test func emojiAndNonLatinTextStayReadable() {
        #expect(InertText.render("👨‍👩‍👧 café 日本") == "👨‍👩‍👧 café 日本")
        let text = "Café, 猫, 🐈‍⬛, a slash /"
        #expect(InertText.oneLine(text) == text)
    }

    @Test func oneLineMakesEscapeSequencesVisible() {
        let hostile = "ok\u{1B}[2J\u{1B}]0;pwned\u{07}done\u{9B}31m"
        let out = InertText.oneLine(hostile)
        #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(out == "ok\\e[2J\\e]0;pwned\\u{0007}done\\u{009B}31m")
    }

    @Test func oneLineFlattensLinesAndTabsAndEscapesBidiOverrides() {
        #expect(InertText.oneLine("a\nb\r\nc\td\re") == "a b c d e")
        #expect(InertText.oneLine("abc\u{202E}def\u{7F}") == "abc\\u{202E}def\\u{007F}")
    }

    @Test func invisibleFormattingCharactersAreUnsafeAndEscaped() {
        // Zero-width space, left-to-right mark and a byte-order mark hide in plain sight.
        #expect(InertText.oneLine("a\u{200B}b\u{200E}c\u{FEFF}") == "a\\u{200B}b\\u{200E}c\\u{FEFF}")
        for value in [0x1B, 0x85, 0x200B, 0x202E, 0x2066, 0x2028, 0xFEFF] {
            let scalar = Unicode.Scalar(UInt32(value))!
            #expect(InertText.isUnsafe(scalar))
            #expect(!InertText.oneLine(String(Character(scalar))).unicodeScalars.contains(scalar))
            #expect(!InertText.render(String(Character(scalar))).unicodeScalars.contains(scalar))
        }
    }
}
