import HailuoCore
import HailuoFuzzing
import TUIKit
import Testing

/// Inputs the fuzzer found that broke an invariant, kept fixed.
@Suite("Fuzzing: regressions")
struct FuzzRegressionTests {
    /// decode, seed 1, run 1913: `{"message":""...}` gave an error body with an empty message,
    /// so the screen showed a failure with no words at all.
    @Test func aBlankMessageInAnErrorBodyFallsBackToTheStatus() {
        let found =
            #"{"message":"","path":"/v2/generate/video/minimax/generation","requestId":"aΗ","statusCode":1E-7,"#
            + #""timestamp":"2026-11-26T11:00:00.000Z"}"#
        let body = WireDecoding.errorBody(from: Array(found.utf8), status: 503)
        #expect(body.message == "HTTP 503")
        let blank = WireDecoding.errorBody(from: Array(#"{"message":"  \n","error":"quota"}"#.utf8), status: 429)
        #expect(blank.message == "quota")
    }

    /// editor, seed 1, run 97: a typed U+2028 (LINE SEPARATOR) was kept as is, though pasted it
    /// becomes a newline; the text then changed when loaded again (and the terminal drew a raw LS).
    @Test func aTypedLineOrParagraphSeparatorIsANewline() {
        for separator: Character in ["\u{2028}", "\u{2029}"] {
            var editor = TextEditor(text: "a")
            #expect(editor.handle(.character(separator), width: 20) == .changed)
            #expect(editor.text == "a\n")
            #expect(TextEditor(text: editor.text).text == editor.text)
            var field = TextEditor(text: "a", singleLine: true)
            #expect(field.handle(.character(separator), width: 20) == .ignored)
            #expect(field.text == "a")
        }
    }

    /// editor, seed 1, run 126: zero-width characters (a lone combining mark, RLM) after a full row
    /// stayed on it, so the cursor before them sat in the column past the edge (drawn clamped, over
    /// the last glyph).
    @Test func theCursorNeverSitsPastTheLastColumnBeforeZeroWidthCharacters() {
        let found = "\u{1F6A3}\u{301}\u{1F1F8}\u{1F1F8}\u{E000}\u{200F}\u{301}"
        for text in [found, "abc\u{200B}\u{200B}d", "ab\u{301}c\u{2066}"] {
            var editor = TextEditor(text: text)
            for width in 2...6 {
                while editor.handle(.left, width: width) == .moved {}
                repeat {
                    let layout = editor.layout(width: width)
                    #expect(layout.cursorColumn < width, "\(text.unicodeScalars.map(\.value)) width \(width)")
                    #expect(layout.lines.allSatisfy { $0.width <= width })
                } while editor.handle(.right, width: width) == .moved
            }
        }
    }

    /// The three inputs above, replayed through the fuzzer's own checks.
    @Test func theFuzzerRunsThatFoundThemPassNow() {
        for (target, index) in [(FuzzTarget.decode, 1913), (.editor, 97), (.editor, 126)] {
            let failure = target.run(seed: 1, index: index)
            #expect(failure == nil, "\(String(describing: failure))")
        }
    }
}

extension FuzzRegressionTests {
    /// decode, seed 20261126, run 1902: `{"detail":""}` gave an empty message the same way.
    @Test func aBlankDetailInAnErrorBodyFallsBackToTheStatus() {
        let found = #"{"detail":"","name":true,"name":null,"usage":null}"#
        #expect(WireDecoding.errorBody(from: Array(found.utf8), status: 422).message == "HTTP 422")
        #expect(WireDecoding.errorSentence(["detail": " ", "message": "bad prompt"]) == "bad prompt")
    }

    /// all targets, seed 20261126, decode run 317495 (release, 1,000,000 runs): an `error` object
    /// whose `name` is blank gave an empty message too.
    @Test func aBlankNameInAnErrorObjectIsNoMessage() {
        let found = #"{"error":{"name":""},"path":"/v2/generate/video/minimax/generation","statusCode":500}"#
        #expect(!WireDecoding.errorBody(from: Array(found.utf8), status: 500).message.isEmpty)
        #expect(WireDecoding.errorSentence(["name": " ", "message": "quota"]) == "quota")
        #expect(WireDecoding.errorSentence(["name": "Quota", "message": ""]) == "Quota")
    }
}
