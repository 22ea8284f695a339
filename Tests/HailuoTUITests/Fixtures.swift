import Foundation
import HailuoCore
import HailuoTestSupport
import TUIKit
import Testing

@testable import HailuoTUI

/// Fixed models for view tests: a fixed clock, fixed dates, and jobs in every state.
enum Fixtures {
    /// 2025-06-15 12:00:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_749_988_800)

    static func ago(_ seconds: TimeInterval) -> Date { now.addingTimeInterval(-seconds) }

    /// Local times in snapshots are UTC, whatever the machine's zone.
    static func useUTC() {
        Formatting.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// The usual expected window of a 6 s clip.
    static let typical: ClosedRange<Double> = 240...300

    static func job(
        _ id: String, _ phase: JobPhase, provider: String? = nil, prompt: String, created: TimeInterval,
        accepted: TimeInterval? = nil, finished: TimeInterval? = nil, model: ModelID = "minimax/hailuo-02",
        duration: Int = 6, resolution: Resolution = .p768
    ) -> Job {
        var job = Job.fixture(
            id: id, phase: phase, providerStatus: provider, prompt: prompt, model: model, duration: duration,
            resolution: resolution, createdAt: ago(created), updatedAt: ago(finished ?? accepted ?? created),
            submittedAt: accepted.map(ago), finishedAt: finished.map(ago))
        // Only a job given an acceptance time has an id and a submission time.
        if accepted == nil {
            job.generationID = nil
            job.submittedAt = nil
        }
        job.providerStatus = provider
        return job
    }

    /// One job in each state, newest first.
    static var entries: [JobEntry] {
        var downloaded = job(
            "dwnloadd", .completed, provider: "success", prompt: "A lighthouse in a storm, waves crashing, drone shot",
            created: 900, accepted: 898, finished: 620)
        downloaded.videoURL = "https://cdn.example.com/videos/dwnloadd.mp4?Expires=1750010400&Signature=abc"
        downloaded.videoURLExpiresAt = now.addingTimeInterval(6 * 3600)
        downloaded.filePath = "/home/ana/hailuo/2025-06-15-dwnloadd-a-lighthouse-in-a-storm.mp4"
        downloaded.downloadedAt = ago(600)
        downloaded.usageJSON = #"{"credits_used":588000,"usd_spent":0.294}"#
        downloaded.estimatedUSD = 0.294
        downloaded.costUSD = 0.294

        var linkOnly = job(
            "linkonly", .completed, provider: "success", prompt: "Slow pan across a misty bamboo forest at dawn",
            created: 1200, accepted: 1199, finished: 930, duration: 10)
        linkOnly.videoURL = "https://cdn.example.com/videos/linkonly.mp4?Expires=1750006800&Signature=def"
        linkOnly.videoURLExpiresAt = now.addingTimeInterval(5 * 3600 + 600)
        linkOnly.estimatedUSD = 0.588

        var expired = job(
            "expiredl", .completed, provider: "success", prompt: "Time-lapse of clouds over a mountain lake",
            created: 90000, accepted: 89990, finished: 89700)
        expired.videoURL = "https://cdn.example.com/videos/expiredl.mp4?Expires=1749920000&Signature=ghi"
        expired.videoURLExpiresAt = ago(3600)

        var fetching = job(
            "fetching", .completed, provider: "success", prompt: "A hummingbird hovering over a red flower, macro",
            created: 700, accepted: 699, finished: 400, resolution: .p1080)
        fetching.videoURL = "https://cdn.example.com/videos/fetching.mp4?Expires=1750010400&Signature=jkl"
        fetching.videoURLExpiresAt = now.addingTimeInterval(6 * 3600)

        var failed = job(
            "failedjb", .failed, provider: "failed", prompt: "Two knights fighting on a burning bridge",
            created: 1500, accepted: 1499, finished: 1380)
        failed.errorMessage = "The provider refused the prompt: it did not pass the content check (code 1026)"
        failed.errorRequestID = "req-7f3a9c2e"
        failed.estimatedUSD = 0.294
        failed.costUSD = 0

        var unconfirmed = job(
            "unconfrm", .unconfirmed, prompt: "A red fox running through fresh snow, slow motion", created: 1800)
        unconfirmed.estimatedUSD = 0.294
        let dismissed = job(
            "dismissd", .dismissed, prompt: "An astronaut planting a flag on Mars", created: 2400)
        var cjk = job(
            "cjkemoji", .completed, provider: "success", prompt: "東京の夜景を歩く黒猫 🐈‍⬛ と 🌸 桜吹雪、シネマティック",
            created: 3000, accepted: 2999, finished: 2720, model: "minimax/hailuo-2.3")
        cjk.filePath = "/home/ana/hailuo/2025-06-15-cjkemoji-東京の夜景.mp4"
        cjk.downloadedAt = ago(2700)
        var hidden = job("hiddenjb", .completed, provider: "success", prompt: "An old test clip", created: 5000)
        hidden.hidden = true

        return [
            JobEntry(
                job: job(
                    "submitng", .submitting, prompt: "A paper boat drifts down a rain-soaked street at dusk", created: 3
                ), expected: typical),
            JobEntry(
                job: job(
                    "queuedaa", .pending, provider: "queued", prompt: "Neon jellyfish pulsing in a dark ocean",
                    created: 21, accepted: 20), expected: typical),
            JobEntry(
                job: job(
                    "generatn", .pending, provider: "generating",
                    prompt: "A steam train crossing a stone viaduct in autumn", created: 201, accepted: 200),
                expected: typical),
            JobEntry(
                job: job(
                    "upscalex", .pending, provider: "upscaling",
                    prompt: "City skyline at night, camera rising between towers", created: 401, accepted: 400),
                expected: typical),
            JobEntry(job: fetching, expected: typical),
            JobEntry(job: downloaded, expected: typical),
            JobEntry(job: linkOnly, expected: typical),
            JobEntry(job: failed),
            JobEntry(job: unconfirmed, expected: typical),
            JobEntry(job: dismissed),
            JobEntry(job: cjk),
            JobEntry(job: hidden),
            JobEntry(job: expired),
        ]
    }

    /// The download under way for `fetching`: 42 %.
    static let fetchProgress = DownloadProgress(jobID: "fetching", received: 3_250_000, total: 7_740_000)

    /// The composer as a user leaves it: CJK and emoji prompt, a checked first frame, a refused
    /// last frame, and a refused toggle.
    static func fillComposer(_ model: inout AppModel) {
        model.composer.setPrompt("夕暮れの海辺を走る柴犬 🐕 with a 🌅 sunset, slow motion, cinematic, 35mm film look")
        _ = model.composer.setField(.first, text: "~/pics/shiba.png")
        model.composer.receive(
            ImageVerdict(reference: "~/pics/shiba.png", isUsable: true, summary: "PNG 1280x720, 1.2 MB ✓"), for: .first)
        _ = model.composer.setField(.last, text: "~/pics/beach-end.webp")
        model.composer.setIssue("last frame: WEBP is not accepted (use PNG or JPEG)", for: .lastFrame)
        model.composer.toggle(.resolution)
        model.composer.showOptionNote("10 s is not available at 1080P: 1080P allows 6 s clips only")
    }

    /// The main screen: every job state, a filled composer, a download under way.
    static func main(size: Size, environment: AppEnvironment = .preview) -> AppModel {
        useUTC()
        var model = AppModel(environment: environment, size: size, now: now)
        _ = model.update(.jobsLoaded(entries))
        _ = model.update(.downloadProgress(fetchProgress))
        _ = model.update(.balance(42.5))
        fillComposer(&model)
        return model
    }

    /// A first start in demo mode: nothing in the store, an empty composer.
    static func firstRun(size: Size) -> AppModel {
        useUTC()
        var environment = AppEnvironment.preview
        environment.firstRun = true
        return AppModel(environment: environment, size: size, now: now)
    }

    /// The main screen with `id` selected, the table focused.
    static func selecting(_ id: String, size: Size, details: Bool = false) -> AppModel {
        var model = main(size: size)
        model.focus = .jobs
        model.jobs.select(id)
        model.details.setOpen(details)
        model.keepSelectionVisible()
        return model
    }

    /// `model` with every picture it shows made: a fixed synthetic picture per frame (a blocky
    /// gradient in palette colours) and, for clip strips, a 3 s 320x180 H.264 clip's facts.
    static func withPictures(_ model: AppModel) -> AppModel {
        var model = model
        let requests = model.placedPictures(model.layout).compactMap(\.request)
        _ = model.pictures.commands(for: requests)
        for request in requests {
            switch request.source {
            case .image, .clipMiddle:
                model.pictures.receive(.pictures([syntheticPicture(fitting: request.box)], clip: nil), for: request)
            case .clipStrip(_, let count):
                let frames = (0..<count).map { syntheticPicture(fitting: request.box, shift: $0 * 2) }
                let clip = ClipInfo(durationSeconds: 3, width: 320, height: 180, codec: "h264")
                model.pictures.receive(.pictures(frames, clip: clip), for: request)
            }
        }
        return model
    }

    /// Half blocks in a 16:9 box within `box`: palette colours rising left to right, top to bottom.
    static func syntheticPicture(fitting box: Size, shift: Int = 0) -> CellPicture {
        let width = min(box.width, max(1, box.height * 32 / 9))
        let height = min(box.height, max(1, width * 9 / 32))
        var cells: [Cell] = []
        for row in 0..<height {
            for column in 0..<width {
                let top = UInt8(16 + (row * 36 + column * 6 / max(1, width) + shift) % 216)
                let bottom = UInt8(232 + (column + row + shift) % 24)
                cells.append(Cell("▀", style: Style(foreground: .indexed(top), background: .indexed(bottom))))
            }
        }
        return CellPicture(size: Size(width: width, height: height), cells: cells)
    }

    /// A LIVE environment with a key fingerprint.
    static let live = AppEnvironment(
        isDemo: false, host: "api.aimlapi.com", keyFingerprint: "…f3c9", user: "ana", hostName: "render-01")

    /// `count` pending jobs with ids `j0000000`…, newest first by index.
    static func manyEntries(_ count: Int) -> [JobEntry] {
        (0..<count).map { index in
            let id = "j" + String(index).leftPadded(to: 7)
            return JobEntry(
                job: job(
                    id, .pending, provider: "queued", prompt: "Prompt number \(index)", created: Double(index) + 10,
                    accepted: Double(index) + 9),
                expected: typical)
        }
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}

/// Golden text files in `Snapshots/` next to this file; `HAILUO_UPDATE_SNAPSHOTS=1` rewrites them.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var updating: Bool { ProcessInfo.processInfo.environment["HAILUO_UPDATE_SNAPSHOTS"] == "1" }

    /// Compares `text` with `Snapshots/<name>.txt` (or writes it when updating).
    static func check(_ name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent("\(name).txt")
        if updating {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            do {
                try text.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing snapshot \(name).txt: run with HAILUO_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let got = text.components(separatedBy: "\n")
            let want = expected.components(separatedBy: "\n")
            let line = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
            let gotLine = line < got.count ? got[line] : "<none>"
            let wantLine = line < want.count ? want[line] : "<none>"
            Issue.record(
                "snapshot \(name) differs at line \(line + 1):\n  got:  \(gotLine)\n  want: \(wantLine)",
                sourceLocation: sourceLocation)
        }
    }

    /// The screen as text: a ruler, the rows between `|` marks (so trailing blanks show), and
    /// where the cursor is.
    static func render(_ canvas: Canvas) -> String {
        var out = ["size \(canvas.size), cursor \(canvas.cursor.map { "\($0.x),\($0.y)" } ?? "hidden")"]
        for line in canvas.lines(trimmed: false) { out.append("|" + line + "|") }
        return out.joined(separator: "\n") + "\n"
    }

    /// One character per cell for how it looks: `B` bold, `R` reverse, `U` underline, `D` dim
    /// (the first that applies, in that order of weight: R, B, U, D), `.` plain; colours as the
    /// lower-case initial of the foreground (`r`ed, `g`reen, `y`ellow, `b`lue, `m`agenta, `c`yan,
    /// `k` bright black, `w` white) when no attribute applies.
    static func styles(_ canvas: Canvas) -> String {
        var rows: [String] = []
        for y in 0..<canvas.height {
            var row = ""
            for x in 0..<canvas.width {
                let style = canvas[x, y].style
                if style.reverse {
                    row += "R"
                } else if style.bold {
                    row += "B"
                } else if style.underline {
                    row += "U"
                } else if style.dim {
                    row += "D"
                } else if let color = style.foreground {
                    row += colorLetter(color)
                } else {
                    row += "."
                }
            }
            rows.append("|" + row + "|")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    private static func colorLetter(_ color: Color) -> String {
        switch color {
        case .red, .brightRed: "r"
        case .green, .brightGreen: "g"
        case .yellow, .brightYellow: "y"
        case .blue, .brightBlue: "b"
        case .magenta, .brightMagenta: "m"
        case .cyan, .brightCyan: "c"
        case .brightBlack: "k"
        case .white, .brightWhite, .black: "w"
        case .indexed: "i"
        case .rgb: "p"
        }
    }
}

extension Array where Element == Command {
    /// These commands without the pictures the screen asks for (for tests about something else).
    var withoutPictures: [Command] {
        filter {
            if case .makePicture = $0 { return false }
            return true
        }
    }
}
