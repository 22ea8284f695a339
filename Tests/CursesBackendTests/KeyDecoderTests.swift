import TUIKit
import Testing

@testable import CursesBackend

@Suite struct KeyDecoderTests {
    private func chars(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    @Test func controlBytes() {
        let events = KeyDecoder.decode([1, 8, 9, 10, 13, 26, 28, 29, 30, 31, 127, 0].map { RawInput.character($0) })
        #expect(
            events == [
                .key(.ctrl("a")), .key(.backspace), .key(.tab), .key(.enter), .key(.enter), .key(.ctrl("z")),
                .key(.ctrl("\\")), .key(.ctrl("]")), .key(.ctrl("^")), .key(.ctrl("_")), .key(.backspace),
                .key(.ctrl("@")),
            ])
    }

    @Test func printableAndWide() {
        #expect(
            KeyDecoder.decode(chars("a漢🎬")) == [.key(.character("a")), .key(.character("漢")), .key(.character("🎬"))])
    }

    @Test func escapeAloneAndAlt() {
        #expect(KeyDecoder.decode([.character(27)]) == [.key(.escape)])
        #expect(KeyDecoder.decode([.character(27), .character(0x62)]) == [.key(.alt("b"))])
        #expect(KeyDecoder.decode([.character(27), .character(27)]) == [.key(.escape), .key(.escape)])
        #expect(KeyDecoder.decode([.character(27), .character(127)]) == [.key(.alt("\u{7F}"))])
    }

    @Test func escapeThenKeyCode() {
        let events = KeyDecoder.decode([.character(27), .keyCode(0x103)], keyCodes: [0x103: .key(.up)])
        #expect(events == [.key(.escape), .key(.up)])
    }

    @Test func keyCodesUseTheTable() {
        let table: [Int32: KeyCodeMeaning] = [0x104: .key(.left), 0x199: .ignore]
        #expect(
            KeyDecoder.decode([.keyCode(0x104), .keyCode(0x199), .keyCode(0x7777)], keyCodes: table)
                == [.key(.left), .key(.unknown(0x7777))])
    }

    @Test func unboundControlSequences() {
        #expect(KeyDecoder.decode(chars("\u{1B}[1;5D")) == [.key(.ctrlLeft)])
        #expect(KeyDecoder.decode(chars("\u{1B}[1;2A")) == [.key(.shiftUp)])
        #expect(KeyDecoder.decode(chars("\u{1B}[1;6C")) == [.key(.ctrlRight)])
        #expect(
            KeyDecoder.decode(chars("\u{1B}[3~\u{1B}[5~\u{1B}[24~\u{1B}[Z")) == [
                .key(.delete), .key(.pageUp), .key(.function(12)), .key(.backTab),
            ])
        #expect(KeyDecoder.decode(chars("\u{1B}OA\u{1B}OP")) == [.key(.up), .key(.function(1))])
        #expect(KeyDecoder.decode(chars("\u{1B}[I\u{1B}[O")) == [])  // focus reports are not keys
    }

    @Test func incompleteSequenceIsGivenBack() {
        #expect(KeyDecoder.decode(chars("\u{1B}[1")) == [.key(.alt("[")), .key(.character("1"))])
        #expect(KeyDecoder.decode(chars("\u{1B}[\u{1B}")) == [.key(.alt("[")), .key(.escape)])
    }

    @Test func pasteByKeyCodesIsOneEvent() {
        let table: [Int32: KeyCodeMeaning] = [0x4000: .pasteStart, 0x4001: .pasteEnd]
        let inputs: [RawInput] = [.keyCode(0x4000)] + chars("line 1\r\nline 2\rtab\there\u{7}") + [.keyCode(0x4001)]
        #expect(KeyDecoder.decode(inputs, keyCodes: table) == [.paste("line 1\nline 2\ntab\there")])
    }

    @Test func pasteByRawSequencesSpanningBursts() {
        var decoder = KeyDecoder(keyCodes: [:])
        var events: [InputEvent] = []
        for input in chars("\u{1B}[200~漢字 🎬\n") { events += decoder.feed(input) }
        events += decoder.finish()
        #expect(events.isEmpty)
        #expect(decoder.isPasting)
        for input in chars("\u{1B}[Aend\u{1B}[201~x") { events += decoder.feed(input) }
        events += decoder.finish()
        #expect(events == [.paste("漢字 🎬\n[Aend"), .key(.character("x"))])
    }

    @Test func resizeKeepsItsPlace() {
        let events = KeyDecoder.decode([.character(0x61), .resize(Size(width: 100, height: 30)), .character(0x62)])
        #expect(events == [.key(.character("a")), .resize(Size(width: 100, height: 30)), .key(.character("b"))])
    }
}
