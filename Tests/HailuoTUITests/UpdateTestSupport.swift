import Foundation
import HailuoCore
import HailuoTestSupport
import TUIKit

@testable import HailuoTUI

/// Small builders for `update` tests: a model at a fixed size and clock, and jobs made to order.
enum UpdateSupport {
    /// 2025-06-15 15:06:40 UTC: the clock every test model starts at.
    static let start = Date(timeIntervalSince1970: 1_750_000_000)

    /// The size most tests use (details pane sits beside the table, 25 table rows).
    static let wide = Size(width: 120, height: 40)
    /// A size where the details pane covers the composer.
    static let narrow = Size(width: 80, height: 24)

    /// A fresh model with the preview environment.
    static func model(
        size: Size = wide, environment: AppEnvironment = .preview, jobs: [JobEntry] = [], focus: Focus = .prompt
    ) -> AppModel {
        var model = AppModel(environment: environment, size: size, now: start)
        if !jobs.isEmpty { model.receive(.jobsLoaded(jobs)) }
        model.focus = focus
        return model
    }

    /// A job created `age` seconds before ``start``.
    static func job(
        _ id: String, _ phase: JobPhase, prompt: String? = nil, age: TimeInterval = 60,
        model: ModelID = ModelCatalog.defaultModelID, duration: Int = 6, resolution: Resolution = .p768,
        firstFrame: String? = nil, lastFrame: String? = nil, generationID: String? = nil, videoURL: String? = nil,
        filePath: String? = nil, errorMessage: String? = nil, hidden: Bool = false
    ) -> Job {
        Job.fixture(
            id: id, phase: phase, providerStatus: phase == .pending ? "generating" : nil,
            prompt: prompt ?? "prompt of \(id)", model: model, duration: duration, resolution: resolution,
            firstFrame: firstFrame, lastFrame: lastFrame, createdAt: start.addingTimeInterval(-age),
            generationID: generationID, videoURL: videoURL, filePath: filePath, errorMessage: errorMessage,
            hidden: hidden)
    }

    /// A table entry holding a job made like the ones of `job(_:_:...)`.
    static func entry(
        _ id: String, _ phase: JobPhase, prompt: String? = nil, age: TimeInterval = 60, hidden: Bool = false
    ) -> JobEntry {
        JobEntry(job: job(id, phase, prompt: prompt, age: age, hidden: hidden))
    }

    /// `count` pending jobs `job00`, `job01`, ... with `job00` the newest.
    static func manyJobs(_ count: Int) -> [JobEntry] {
        (0..<count).map { index in
            let id = "job" + (index < 10 ? "0\(index)" : "\(index)")
            return entry(id, .pending, age: TimeInterval(10 + index * 10))
        }
    }

    /// A job in each phase, newest first: `pend0001` pending, `done0002` completed and downloaded,
    /// `fail0003` failed, `unco0004` unconfirmed, `dism0005` dismissed, `link0006` completed with a
    /// link only.
    static var mixedJobs: [JobEntry] {
        [
            JobEntry(job: job("pend0001", .pending, prompt: "a fox in the snow", age: 10)),
            JobEntry(
                job: job(
                    "done0002", .completed, prompt: "a lighthouse at night", age: 20,
                    videoURL: "https://cdn.example.com/done0002.mp4", filePath: "/home/ana/hailuo/done0002.mp4")),
            JobEntry(job: job("fail0003", .failed, prompt: "two knights", age: 30, errorMessage: "refused (1026)")),
            JobEntry(job: job("unco0004", .unconfirmed, prompt: "a red fox", age: 40)),
            JobEntry(job: job("dism0005", .dismissed, prompt: "an astronaut", age: 50, model: "video-01")),
            JobEntry(
                job: job(
                    "link0006", .completed, prompt: "bamboo forest", age: 60,
                    videoURL: "https://cdn.example.com/link0006.mp4")),
        ]
    }

    /// The parameters a valid composer with `prompt` submits (the preview defaults).
    static func parameters(_ prompt: String) -> GenerationParameters {
        GenerationParameters(prompt: prompt)
    }
}

extension AppModel {
    /// Applies one message; the commands are returned for tests that look at them.
    @discardableResult
    mutating func receive(_ msg: Msg) -> [Command] { update(msg) }

    /// Presses keys in order; returns every command they asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Command] {
        keys.flatMap { update(.input(.key($0))) }
    }

    /// Types `text` one character at a time.
    @discardableResult
    mutating func typeText(_ text: String) -> [Command] {
        text.flatMap { update(.input(.key(.character($0)))) }
    }

    /// Pastes `text` (bracketed paste).
    @discardableResult
    mutating func pasteText(_ text: String) -> [Command] { update(.input(.paste(text))) }

    /// Moves the clock on by `seconds` with a tick.
    @discardableResult
    mutating func advance(_ seconds: TimeInterval) -> [Command] { update(.tick(now.addingTimeInterval(seconds))) }

    /// Selects the job with `id` (it must be visible).
    mutating func selectJob(_ id: String) {
        jobs.select(id)
        keepSelectionVisible()
    }

    /// Scrolls the table so the selected row is on screen, as every update does.
    mutating func keepSelectionVisible() { jobs.scrollToSelection(rows: layout.tableRows) }

    /// The model with the flash message removed, to compare states that differ only by it.
    var withoutFlash: AppModel {
        var copy = self
        copy.statusBar.clearFlash()
        return copy
    }
}
