import Testing

@testable import TUIKit

@Suite("CanvasDiff")
struct CanvasDiffTests {
    private func canvas(_ rows: [String], width: Int = 6) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: rows.count))
        for (y, row) in rows.enumerated() { canvas.draw(row, at: Point(x: 0, y: y)) }
        return canvas
    }

    @Test func identicalFramesHaveNoRuns() {
        let frame = canvas(["ab中c", "xyz"])
        #expect(frame.changes(since: frame).isEmpty)
    }

    @Test func oneChangedCellIsOneRunOfOne() {
        let before = canvas(["abcdef", "ghijkl"])
        let after = canvas(["abcdef", "ghiXkl"])
        #expect(after.changes(since: before) == [CanvasRun(x: 3, y: 1, text: "X", width: 1, style: .plain)])
    }

    @Test func wideGlyphChangeIsOneRunOfTwoColumns() {
        let before = canvas(["ab中d"])
        let after = canvas(["ab文d"])
        #expect(after.changes(since: before) == [CanvasRun(x: 2, y: 0, text: "文", width: 2, style: .plain)])
    }

    @Test func wideGlyphReplacedByNarrowOnesRewritesBothColumns() {
        let before = canvas(["ab中d"])
        let after = canvas(["abxyd"])
        #expect(after.changes(since: before) == [CanvasRun(x: 2, y: 0, text: "xy", width: 2, style: .plain)])
    }

    @Test func separateChangesAndStyleChangesMakeSeparateRuns() {
        let before = canvas(["abcdef"])
        var after = canvas(["Xbcdef"])
        after.draw("Y", at: Point(x: 4, y: 0), style: .plain.bolded)
        after.draw("Z", at: Point(x: 5, y: 0))
        #expect(
            after.changes(since: before) == [
                CanvasRun(x: 0, y: 0, text: "X", width: 1, style: .plain),
                CanvasRun(x: 4, y: 0, text: "Y", width: 1, style: .plain.bolded),
                CanvasRun(x: 5, y: 0, text: "Z", width: 1, style: .plain),
            ])
    }

    @Test func styleOnlyChangeIsAChange() {
        let before = canvas(["abc"])
        var after = before
        after.restyle(Rect(x: 1, y: 0, width: 2, height: 1)) { $0.reversed }
        #expect(after.changes(since: before) == [CanvasRun(x: 1, y: 0, text: "bc", width: 2, style: .plain.reversed)])
    }

    @Test func noPreviousFrameOrAnotherSizeRewritesEverything() {
        let after = canvas(["ab中c", "xyz"])
        let smaller = canvas(["ab中c"])
        for previous in [nil, smaller] {
            let runs = after.changes(since: previous)
            #expect(runs.map(\.y) == [0, 1])
            #expect(runs.allSatisfy { $0.x == 0 && $0.width == 6 })
            #expect(runs.map(\.text) == ["ab中c ", "xyz   "])
        }
    }
}
