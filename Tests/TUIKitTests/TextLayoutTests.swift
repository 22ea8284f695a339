import Testing

@testable import TUIKit

@Suite("TextLayout")
struct TextLayoutTests {
    @Test func truncateKeepsTextThatFits() {
        #expect(TextLayout.truncate("abc", width: 3) == "abc")
        #expect(TextLayout.truncate("中文", width: 4) == "中文")
        #expect(TextLayout.truncate("abc", width: 0) == "")
    }

    @Test func truncateCutsByColumnsAndNeverHalvesAWideGlyph() {
        #expect(TextLayout.truncate("abcdef", width: 4) == "abc…")
        #expect(TextLayout.truncate("中文字符", width: 5) == "中文…")
        #expect(TextLayout.truncate("中文字符", width: 4) == "中…")
        #expect(TextLayout.truncate("中文字符", width: 1) == "…")
        #expect(TextLayout.truncate("😀😀😀", width: 4, ellipsis: "...") == "...")
        #expect(TextLayout.truncate("abcdef", width: 2, ellipsis: "...") == "ab")
    }

    @Test func prefixTakesWholeCharacters() {
        #expect(TextLayout.prefix("a中b", width: 2) == "a")
        #expect(TextLayout.prefix("e\u{301}x", width: 1) == "e\u{301}")
    }

    @Test func padMakesExactlyTheWidth() {
        #expect(TextLayout.pad("中文", width: 5) == "中文 ")
        #expect(TextLayout.pad("ab", width: 4, alignRight: true) == "  ab")
        #expect(TextLayout.pad("中文字符", width: 5) == "中文…")
        #expect(TextLayout.pad("中文字符", width: 4) == "中… ")
        for width in 0...9 {
            #expect(TextLayout.pad("中a文😀", width: width).displayWidth == width)
        }
    }

    @Test func wrapBreaksAtSpacesAndDropsThemAtTheBreak() {
        #expect(TextLayout.wrap("hello world", width: 5) == ["hello", "world"])
        #expect(TextLayout.wrap("ab cd", width: 3) == ["ab", "cd"])
        #expect(TextLayout.wrap("one two three", width: 8) == ["one two", "three"])
    }

    @Test func wrapBreaksLongWordsAndWideGlyphsByCharacter() {
        #expect(TextLayout.wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(TextLayout.wrap("中文字", width: 3) == ["中", "文", "字"])
        #expect(TextLayout.wrap("ab cdefgh", width: 4) == ["ab", "cdef", "gh"])
    }

    @Test func wrapKeepsNewlinesAndEmptyLines() {
        #expect(TextLayout.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(TextLayout.wrap("", width: 10) == [""])
        #expect(TextLayout.wrap("abc", width: 0) == [])
    }

    @Test func wrapNeverMakesAnEmptyLineForAGlyphWiderThanTheWidth() {
        #expect(TextLayout.wrap("中文", width: 1) == ["中", "文"])
    }

    @Test func wrappedLinesFitTheWidth() {
        let text = "The quick 茶色の fox 🦊 jumps over the lazy dog, twice-and-more, ünïcödé"
        for width in 2...20 {
            #expect(TextLayout.wrap(text, width: width).allSatisfy { $0.displayWidth <= width })
        }
    }
}
