import Foundation
import HailuoCore
import HailuoTUI
import HailuoTestSupport
import TUIKit
import Testing

@testable import HailuoTUIRuntime

/// The runtime end to end without a terminal or a real engine: keys in, commands run against
/// the engine, its events back as messages, frames out.
@Suite("Event loop with a fake engine")
struct EventLoopTests {
    /// Runs `loop` on its own thread, as the program does, and waits for it to return. The test
    /// reads the loop and its terminal only after that, so one thread uses them at a time.
    private func run(_ loop: EventLoop<FakeTerminal>) async -> TUIApp.Exit {
        nonisolated(unsafe) let handedOver = loop
        return await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: handedOver.run()) }
            thread.start()
        }
    }

    @Test("a submit goes to the engine, its event reaches the table, Ctrl-C quits")
    func submitEventQuit() async throws {
        let engine = FakeEngine()
        let typing = "a paper boat".map { InputEvent.key(.character($0)) }
        let terminal = FakeTerminal(script: [
            .init(when: "No jobs yet", events: typing + [.key(.ctrl("s"))]),
            .init(when: "balance $12.34", events: [.key(.ctrl("c"))]),
        ])
        let loop = EventLoop(
            terminal: terminal, engine: engine, environment: .preview, variables: ["TERM": "xterm-256color"])

        let exit = await run(loop)

        #expect(terminal.gaveUpWaitingFor == nil, "the script stopped at: \(terminal.gaveUpWaitingFor ?? "")")
        #expect(exit == .quit)
        #expect(engine.submitted.map(\.prompt) == ["a paper boat"])
        #expect(loop.model.quitting)
        #expect(loop.model.jobs.entries["fake0001"]?.job.phase == .completed)
        #expect(terminal.lastFrameText.contains("fake0001"))
        #expect(terminal.lastFrameText.contains("balance $12.34 (demo)"), "the engine's balance reaches the status bar")
        #expect(loop.model.composer.currentQuote == .known(usd: 0.294, source: .catalogue), "the opening quote arrived")
        #expect(terminal.bells == 1, "a job that finishes while the user looks elsewhere rings the bell")
        #expect(terminal.restored)
    }

    @Test("a hang-up ends the loop as terminated, and the unsent draft is kept")
    func hangupKeepsTheDraft() async throws {
        let folder = try TemporaryFolder("hailuo-loop")
        defer { folder.remove() }
        let draftFile = DraftFile(url: folder.url.appendingPathComponent("draft.json"))
        let typing = "unsent words".map { InputEvent.key(.character($0)) }
        // After typing, the script waits for text that never comes: the terminal then hangs up.
        let terminal = FakeTerminal(
            script: [.init(when: "No jobs yet", events: typing), .init(when: "never shown", events: [])],
            patience: .seconds(2))
        let loop = EventLoop(terminal: terminal, engine: FakeEngine(), environment: .preview, draftFile: draftFile)

        let exit = await run(loop)

        #expect(exit == .terminated)
        #expect(draftFile.load()?.prompt == "unsent words")
        #expect(terminal.restored)
    }
}
