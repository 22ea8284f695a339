import Testing

@testable import TUIKit

@Suite("TerminalSequences")
struct TerminalSequencesTests {
    @Test func tmuxPassthroughWrapsAndDoublesEveryEscape() {
        #expect(
            TerminalSequences.tmuxPassthrough("\u{1B}]9;hi\u{07}\u{1B}x")
                == "\u{1B}Ptmux;\u{1B}\u{1B}]9;hi\u{07}\u{1B}\u{1B}x\u{1B}\\")
    }

    @Test func clipboardIsOSC52WithBase64OfUTF8() {
        #expect(TerminalSequences.copyToClipboard("hello", insideTmux: false) == "\u{1B}]52;c;aGVsbG8=\u{07}")
        #expect(TerminalSequences.copyToClipboard("héllo", insideTmux: false) == "\u{1B}]52;c;aMOpbGxv\u{07}")
        #expect(
            TerminalSequences.copyToClipboard("hello", insideTmux: true)
                == "\u{1B}]52;c;aGVsbG8=\u{07}" + "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGVsbG8=\u{07}\u{1B}\\")
    }

    @Test func notificationTextLosesControlCharacters() {
        #expect(
            TerminalSequences.notifyOSC9("done\u{1B}]52;c;evil\u{07}\n\u{9B}x", insideTmux: false)
                == "\u{1B}]9;done]52;c;evilx\u{07}")
        #expect(
            TerminalSequences.notifyOSC777(title: "hai;luo\u{07}", body: "job; 完成\r\n", insideTmux: false)
                == "\u{1B}]777;notify;hai,luo;job; 完成\u{07}")
        #expect(
            TerminalSequences.notifyOSC9("ok", insideTmux: true) == "\u{1B}Ptmux;\u{1B}\u{1B}]9;ok\u{07}\u{1B}\\")
    }

    @Test func bracketedPasteSwitches() {
        #expect(TerminalSequences.enableBracketedPaste == "\u{1B}[?2004h")
        #expect(TerminalSequences.disableBracketedPaste == "\u{1B}[?2004l")
    }
}
