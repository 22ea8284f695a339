import TUIKit
import Testing

@testable import HailuoTUI

/// The jobs table's fast cell fitting must give exactly what `TextLayout.pad` gives.
@Suite("Jobs table cell fitting")
struct JobColumnFitTests {
    static let texts = [
        "", "a", "abc1234", "generating", "a paper boat on a rainy street", "  spaced  ", "~!@#$%^&*()_+{}|",
        "日本語のプロンプト", "café", "e\u{301}clair", "tab\there", "emoji 🎬 clip",
    ]

    @Test func fitMatchesPadForEveryWidthAlignmentAndEllipsis() {
        var compared = 0
        for text in Self.texts {
            for width in -1...34 {
                for alignRight in [false, true] {
                    for ellipsis in ["…", "...", ""] {
                        let fast = JobColumn.fit(text, width: width, alignRight: alignRight, ellipsis: ellipsis)
                        let reference = TextLayout.pad(text, width: width, alignRight: alignRight, ellipsis: ellipsis)
                        #expect(fast == reference, "\"\(text)\" width \(width) right \(alignRight) \"\(ellipsis)\"")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == Self.texts.count * 36 * 6)
    }
}
