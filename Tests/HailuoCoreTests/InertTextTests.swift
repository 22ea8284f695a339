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
        #expect(InertText.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
    }

    @Test func longValuesAreCutWithAnEllipsis() {
        let long = String(repeating: "x", count: 100)
        #expect(InertText.render(long, limit: 10) == "xxxxxxxxxx…")
        #expect(InertText.render("short", limit: 10) == "short")
        #expect(InertText.render("0123456789", limit: 10) == "0123456789")
    }

    @Test func emojiAndNonLatinTextStayReadable() {
        #expect(InertText.render("👨‍👩‍👧 café 日本") == "👨‍👩‍👧 café 日本")
    }
}
