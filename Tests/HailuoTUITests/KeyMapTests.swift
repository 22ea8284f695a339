import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

/// The key map is the one place keys are declared: a key the update answers to must be in it,
/// every key in it must do something where it applies, and the help must name every one.
@Suite("Key map")
struct KeyMapTests {
    /// Every key a terminal can send that the decoder names.
    static let universe: [Key] = {
        var keys: [Key] = []
        let printable =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~é東🙂"
        keys += printable.map { Key.character($0) }
        keys += "abcdefghijklmnopqrstuvwxyz_".map { Key.ctrl($0) }
        keys += "abcdefghijklmnopqrstuvwxyz\u{7F}\u{08}".map { Key.alt($0) }
        keys += [
            .enter, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right, .ctrlUp, .ctrlDown,
            .ctrlLeft, .ctrlRight, .shiftUp, .shiftDown, .shiftLeft, .shiftRight, .home, .end, .pageUp, .pageDown,
            .insert, .unknown(999),
        ]
        keys += (1...12).map { Key.function($0) }
        return keys
    }()

    /// A model for each situation with its own keys, set up so that each bound key has
    /// something to do: text with the cursor inside, a selection in the middle of many jobs, a
    /// help that can scroll both ways, an open question, the filter being typed.
    static func situations() -> [(name: String, model: AppModel)] {
        var prompt = UpdateSupport.model(jobs: UpdateSupport.manyJobs(40), focus: .prompt)
        prompt.pasteText("first line\nhello world\nthird line")
        prompt.press(.up, .home, .right, .right, .right)

        // The camera command list open in the middle of the text (`A cat [| walks`).
        var camera = UpdateSupport.model(jobs: UpdateSupport.manyJobs(40), focus: .prompt)
        camera.pasteText("first line\nA cat  walks\nthird line")
        camera.press(.up, .home, .right, .right, .right, .right, .right, .right)
        camera.typeText("[")

        var image = UpdateSupport.model(focus: .firstFrame)
        image.pasteText("shots/boat.png")
        image.press(.left, .left, .left, .left)

        let options = UpdateSupport.model(focus: .options)

        var table = UpdateSupport.model(jobs: UpdateSupport.manyJobs(40) + UpdateSupport.mixedJobs, focus: .jobs)
        table.selectJob("job20")
        table.press(.enter)

        var filter = table
        filter.press(.character("/"))
        filter.typeText("job")

        var help = UpdateSupport.model(size: UpdateSupport.narrow, focus: .jobs)
        help.press(.function(1), .down, .down)

        var question = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        question.selectJob("unco0004")
        question.press(.character("R"))

        var compare = UpdateGroupsTests.table()
        compare.jobs.selectRow(.group("grp00001"))
        compare.press(.character("C"), .right)

        var presetName = UpdateSupport.model(focus: .prompt)
        presetName.typeText("a fox")
        presetName.press(.function(8))
        presetName.typeText("fox")

        var presetList = UpdateSupport.model(focus: .jobs)
        presetList.press(.function(7))
        presetList.receive(
            .presetsLoaded(
                .loaded(["a", "b", "c"].map { Preset(name: $0, parameters: UpdateSupport.parameters("a \($0)")) })))
        presetList.press(.down)

        return [
            ("prompt", prompt), ("camera list", camera), ("image field", image), ("options", options), ("table", table),
            ("filter", filter), ("help", help), ("question", question), ("compare", compare),
            ("preset name", presetName), ("preset list", presetList),
        ]
    }

    /// Keys that need another key first to have anything to do (redo after an undo, a later
    /// prompt after an earlier one).
    static let prerequisites: [Key: [Key]] = [.alt("r"): [.ctrl("_")], .ctrl("n"): [.ctrl("p")]]

    @Test("a key the map does not bind does nothing, in every situation")
    func unboundKeysDoNothing() {
        for (name, model) in Self.situations() {
            for key in Self.universe where KeyMap.resolve(key, in: model.activeScopes) == nil {
                var pressed = model
                let commands = pressed.press(key)
                #expect(commands.isEmpty, "\(name): \(key) is not in the map but asked for \(commands)")
                #expect(pressed == model, "\(name): \(key) is not in the map but changed the screen")
            }
        }
    }

    @Test("every key the map binds does something where it applies")
    func boundKeysAct() {
        for (name, base) in Self.situations() {
            for key in Self.universe {
                guard let resolved = KeyMap.resolve(key, in: base.activeScopes) else { continue }
                // Patterns (typing into a field, any key in the filter) are checked by the editor's tests.
                guard case .key = resolved.entry.pattern else { continue }
                var model = base
                for earlier in Self.prerequisites[key] ?? [] { model.press(earlier) }
                let before = model
                let commands = model.press(key)
                #expect(
                    !commands.isEmpty || model != before,
                    "\(name): \(key.name) is bound to \(resolved.entry.action) but did nothing")
            }
        }
    }

    @Test("the help names every key the map binds")
    func helpNamesEveryKey() {
        let helpText = KeyMap.bindings.map { "\($0.keys) \($0.summary)" }.joined(separator: "\n")
        for binding in KeyMap.bindings {
            for entry in binding.entries {
                guard case .key(let key) = entry.pattern else { continue }
                #expect(helpText.contains(key.name), "\(key.name) (\(entry.action)) is not in the help")
            }
        }
    }

    @Test("the help overlay shows every binding's line")
    func helpOverlayShowsEveryBinding() {
        var model = UpdateSupport.model(size: Size(width: 200, height: 140))
        model.press(.function(1))
        let screen = model.view().text
        for binding in KeyMap.bindings {
            #expect(screen.contains(binding.keys), "the help does not show \(binding.keys)")
        }
    }

    @Test("every item of every hint line is a key bound there", arguments: Focus.allCases)
    func hintLinesAreBound(focus: Focus) {
        let items = KeyMap.hintItems[focus] ?? []
        #expect(!items.isEmpty)
        #expect(KeyMap.hintLine(for: focus).components(separatedBy: " · ").count == items.count)
    }

    @Test("the details pane lists only keys that act on the job")
    func detailsKeysAreAvailable() {
        for entry in UpdateSupport.mixedJobs {
            let job = entry.job
            let listed = KeyMap.detailsHints(for: job).flatMap { $0.keys.split(separator: " ").map(String.init) }
            for keyName in listed {
                let resolved = KeyMap.resolve(.character(Character(keyName)), in: [.table])
                #expect(resolved != nil, "\(keyName) is listed for \(job.id) but not bound")
                #expect(resolved?.entry.unavailable?(job) == nil, "\(keyName) is listed for \(job.id) but refused")
            }
        }
    }

    @Test("a key is bound once per scope")
    func noKeyIsBoundTwiceInAScope() {
        for scope in KeyScope.allCases {
            var seen: [Key: String] = [:]
            for binding in KeyMap.bindings {
                for entry in binding.entries where KeyMap.effectiveScopes(entry, of: binding).contains(scope) {
                    guard case .key(let key) = entry.pattern else { continue }
                    #expect(seen[key] == nil, "\(key.name) is bound twice in \(scope): \(seen[key] ?? "")")
                    seen[key] = binding.keys
                }
            }
        }
    }
}
