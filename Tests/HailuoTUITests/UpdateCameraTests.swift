import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: camera commands in the prompt")
struct UpdateCameraTests {
    /// The model after typing `text` into the prompt.
    static func typed(_ text: String) -> AppModel {
        var model = UpdateSupport.model()
        model.typeText(text)
        return model
    }

    @Test("typing [ opens the list of every command, and its keys come first")
    func bracketOpensTheList() throws {
        let model = Self.typed("A cat [")
        let list = try #require(model.composer.shownCameraList)
        #expect(list.candidates == CameraCommand.allCases)
        #expect(list.chosen == .truckLeft)
        #expect(model.activeScopes.starts(with: [.always, .cameraList]))
        #expect(model.view().text.contains("Camera:"))
        #expect(!Self.typed("A cat ").activeScopes.contains(.cameraList))
    }

    @Test("what is typed after [ filters the list")
    func typingFilters() {
        #expect(Self.typed("A cat [pa").composer.shownCameraList?.candidates == [.panLeft, .panRight])
        #expect(Self.typed("A cat [zoom o").composer.shownCameraList?.candidates == [.zoomOut])
        // Nothing matches: hidden (Enter is a new line again), back when the typing matches.
        var model = Self.typed("A cat [pax")
        #expect(model.composer.shownCameraList == nil)
        #expect(!model.activeScopes.contains(.cameraList))
        model.press(.backspace)
        #expect(model.composer.shownCameraList?.candidates == [.panLeft, .panRight])
    }

    @Test("Tab inserts the chosen command and ], and closes the list")
    func tabInserts() {
        var model = Self.typed("A cat [pa")
        let commands = model.press(.tab)
        #expect(commands.isEmpty)
        #expect(model.composer.prompt.text == "A cat [Pan left]")
        #expect(model.composer.prompt.cursor == "A cat [Pan left]".count)
        #expect(model.composer.shownCameraList == nil)
        #expect(model.focus == .prompt)
    }

    @Test("↓ and ↑ choose, wrapping; Enter inserts the choice instead of a new line")
    func arrowsChooseAndEnterInserts() {
        var model = Self.typed("[pa")
        model.press(.down)
        #expect(model.composer.shownCameraList?.chosen == .panRight)
        model.press(.down)
        #expect(model.composer.shownCameraList?.chosen == .panLeft)
        model.press(.up)
        #expect(model.composer.shownCameraList?.chosen == .panRight)
        model.press(.enter)
        #expect(model.composer.prompt.text == "[Pan right]")
        // The choice survives more typing while it still matches.
        var kept = Self.typed("[p")
        kept.press(.down)
        kept.typeText("a")
        #expect(kept.composer.shownCameraList?.chosen == .panRight)
    }

    @Test("Esc closes the list and keeps the text; the next Esc leaves the prompt as before")
    func escapeCloses() {
        var model = Self.typed("A cat [pa")
        model.press(.escape)
        #expect(model.composer.shownCameraList == nil)
        #expect(model.composer.prompt.text == "A cat [pa")
        #expect(model.focus == .prompt)
        model.press(.enter)
        #expect(model.composer.prompt.text == "A cat [pa\n")
        model.press(.escape)
        #expect(model.focus == .jobs)
    }

    @Test("a comma inside a bracket offers the list again for a second command")
    func commaOffersASecondCommand() {
        var model = Self.typed("[Pan left")
        model.press(.escape)
        model.typeText(", ped")
        #expect(model.composer.shownCameraList?.candidates == [.pedestalUp, .pedestalDown])
        model.press(.tab)
        #expect(model.composer.prompt.text == "[Pan left, Pedestal up]")
        // Inside a closed bracket no second ] is added.
        var inside = Self.typed("[Zoom in]")
        inside.press(.left)
        inside.typeText(",sh")
        inside.press(.tab)
        #expect(inside.composer.prompt.text == "[Zoom in,Shake]")
    }

    @Test("a comma outside a bracket, ] and leaving the bracket close or never open the list")
    func outsideABracket() {
        #expect(Self.typed("a cat, a dog").composer.shownCameraList == nil)
        #expect(Self.typed("[Shake] a cat,").composer.shownCameraList == nil)
        var model = Self.typed("[pa")
        model.typeText("n]")
        #expect(model.composer.shownCameraList == nil)
        var moved = Self.typed("x [")
        moved.press(.left)
        #expect(moved.composer.shownCameraList == nil)
    }

    @Test("the inserted command is one undo step")
    func undoTakesTheCommandBack() {
        var model = Self.typed("A cat [pa")
        model.press(.tab)
        model.press(.ctrl("_"))
        #expect(model.composer.prompt.text == "A cat [pa")
    }

    // MARK: Notes under the prompt

    @Test("an unknown command shows a warning under the prompt, in the warning colour")
    func unknownCommandWarning() throws {
        var model = Self.typed("A cat [Swoop] ")
        model.composer.toggle(.promptOptimizer)  // off: no optimizer hint
        let note = try #require(model.composer.cameraNote)
        #expect(note.isWarning)
        #expect(note.text == "[Swoop] is not a camera command MiniMax knows")
        let screen = model.view()
        #expect(screen.text.contains("[Swoop] is not a camera command"))
        #expect(Self.style(of: "is not a camera command", in: screen) == model.theme.warning)
    }

    @Test("four commands in one bracket are a warning, three are not")
    func tooManyWarning() {
        var three = Self.typed("[Pan left, Zoom in, Shake] x")
        three.composer.toggle(.promptOptimizer)
        #expect(three.composer.cameraNote == nil)
        var four = Self.typed("[Pan left, Zoom in, Shake, Tilt up] x")
        four.composer.toggle(.promptOptimizer)
        #expect(four.composer.cameraNote?.text.contains("combines 4 camera commands") == true)
    }

    @Test("with the optimizer on, a bracket brings the hint that it may rewrite camera intent")
    func optimizerHint() throws {
        var model = Self.typed("[Push in] a lamb")
        #expect(model.composer.promptOptimizer)
        let note = try #require(model.composer.cameraNote)
        #expect(!note.isWarning)
        #expect(note.text.contains("F5 turns it off"))
        #expect(model.view().text.contains("may rewrite camera commands"))
        model.press(.function(5))
        #expect(model.composer.cameraNote == nil)
        #expect(Self.typed("a lamb").composer.cameraNote == nil)
    }

    @Test("an open bracket stops Ctrl-S and the error shows under the prompt")
    func openBracketIsRefused() {
        var model = Self.typed("A cat [Pan left walks")
        model.press(.escape)
        let commands = model.press(.ctrl("s"))
        #expect(!commands.contains { if case .submit = $0 { true } else { false } })
        #expect(model.composer.issues[.prompt]?.contains("never closed") == true)
        #expect(model.view().text.contains("never closed"))
        #expect(model.statusBar.flash?.kind == .error)
    }

    /// The style of the first cell of `text` on `screen`.
    static func style(of text: String, in screen: Canvas) -> Style? {
        let lines = screen.text.components(separatedBy: "\n")
        for (row, line) in lines.enumerated() {
            guard let range = line.range(of: text) else { continue }
            let column = line[..<range.lowerBound].displayWidth
            return screen[column, row].style
        }
        return nil
    }
}
