import Testing

@testable import TUIKit

@Suite("TextEditor render")
struct TextEditorRenderTests {
    private func render(
        _ editor: TextEditor, rect: Rect, canvas size: Size = Size(width: 10, height: 4), placeholder: String? = nil,
        focused: Bool = true
    ) -> Canvas {
        var canvas = Canvas(size: size)
        editor.render(into: &canvas, rect: rect, style: .plain, placeholder: placeholder, focused: focused)
        return canvas
    }

    @Test func drawsWrappedRowsAndPlacesTheCursor() {
        let canvas = render(TextEditor(text: "hello world foo"), rect: Rect(x: 1, y: 0, width: 8, height: 3))
        #expect(canvas.lines() == [" hello", " world", " foo", ""])
        #expect(canvas.cursor == Point(x: 4, y: 2))
    }

    @Test func scrollsSoTheCursorRowIsVisible() {
        var editor = TextEditor(text: "hello world foo")
        let rect = Rect(x: 1, y: 1, width: 8, height: 2)
        var canvas = render(editor, rect: rect)
        #expect(canvas.lines() == ["", " world", " foo", ""])
        #expect(canvas.cursor == Point(x: 4, y: 2))
        editor.press(.home)
        canvas = render(editor, rect: rect)
        #expect(canvas.lines() == ["", " hello", " world", ""])
        #expect(canvas.cursor == Point(x: 1, y: 1))
    }

    @Test func cursorOnTheEmptyRowAfterAFullLineIsInsideTheRect() {
        let canvas = render(TextEditor(text: "abcd"), rect: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(canvas.lines() == ["", "", "", ""])
        #expect(canvas.cursor == Point(x: 0, y: 0))
    }

    @Test func wideGlyphsAndCombiningMarksLandInTheRightCells() {
        let canvas = render(TextEditor(text: "中文e\u{301}😀字"), rect: Rect(x: 0, y: 0, width: 7, height: 2))
        #expect(canvas.lines() == ["中文é😀", "字", "", ""])
        #expect(canvas.cursor == Point(x: 2, y: 1))
    }

    @Test func clearsTheRectButNothingOutsideIt() {
        var canvas = Canvas(size: Size(width: 6, height: 3))
        for row in 0..<3 { canvas.draw("xxxxxx", at: Point(x: 0, y: row)) }
        TextEditor(text: "ab").render(
            into: &canvas, rect: Rect(x: 1, y: 1, width: 4, height: 1), style: .plain, focused: false)
        #expect(canvas.lines() == ["xxxxxx", "xab  x", "xxxxxx"])
        #expect(canvas.cursor == nil)
    }

    @Test func usesTheGivenStyle() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        let style = Style(foreground: .cyan, underline: true)
        TextEditor(text: "ab").render(
            into: &canvas, rect: Rect(x: 0, y: 0, width: 4, height: 1), style: style, focused: true)
        #expect(canvas[0, 0].style == style)
        #expect(canvas[3, 0].style == style)
    }

    @Test func emptyTextShowsThePlaceholderDimmedWithTheCursorAtTheStart() {
        let canvas = render(
            TextEditor(), rect: Rect(x: 0, y: 1, width: 10, height: 3), placeholder: "Describe the video")
        #expect(canvas.lines() == ["", "Describe", "the video", ""])
        #expect(canvas[0, 1].style.dim)
        #expect(canvas.cursor == Point(x: 0, y: 1))
        let typed = render(TextEditor(text: "x"), rect: Rect(x: 0, y: 1, width: 10, height: 3), placeholder: "Describe")
        #expect(typed.lines() == ["", "x", "", ""])
    }

    @Test func singleLinePlaceholderIsCut() {
        let canvas = render(
            TextEditor(singleLine: true), rect: Rect(x: 0, y: 0, width: 8, height: 1),
            placeholder: "path or URL of an image")
        #expect(canvas.lines()[0] == "path or…")
    }

    @Test func singleLineScrollsSidewaysToKeepTheCursorVisible() {
        var editor = TextEditor(text: "/home/user/pictures/frame.png", singleLine: true)
        let rect = Rect(x: 0, y: 0, width: 10, height: 1)
        var canvas = render(editor, rect: rect, canvas: Size(width: 12, height: 1))
        #expect(canvas.lines() == ["frame.png"])
        #expect(canvas.cursor == Point(x: 9, y: 0))
        editor.press(.home)
        canvas = render(editor, rect: rect, canvas: Size(width: 12, height: 1))
        #expect(canvas.lines() == ["/home/user"])
        #expect(canvas.cursor == Point(x: 0, y: 0))
    }

    @Test func singleLineShowsAWideGlyphCutByTheLeftEdgeAsASpace() {
        let canvas = render(
            TextEditor(text: "中文字", singleLine: true), rect: Rect(x: 0, y: 0, width: 4, height: 1),
            canvas: Size(width: 4, height: 1))
        #expect(canvas.lines() == [" 字"])
        #expect(canvas.cursor == Point(x: 3, y: 0))
    }

    @Test func emptyRectDrawsNothing() {
        var canvas = render(TextEditor(text: "abc"), rect: Rect(x: 0, y: 0, width: 0, height: 3))
        #expect(canvas.lines() == ["", "", "", ""])
        #expect(canvas.cursor == nil)
        canvas = render(TextEditor(text: "abc"), rect: Rect(x: 0, y: 0, width: 3, height: 0))
        #expect(canvas.cursor == nil)
    }
}
