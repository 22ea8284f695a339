import TUIKit
import Testing

@testable import CursesBackend

@Suite struct CellEncodingTests {
    /// A stand-in for glibc's wcwidth: ASCII 1, CJK and 🎬 2, marks/VS16/ZWJ 0, ❤ and RIs 1, else -1.
    private func width(_ value: UInt32) -> Int {
        switch value {
        case 0x20..<0x7F, 0x2764, 0x1F1E6...0x1F1FF, 0xE9: 1
        case 0x300...0x36F, 0xFE0F, 0x200D: 0
        case 0x4E00...0x9FFF, 0x1F3AC, 0x1F468, 0x1F469: 2
        default: -1
        }
    }

    private func columns(_ pieces: [CellEncoding.Piece]) -> Int { pieces.reduce(0) { $0 + $1.columns } }

    @Test func agreeingWidthsKeepTheGrapheme() {
        #expect(CellEncoding.pieces(for: "漢", width: 2, systemWidth: width) == [.init(scalars: [0x6F22], columns: 2)])
        #expect(
            CellEncoding.pieces(for: "e\u{301}", width: 1, systemWidth: width) == [
                .init(scalars: [0x65, 0x301], columns: 1)
            ])
    }

    @Test func flagBecomesTwoIndicators() {
        let pieces = CellEncoding.pieces(for: "🇯🇵", width: 2, systemWidth: width)
        #expect(pieces == [.init(scalars: [0x1F1EF], columns: 1), .init(scalars: [0x1F1F5], columns: 1)])
    }

    @Test func vs16EmojiBecomesTextFormAndSpace() {
        let pieces = CellEncoding.pieces(for: "❤\u{FE0F}", width: 2, systemWidth: width)
        #expect(pieces == [.init(scalars: [0x2764], columns: 1), .init(scalars: [0x20], columns: 1)])
    }

    @Test func zwjSequenceKeepsItsFirstEmoji() {
        let pieces = CellEncoding.pieces(for: "👨‍👩", width: 2, systemWidth: width)
        #expect(pieces == [.init(scalars: [0x1F468], columns: 2)])
    }

    @Test func unprintableBecomesQuestionMarkWithTheSameColumns() {
        #expect(columns(CellEncoding.pieces(for: "\u{1FAE8}", width: 2, systemWidth: width)) == 2)
        #expect(CellEncoding.pieces(for: "\u{1FAE8}", width: 2, systemWidth: width).first?.scalars == [0x3F])
        #expect(
            CellEncoding.pieces(for: "漢", width: 2, systemWidth: { $0 < 0x80 ? 1 : -1 }).map(\.scalars) == [
                [0x3F], [0x20],
            ])
    }
}
