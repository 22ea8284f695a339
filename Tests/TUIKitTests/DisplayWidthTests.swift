import Testing

@testable import TUIKit

@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test(
        arguments: [
            ("a", 1), ("~", 1), ("é", 1), ("Ж", 1),
            ("中", 2), ("한", 2), ("Ａ", 2), ("ア", 2),
            ("😀", 2), ("👍🏽", 2),
            ("❤️", 2), ("1️⃣", 2), ("🇯🇵", 2), ("👨‍👩‍👧‍👦", 2),
            ("©", 1), ("☺︎", 1),
            ("e\u{301}", 1), ("\u{1112}\u{1161}\u{11AB}", 2),
            ("\u{7}", 0), ("\t", 0), ("\u{1B}", 0), ("\u{7F}", 0), ("\u{85}", 0), ("\u{200B}", 0),
        ] as [(String, Int)])
    func characterWidth(text: String, expected: Int) throws {
        #expect(text.count == 1, "the case must be one grapheme cluster")
        let character = try #require(text.first)
        #expect(DisplayWidth.of(character) == expected)
        #expect(character.displayWidth == expected)
    }

    /// The blocks measured without property lookups get the width the full rules give.
    @Test func theNarrowFastPathAgreesWithTheFullRules() {
        var checked = 0
        for value in UInt32(0x00A0)...0x28FF where DisplayWidth.isPlainNarrow(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DisplayWidth.of(Character(scalar)) == DisplayWidth.of(scalar), "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked == 546)
        #expect(!DisplayWidth.isPlainNarrow(0x00AD))  // the soft hyphen is a format character
    }

    @Test func stringWidthAddsItsCharacters() {
        #expect(DisplayWidth.of("a中😀🇯🇵e\u{301}") == 1 + 2 + 2 + 2 + 1)
        #expect("日本語 text".displayWidth == 11)
        #expect("".displayWidth == 0)
        #expect("a\u{1B}b".displayWidth == 2)
    }

    @Test func scalarWidth() {
        #expect(DisplayWidth.of("\u{301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("中" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("A" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("\u{FE0F}" as Unicode.Scalar) == 0)
    }
}
