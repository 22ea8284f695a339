import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

/// The view memo only saves work: after every kind of change, the frame drawn with it is the frame
/// drawn from nothing.
@Suite("View memo")
struct ViewMemoTests {
    /// One step of a session and what it does to the model.
    struct Step: CustomStringConvertible {
        var description: String
        var change: (inout AppModel) -> Void
    }

    static func key(_ key: Key) -> Step {
        Step(description: "\(key)") { _ = $0.update(.input(.key(key))) }
    }

    static func message(_ text: String) -> Step {
        Step(description: "message \(text)") { _ = $0.update(.actionFinished(text: text, isError: false)) }
    }

    static func tick(_ seconds: TimeInterval) -> Step {
        Step(description: "tick +\(seconds) s") { model in
            _ = model.update(.tick(model.now.addingTimeInterval(seconds)))
        }
    }

    static var session: [Step] {
        [
            tick(1), tick(1), key(.character("a")), tick(1), key(.backspace), key(.tab), key(.tab), tick(1),
            key(.tab), key(.right), key(.character(" ")), tick(1),
            Step(description: "focus the table") { $0.focus = .jobs }, key(.down),
            tick(1), key(.down), key(.character("j")), tick(61), tick(2), tick(2), key(.character("G")), key(.up),
            tick(1), key(.up),
            key(.character("k")), key(.enter), tick(1), key(.escape), key(.up),
            Step(description: "resize 80x24") { _ = $0.update(.input(.resize(Size(width: 80, height: 24)))) },
            tick(1),
            Step(description: "resize 120x40") { _ = $0.update(.input(.resize(Size(width: 120, height: 40)))) },
            Step(description: "a running job completes") { model in
                guard var job = model.jobs.entries.values.first(where: { $0.job.phase.isRunning })?.job else { return }
                job.phase = .completed
                job.providerStatus = "completed"
                job.finishedAt = model.now
                _ = model.update(.jobChanged(JobEntry(job: job)))
            },
            tick(1), key(.character("s")), tick(1), key(.function(1)), tick(1), key(.escape), tick(3600),
            // The details pane open across ticks, a message that expires, the filter, a balance.
            key(.enter), tick(1), tick(1), message("saved clip.mp4"), tick(1), tick(5), tick(1), key(.escape),
            key(.character("/")), key(.character("l")), tick(1), key(.enter), tick(1), key(.escape), tick(1),
            Step(description: "a balance arrives") { _ = $0.update(.balance(12.5)) }, tick(1),
            Step(description: "offline") { _ = $0.update(.connection(.offline("connection refused"))) }, tick(1),
            Step(description: "resize 50x14 (too small)") {
                _ = $0.update(.input(.resize(Size(width: 50, height: 14))))
            },
            tick(1),
            Step(description: "resize 120x40") { _ = $0.update(.input(.resize(Size(width: 120, height: 40)))) },
            tick(1), tick(1),
        ]
    }

    @Test(arguments: [Size(width: 120, height: 40), Size(width: 80, height: 24)])
    func everyFrameIsTheFrameDrawnFromNothing(size: Size) {
        var model = Fixtures.main(size: size, environment: Fixtures.live)
        #expect(model.view() == model.freshView())
        for step in Self.session {
            step.change(&model)
            let remembered = model.view()
            let fresh = model.freshView()
            #expect(remembered == fresh, "after \(step)")
            if remembered != fresh {
                let lines = zip(remembered.lines(), fresh.lines()).enumerated().filter { $0.element.0 != $0.element.1 }
                Issue.record(
                    "first differing rows: \(lines.prefix(3).map { "\($0.offset): \($0.element.0) | \($0.element.1)" })"
                )
            }
        }
    }

    /// A copy of a model shares the memo; each copy still draws its own frame.
    @Test func copiesThatDivergeDrawTheirOwnFrames() {
        let model = Fixtures.main(size: Size(width: 120, height: 40), environment: Fixtures.live)
        var typed = model
        _ = typed.update(.input(.key(.character("z"))))
        _ = model.view()
        #expect(typed.view() == typed.freshView())
        #expect(model.view() == model.freshView())
        #expect(model.view() != typed.view())
    }
}
