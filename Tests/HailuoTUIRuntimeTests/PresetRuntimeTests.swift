import Foundation
import HailuoCore
import HailuoTUI
import TUIKit
import Testing

@testable import HailuoTUIRuntime

/// F8 and F7 through the runtime: the commands reach the preset store, its answers come back
/// as messages, and the composer gets the preset back.
@Suite("Presets in the runtime")
struct PresetRuntimeTests {
    private func run(_ loop: EventLoop<FakeTerminal>) async -> TUIApp.Exit {
        nonisolated(unsafe) let handedOver = loop
        return await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: handedOver.run()) }
            thread.start()
        }
    }

    @Test("F8 saves into the store, F7 and Enter load it back into an emptied composer")
    func saveThenRecall() async throws {
        let store = PresetStore.inMemory()
        let keys = { (text: String) in text.map { InputEvent.key(.character($0)) } }
        let terminal = FakeTerminal(script: [
            .init(when: "No jobs yet", events: keys("a heron at dawn") + [.key(.function(3)), .key(.function(8))]),
            .init(when: "Save as preset", events: keys("heron") + [.key(.enter)]),
            .init(when: "saved preset \"heron\"", events: [.key(.ctrl("u")), .key(.function(7))]),
            .init(when: "load into the composer", events: [.key(.enter)]),
            .init(when: "loaded preset \"heron\"", events: [.key(.ctrl("c"))]),
        ])
        let loop = EventLoop(
            terminal: terminal, engine: FakeEngine(), environment: .preview, presets: store,
            variables: ["TERM": "xterm-256color"])

        let exit = await run(loop)

        #expect(terminal.gaveUpWaitingFor == nil, "the script stopped at: \(terminal.gaveUpWaitingFor ?? "")")
        #expect(exit == .quit)
        guard case .loaded(let saved) = store.load() else {
            Issue.record("the store did not load")
            return
        }
        #expect(saved.map(\.name) == ["heron"])
        #expect(saved.first?.parameters.prompt == "a heron at dawn")
        #expect(saved.first?.parameters.duration == 10)
        #expect(loop.model.composer.parameters.prompt == "a heron at dawn")
    }

    @Test("a failing store's sentence reaches the message line")
    func failureIsShown() async throws {
        let sentence = "The presets file /x/presets.toml is not valid TOML at line 2, column 1: oops."
        let store = PresetStore(load: { .failed(sentence) }, save: { _, _ in .failed("unused") })
        let terminal = FakeTerminal(script: [
            .init(when: "No jobs yet", events: [.key(.function(7))]),
            .init(when: "not valid TOML at line 2", events: [.key(.ctrl("c"))]),
        ])
        let loop = EventLoop(
            terminal: terminal, engine: FakeEngine(), environment: .preview, presets: store,
            variables: ["TERM": "xterm-256color"])

        _ = await run(loop)

        #expect(terminal.gaveUpWaitingFor == nil, "the script stopped at: \(terminal.gaveUpWaitingFor ?? "")")
        #expect(loop.model.presets.mode == nil)
    }
}
