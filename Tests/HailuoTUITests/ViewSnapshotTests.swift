import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("View snapshots", .serialized)
struct ViewSnapshotTests {
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 120, height: 40)
    static let tiny = Size(width: 40, height: 12)

    @Test func mainScreen() {
        Snapshot.check("main-80x24", Snapshot.render(Fixtures.main(size: Self.small).view()))
        Snapshot.check(
            "main-120x40", Snapshot.render(Fixtures.main(size: Self.large, environment: Fixtures.live).view()))
        Snapshot.check("main-40x12", Snapshot.render(Fixtures.main(size: Self.tiny).view()))
    }

    @Test func mainScreenStyles() {
        let canvas = Fixtures.main(size: Self.small).view()
        Snapshot.check("main-80x24-styles", Snapshot.styles(canvas))
    }

    @Test func monochromeASCII() {
        var environment = AppEnvironment.preview
        environment.glyphs = .ascii
        environment.colors = false
        var model = Fixtures.main(size: Self.small, environment: environment)
        model.focus = .jobs
        let canvas = model.view()
        Snapshot.check("main-80x24-mono-ascii", Snapshot.render(canvas) + "styles:\n" + Snapshot.styles(canvas))
    }

    @Test func firstRun() {
        Snapshot.check("first-run-80x24", Snapshot.render(Fixtures.firstRun(size: Self.small).view()))
        Snapshot.check("first-run-120x40", Snapshot.render(Fixtures.firstRun(size: Self.large).view()))
    }

    @Test func optionsFocused() {
        var model = Fixtures.main(size: Self.small)
        model.focus = .options
        while model.composer.selectedOption != .duration { model.composer.selectOption(by: 1) }
        model.composer.clearOptionNote()
        model.composer.setIssue("duration: 1080P allows 6 s clips only (got 10 s)", for: .duration)
        Snapshot.check("options-issue-80x24", Snapshot.render(model.view()))
    }

    @Test func imageFieldCandidates() {
        var model = Fixtures.main(size: Self.small)
        model.focus = .firstFrame
        _ = model.composer.setField(.first, text: "~/pics/sh")
        _ = model.update(
            .pathCompletions(
                .first, typed: "~/pics/sh",
                candidates: [
                    "~/pics/shiba.png", "~/pics/shiba-2.png", "~/pics/shells/", "~/pics/shore.jpg",
                    "~/pics/shadows-at-noon.png", "~/pics/shinkansen.jpeg", "~/pics/shrine.png",
                ]))
        #expect(model.composer.completions?.candidates.count == 7)
        Snapshot.check("image-candidates-80x24", Snapshot.render(model.view()))
    }

    @Test func promptCounterNearAndAtLimit() {
        var model = Fixtures.main(size: Self.small)
        model.composer.setPrompt(String(repeating: "a", count: 1850))
        let near = model.view()
        Snapshot.check("prompt-near-limit-80x24", Snapshot.render(near))
        model.composer.setPrompt(String(repeating: "b", count: 2000))
        model.composer.setIssue("prompt: at most 2000 characters (UTF-16 units)", for: .prompt)
        Snapshot.check("prompt-at-limit-80x24", Snapshot.render(model.view()))
    }

    @Test func detailsPane() {
        Snapshot.check(
            "details-failed-80x24",
            Snapshot.render(Fixtures.selecting("failedjb", size: Self.small, details: true).view()))
        var downloading = Fixtures.selecting("fetching", size: Self.large, details: true)
        downloading.statusBar.setConnection(.rateLimited(until: Fixtures.now.addingTimeInterval(12)))
        Snapshot.check("details-downloading-120x40", Snapshot.render(downloading.view()))
        var downloaded = Fixtures.withPictures(Fixtures.selecting("dwnloadd", size: Self.large, details: true))
        Snapshot.check("details-downloaded-120x40", Snapshot.render(downloaded.view()))
        // With its history read from the store: each status and when it was reached.
        let steps: [(TimeInterval, JobPhase, String?)] = [
            (-330, .submitting, nil), (-329, .pending, "queued"), (-300, .pending, "generating"),
            (-40, .completed, nil),
        ]
        downloaded.details.receive(
            JobHistory(
                jobID: "dwnloadd",
                events: steps.map {
                    JobEvent(
                        jobID: "dwnloadd", at: Fixtures.now.addingTimeInterval($0.0), phase: $0.1, providerStatus: $0.2,
                        note: nil)
                }))
        Snapshot.check("details-history-120x40", Snapshot.render(downloaded.view()))
        var unconfirmed = Fixtures.selecting("unconfrm", size: Self.large, details: true)
        unconfirmed.statusBar.setConnection(.offline("connection refused by 127.0.0.1:4242"))
        Snapshot.check("details-unconfirmed-120x40", Snapshot.render(unconfirmed.view()))
        Snapshot.check(
            "details-cjk-80x24",
            Snapshot.render(
                Fixtures.withPictures(Fixtures.selecting("cjkemoji", size: Self.small, details: true)).view()))
        Snapshot.check(
            "details-40x12", Snapshot.render(Fixtures.selecting("cjkemoji", size: Self.tiny, details: true).view()))
    }

    @Test func composerThumbnails() {
        for size in [Self.small, Self.large] {
            var model = Fixtures.main(size: size)
            _ = model.composer.setField(.last, text: "https://example.com/end.png")
            model.composer.receive(
                ImageVerdict(
                    reference: "~/pics/shiba.png", isUsable: true, summary: "PNG 1280x720, 1.2 MB",
                    localPath: "/home/ana/pics/shiba.png", pixelSize: Size(width: 1280, height: 720)), for: .first)
            model.composer.receive(
                ImageVerdict(
                    reference: "https://example.com/end.png", isUsable: true, summary: "URL", isRemote: true),
                for: .last)
            Snapshot.check("composer-thumbnails-\(size)", Snapshot.render(Fixtures.withPictures(model).view()))
        }
    }

    @Test func groupsAndCompare() {
        var model = UpdateGroupsTests.table()
        model.jobs.selectRow(.group("grp00001"))
        model.press(.enter)
        Snapshot.check("group-expanded-120x40", Snapshot.render(model.view()))
        model.jobs.selectRow(.group("grp00001"))
        model.press(.character("C"))
        Snapshot.check("compare-120x40", Snapshot.render(Fixtures.withPictures(model).view()))
    }

    @Test func helpOverlay() {
        for size in [Self.small, Self.large, Self.tiny] {
            var model = Fixtures.main(size: size)
            model.help.open()
            Snapshot.check("help-\(size)", Snapshot.render(model.view()))
        }
    }

    @Test func confirmations() {
        var duplicate = Fixtures.main(size: Self.small)
        let parameters = duplicate.composer.parameters
        duplicate.submissions.began(parameters, at: Fixtures.now.addingTimeInterval(-25))
        duplicate.submissions.ended(parameters, sent: true)
        duplicate.confirmation = .duplicateSubmit(parameters)
        Snapshot.check("confirm-duplicate-80x24", Snapshot.render(duplicate.view()))

        var resubmit = Fixtures.selecting("unconfrm", size: Self.large)
        resubmit.environment = Fixtures.live
        resubmit.confirmation = .resubmit(jobID: "unconfrm")
        Snapshot.check("confirm-resubmit-120x40", Snapshot.render(resubmit.view()))

        var quit = Fixtures.main(size: Self.small)
        quit.submissions.began(quit.composer.parameters, at: Fixtures.now)
        quit.confirmation = .quitWhileSubmitting
        Snapshot.check("confirm-quit-80x24", Snapshot.render(quit.view()))
    }

    @Test func filterTyping() {
        var model = Fixtures.main(size: Self.small)
        model.focus = .jobs
        _ = model.update(.input(.key(.character("/"))))
        for character in "train" { _ = model.update(.input(.key(.character(character)))) }
        Snapshot.check("filter-typing-80x24", Snapshot.render(model.view()))

        var none = Fixtures.main(size: Self.small)
        none.focus = .jobs
        none.jobs.startFilter()
        none.jobs.pasteIntoFilter("zeppelin")
        none.jobs.keepFilter()
        none.jobs.show(.failed)
        Snapshot.check("filter-no-match-80x24", Snapshot.render(none.view()))
    }

    @Test func tableBadgesAndFlash() {
        var model = Fixtures.main(size: Self.large)
        model.focus = .jobs
        let paused = model.jobs.togglePause()
        #expect(paused)
        model.jobs.receive(Fixtures.entries[0])
        #expect(model.jobs.held == [Fixtures.entries[0]])
        model.jobs.show(.completed)
        model.jobs.sort(by: .status)
        model.jobs.toggleShowHidden()
        model.statusBar.show("download of fetching failed: disk full", error: true, now: Fixtures.now)
        model.statusBar.setConnection(.unauthorized("invalid API key"))
        Snapshot.check("badges-flash-120x40", Snapshot.render(model.view()))
    }

    @Test func narrowButAllowed() {
        // The smallest layout: 60x18.
        Snapshot.check("main-60x18", Snapshot.render(Fixtures.main(size: AppModel.minimumSize).view()))
    }
}

@Suite("View properties")
struct ViewPropertyTests {
    /// Every fixture screen at sizes around the layout's breakpoints.
    static func screens() -> [(String, AppModel)] {
        let sizes = [
            Size(width: 40, height: 12), Size(width: 59, height: 18), Size(width: 60, height: 18),
            Size(width: 61, height: 19), Size(width: 80, height: 24), Size(width: 109, height: 31),
            Size(width: 110, height: 32), Size(width: 120, height: 40), Size(width: 200, height: 60),
        ]
        var screens: [(String, AppModel)] = []
        for size in sizes {
            screens.append(("main \(size)", Fixtures.main(size: size)))
            screens.append(("first run \(size)", Fixtures.firstRun(size: size)))
            for id in ["failedjb", "cjkemoji", "fetching", "unconfrm", "dwnloadd"] {
                screens.append(("details \(id) \(size)", Fixtures.selecting(id, size: size, details: true)))
            }
            var help = Fixtures.main(size: size)
            help.help.open()
            screens.append(("help \(size)", help))
            var confirm = Fixtures.main(size: size)
            confirm.confirmation = .resubmit(jobID: "unconfrm")
            screens.append(("confirm \(size)", confirm))
            var ascii = Fixtures.main(size: size, environment: Fixtures.live)
            ascii.environment.glyphs = .ascii
            ascii.environment.colors = false
            screens.append(("ascii \(size)", ascii))
        }
        return screens
    }

    @Test func everyRowFitsTheWidth() {
        for (name, model) in Self.screens() {
            let canvas = model.view()
            #expect(canvas.size == model.size, "\(name)")
            for (row, line) in canvas.lines(trimmed: false).enumerated() {
                #expect(line.displayWidth <= model.size.width, "\(name) row \(row): \(line)")
            }
        }
    }

    @Test func tooSmallShowsOnlyOneLine() {
        let sizes = [
            Size(width: 40, height: 12), Size(width: 59, height: 30), Size(width: 100, height: 17),
            Size(width: 30, height: 8), Size(width: 20, height: 6),
        ]
        for size in sizes {
            var model = Fixtures.main(size: size)
            model.help.open()
            model.details.setOpen(true)
            let lines = model.view().lines().map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(lines.count == 1)
            // The longest wording that fits, never cut: it always names the size needed.
            #expect(lines.first?.hasPrefix(size.width >= 20 ? "Enlarge" : "Need") == true, "\(lines)")
            #expect(lines.first?.contains("60x18") == true, "\(lines)")
            #expect(lines.first?.contains("…") == false, "\(lines)")
            #expect(model.view().cursor == nil)
        }
    }

    /// The row of the table showing job `id`, if on screen.
    static func row(of id: String, in canvas: Canvas, table: Rect) -> Int? {
        let lines = canvas.lines()
        return (table.y + 1..<table.maxY).first { lines[$0].contains(id) }
    }

    @Test func selectedJobStaysHighlightedWhenRowsChange() throws {
        var model = Fixtures.selecting("generatn", size: Size(width: 80, height: 24))
        let bar = Theme(environment: model.environment).selectedRow
        let before = model.view()
        let rowBefore = try #require(Self.row(of: "generatn", in: before, table: model.layout.table))
        #expect(before[5, rowBefore].style.background == bar.background)
        // One even bar: the status cell takes the bar's colours, not a block of its own.
        #expect(before[12, rowBefore].style.background == bar.background)
        #expect(before[12, rowBefore].style.foreground == bar.foreground)
        #expect(before[0, rowBefore].text == Glyphs.unicode.pointer)
        let other = try #require(Self.row(of: "queuedaa", in: before, table: model.layout.table))
        #expect(before[5, other].style.background == nil)

        // A newer job arrives above: the selection follows the job to its new row.
        let newer = Fixtures.job("newjobaa", .submitting, prompt: "Arrives later", created: 1)
        _ = model.update(.jobChanged(JobEntry(job: newer)))
        let after = model.view()
        let rowAfter = try #require(Self.row(of: "generatn", in: after, table: model.layout.table))
        #expect(rowAfter == rowBefore + 1)
        #expect(after[5, rowAfter].style.background == bar.background)
        #expect(after[5, rowBefore].style.background == nil)

        // With the composer focused the selection is a pointer and bold, not reversed.
        model.focus = .prompt
        let unfocused = model.view()
        #expect(unfocused[0, rowAfter].text == Glyphs.unicode.pointer)
        #expect(unfocused[5, rowAfter].style.bold)
        #expect(!unfocused[5, rowAfter].style.reverse)
    }

    @Test func onlyVisibleRowsAreBuilt() {
        let size = Size(width: 120, height: 40)
        var many = AppModel(environment: .preview, size: size, now: Fixtures.now)
        let entries = Fixtures.manyEntries(10_000)
        _ = many.update(.jobsLoaded(entries))
        let rows = many.layout.tableRows
        let theme = Theme(environment: many.environment)
        #expect(many.jobs.visibleJobRows(rows: rows, theme: theme, now: many.now).count == rows)

        // Scrolled to the end: still one screenful, and the last job is on it.
        many.focus = .jobs
        _ = many.update(.input(.key(.end)))
        let built = many.jobs.visibleJobRows(rows: rows, theme: theme, now: many.now)
        #expect(built.count == rows)
        #expect(built.last?.id == many.jobs.visible.last)

        // The table body of 10,000 jobs shows exactly what a model holding only those rows shows.
        var few = AppModel(environment: .preview, size: size, now: Fixtures.now)
        _ = few.update(.jobsLoaded(Array(entries.prefix(rows))))
        many.focus = .prompt
        _ = many.update(.input(.key(.home)))
        many.jobs.select(many.jobs.visible.first ?? "")
        many.keepSelectionVisible()
        let table = many.layout.table
        let manyLines = many.view().lines()[(table.y + 1)..<table.maxY]
        let fewLines = few.view().lines()[(table.y + 1)..<table.maxY]
        #expect(Array(manyLines) == Array(fewLines))
    }

    @Test func noRawEscapeReachesTheScreen() {
        let hostile = "\u{1B}[31mred\u{1B}]0;title\u{07}\u{9B}2J"
        var model = Fixtures.main(size: Size(width: 120, height: 40))
        var job = Fixtures.job(
            "hostile1", .failed, provider: hostile, prompt: "go \(hostile)\nnext", created: 1, accepted: 1, finished: 0)
        job.errorMessage = "bad \(hostile)"
        job.errorRequestID = hostile
        job.filePath = "/tmp/\(hostile).mp4"
        job.videoURL = "https://x/\(hostile)"
        job.parameters.firstFrame = "/tmp/\(hostile).png"
        job.parameters.model = ModelID("minimax/\(hostile)")
        job.usageJSON = hostile
        _ = model.update(.jobChanged(JobEntry(job: job)))
        model.jobs.select("hostile1")
        model.details.setOpen(true)
        model.focus = .jobs
        model.statusBar.setConnection(.offline(hostile))
        model.composer.setIssue(hostile, for: .prompt)
        model.composer.setIssue(hostile, for: .firstFrame)
        model.composer.showOptionNote(hostile)
        _ = model.composer.setField(.last, text: "x")
        model.composer.receive(ImageVerdict(reference: "x", isUsable: false, summary: hostile), for: .last)
        model.jobs.startFilter()
        model.jobs.pasteIntoFilter(hostile)
        model.jobs.keepFilter()
        var withFlash = model
        withFlash.statusBar.show(hostile, error: true, now: Fixtures.now)
        var narrow = model
        narrow.resize(to: Size(width: 80, height: 24))
        var candidates = model
        candidates.details.setOpen(false)
        candidates.focus = .firstFrame
        _ = candidates.composer.setField(.first, text: "/tmp/")
        _ = candidates.update(.pathCompletions(.first, typed: "/tmp/", candidates: [hostile, "/tmp/\(hostile)/"]))
        #expect(candidates.composer.completions != nil)
        var environment = model
        environment.environment.host = hostile
        environment.environment.keyFingerprint = hostile
        for screen in [model, withFlash, narrow, candidates, environment] {
            let canvas = screen.view()
            for y in 0..<canvas.height {
                for x in 0..<canvas.width {
                    let unsafe = canvas[x, y].text.unicodeScalars.contains { InertText.isControl($0) }
                    #expect(!unsafe, "cell \(x),\(y) holds a control character")
                }
            }
            #expect(
                !canvas.text.contains("[31m") || canvas.text.contains("\\x1B[31m") || canvas.text.contains("\\e[31m"))
        }
    }

    @Test func cursorBelongsToTheFocusedEditorOnly() {
        var model = Fixtures.main(size: Size(width: 80, height: 24))
        let layout = model.layout
        let prompt = model.view().cursor
        #expect(prompt.map { $0.y >= layout.promptText.y && $0.y < layout.promptText.maxY } == true)

        model.focus = .firstFrame
        #expect(model.view().cursor?.y == layout.firstFrame.y)

        model.focus = .jobs
        #expect(model.view().cursor == nil)

        _ = model.update(.input(.key(.character("/"))))
        #expect(model.view().cursor?.y == layout.hints.y)

        model.jobs.keepFilter()
        model.focus = .prompt
        model.help.open()
        #expect(model.view().cursor == nil)
        model.help.close()
        model.confirmation = .quitWhileSubmitting
        #expect(model.view().cursor == nil)
    }

    @Test func onlyTheSelectedRowAndTheStatusBarTickWhileIdle() throws {
        var model = Fixtures.main(size: Size(width: 80, height: 24))
        model.jobs.select("generatn")
        let table = model.layout.table
        let first = model.view()
        let row = try #require(Self.row(of: "generatn", in: first, table: table))
        let other = try #require(Self.row(of: "queuedaa", in: first, table: table))
        let statusX = JobColumn.markerWidth + 9
        model.advanceClock(to: Fixtures.now.addingTimeInterval(0.5))
        #expect(model.view()[statusX, row].text == first[statusX, row].text)
        _ = model.update(.tick(Fixtures.now.addingTimeInterval(1)))
        let next = model.view()
        #expect(next[statusX, row].text != first[statusX, row].text, "the selected row spins")
        #expect(next.lines()[other] == first.lines()[other], "another running row stays still")
        #expect(next.lines()[23] != first.lines()[23], "the status bar's spinner turns")
        // Over a second, only the selected row and the status bar changed.
        let changedRows = (0..<24).filter { next.lines()[$0] != first.lines()[$0] }
        #expect(changedRows == [row, 23], "\(changedRows)")
    }

    @Test func counterWarnsNearTheLimitAndRefusesAtIt() throws {
        var model = Fixtures.main(size: Size(width: 80, height: 24))
        func counterStyle(_ model: AppModel) throws -> Style {
            let canvas = model.view()
            let line = canvas.lines()[model.layout.promptBox.y]
            let range = try #require(line.range(of: "/2000"))
            let x = line[..<range.lowerBound].displayWidth
            return canvas[x, model.layout.promptBox.y].style
        }
        #expect(try counterStyle(model).foreground == nil)
        model.composer.setPrompt(String(repeating: "a", count: 1800))
        #expect(try counterStyle(model).foreground == .yellow)
        #expect(try counterStyle(model).bold)
        model.composer.setPrompt(String(repeating: "a", count: 2000))
        #expect(try counterStyle(model).foreground == .red)
    }

    @Test func formatting() {
        #expect(Formatting.elapsed(0) == "0:00")
        #expect(Formatting.elapsed(65) == "1:05")
        #expect(Formatting.elapsed(3723) == "1:02:03")
        #expect(Formatting.remaining(expected: 240...300, elapsed: 20) == "~4 min")
        #expect(Formatting.remaining(expected: 240...300, elapsed: 250) == "<1 min")
        #expect(Formatting.remaining(expected: 240...300, elapsed: 301) == "soon")
        #expect(Formatting.remaining(expected: 30...50, elapsed: 0) == "<1 min")
        #expect(Formatting.bytes(512) == "512 B")
        #expect(Formatting.bytes(7_740_000) == "7.4 MiB")
        #expect(
            Formatting.expiry(Fixtures.now.addingTimeInterval(5 * 3600 + 60), now: Fixtures.now) == "link expires in 5h"
        )
        #expect(Formatting.expiry(Fixtures.now, now: Fixtures.now) == "link expired")
        #expect(Formatting.shortModel("minimax/hailuo-02") == "hailuo-02")
        #expect(Formatting.shortModel("video-01") == "video-01")
        #expect(Formatting.middleTruncate("/home/ana/videos/clip.mp4", width: 15) == "/home/a…lip.mp4")
        #expect(Formatting.middleTruncate("東京東京東京", width: 7).displayWidth <= 7)
        #expect(Formatting.oneLine("a\nb\u{1B}c") == "a b\\ec")
        Fixtures.useUTC()
        #expect(Formatting.localTime(Fixtures.now) == "2025-06-15 12:00:00")
    }

    @Test func tableColumnsDropInPriorityOrder() {
        let kinds = { (width: Int) in JobColumn.plan(width: width).map(\.kind) }
        #expect(kinds(120) == [.id, .status, .elapsed, .left, .model, .clip, .cost, .prompt, .result])
        #expect(kinds(80) == [.id, .status, .elapsed, .left, .prompt, .result])
        #expect(kinds(60).contains(.prompt) && kinds(60).contains(.result) && kinds(60).contains(.status))
        // The prompt is what tells jobs apart: it gets the larger share, and model and clip go first.
        let promptWidth = { (width: Int) in JobColumn.plan(width: width).first { $0.kind == .prompt }?.width ?? 0 }
        let resultWidth = { (width: Int) in JobColumn.plan(width: width).first { $0.kind == .result }?.width ?? 0 }
        for width in [80, 100, 120, 160] {
            #expect(promptWidth(width) >= 18, "width \(width)")
            #expect(promptWidth(width) >= resultWidth(width), "width \(width)")
        }
        for width in 40...220 {
            let last = JobColumn.plan(width: width).last
            #expect((last.map { $0.x + $0.width } ?? 0) <= width, "width \(width)")
        }
    }
}
