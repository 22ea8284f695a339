import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: jobs table")
struct UpdateJobsTableTests {
    static let mixedIDs = ["pend0001", "done0002", "fail0003", "unco0004", "dism0005", "link0006"]

    @Test("jobsLoaded shows the jobs newest first and selects the first")
    func loaded() {
        let model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs.reversed(), focus: .jobs)
        #expect(model.jobs.visible == Self.mixedIDs)
        #expect(model.jobs.selectedID == "pend0001")
        #expect(model.jobs.counts == JobCounts(pending: 1, completed: 2, failed: 1, unconfirmed: 1))
    }

    @Test("↑ ↓ j k move the selection by one row, clamped at the ends")
    func upDown() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        #expect(model.press(.down).isEmpty)
        #expect(model.jobs.selectedID == "done0002")
        model.press(.character("j"))
        #expect(model.jobs.selectedID == "fail0003")
        model.press(.up)
        #expect(model.jobs.selectedID == "done0002")
        model.press(.character("k"), .character("k"), .up)
        #expect(model.jobs.selectedID == "pend0001")
        model.press(.down, .down, .down, .down, .down, .character("j"), .down)
        #expect(model.jobs.selectedID == "link0006")
    }

    @Test("PgDn PgUp move by a page; Home g and End G jump to the ends; the table scrolls with them")
    func paging() {
        var model = UpdateSupport.model(jobs: UpdateSupport.manyJobs(60), focus: .jobs)
        let rows = model.layout.tableRows
        #expect(rows == 25)
        model.press(.pageDown)
        #expect(model.jobs.selectedIndex == rows - 1)
        #expect(model.jobs.top == 0)
        model.press(.pageDown)
        #expect(model.jobs.selectedIndex == 2 * (rows - 1))
        #expect(model.jobs.top == 2 * (rows - 1) - rows + 1)
        model.press(.pageUp)
        #expect(model.jobs.selectedIndex == rows - 1)
        model.press(.end)
        #expect(model.jobs.selectedID == "job59")
        #expect(model.jobs.top == 60 - rows)
        model.press(.home)
        #expect(model.jobs.selectedID == "job00")
        #expect(model.jobs.top == 0)
        model.press(.character("G"))
        #expect(model.jobs.selectedID == "job59")
        model.press(.character("g"))
        #expect(model.jobs.selectedID == "job00")
        model.press(.pageUp)
        #expect(model.jobs.selectedID == "job00")
    }

    @Test("navigation keys on an empty table do nothing")
    func emptyTable() {
        var model = UpdateSupport.model(focus: .jobs)
        let before = model
        #expect(model.press(.down, .up, .pageDown, .pageUp, .home, .end, .character("g"), .character("G")).isEmpty)
        #expect(model == before)
    }

    @Test("Enter opens and closes the details of the selected job")
    func detailsToggle() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        #expect(model.press(.enter) == [.loadHistory(jobID: "pend0001")])
        #expect(model.details.isOpen)
        #expect(model.layout.details != nil)
        #expect(model.press(.enter).isEmpty)
        #expect(!model.details.isOpen)
    }

    @Test("The open details pane asks for the history of each job it shows, and when it changes")
    func historyFollowsTheDetailsPane() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.enter)
        #expect(model.press(.down).withoutPictures == [.loadHistory(jobID: "done0002")])
        // Another job changing asks nothing; the shown one changing asks again.
        var other = UpdateSupport.mixedJobs[0].job
        other.providerStatus = "generating"
        other.updatedAt = other.updatedAt.addingTimeInterval(5)
        #expect(model.receive(.jobChanged(JobEntry(job: other))).isEmpty)
        var shown = UpdateSupport.mixedJobs[1].job
        shown.filePath = "/elsewhere/done0002.mp4"
        shown.updatedAt = shown.updatedAt.addingTimeInterval(5)
        #expect(model.receive(.jobChanged(JobEntry(job: shown))).withoutPictures == [.loadHistory(jobID: "done0002")])
        let events = [
            JobEvent(jobID: "done0002", at: UpdateSupport.start, phase: .submitting, providerStatus: nil, note: nil),
            JobEvent(jobID: "done0002", at: UpdateSupport.start, phase: .completed, providerStatus: nil, note: nil),
        ]
        #expect(model.receive(.historyLoaded(jobID: "done0002", events)).isEmpty)
        #expect(model.details.history == JobHistory(jobID: "done0002", events: events))
        // Closed, nothing is asked.
        model.press(.enter)
        #expect(model.press(.up).isEmpty)
    }

    // MARK: Text filter

    @Test("/ opens the filter; typing narrows the rows live; Enter keeps the filter")
    func textFilter() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        #expect(model.press(.character("/")).isEmpty)
        #expect(model.jobs.filterEditor != nil)
        model.typeText("fo")
        #expect(model.jobs.textFilter == "fo")
        #expect(model.jobs.visible == ["pend0001", "unco0004", "link0006"])
        model.typeText("x")
        #expect(model.jobs.visible == ["pend0001", "unco0004"])
        #expect(model.jobs.selectedID == "pend0001")
        model.press(.enter)
        #expect(model.jobs.filterEditor == nil)
        #expect(model.jobs.textFilter == "fox")
        #expect(model.jobs.visible == ["pend0001", "unco0004"])
        #expect(model.focus == .jobs)
    }

    @Test("the filter ignores case and matches ids, models and statuses")
    func textFilterFields() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("/"))
        model.typeText("FAIL")
        #expect(model.jobs.visible == ["fail0003"])
        model.press(.ctrl("u"))
        model.typeText("video-01")
        #expect(model.jobs.visible == ["dism0005"])
        model.press(.ctrl("u"))
        model.typeText("generating")
        #expect(model.jobs.visible == ["pend0001"])
    }

    @Test("Esc while typing the filter clears it and shows every row")
    func textFilterEscape() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("/"))
        model.typeText("fox")
        model.press(.escape)
        #expect(model.jobs.filterEditor == nil)
        #expect(model.jobs.textFilter.isEmpty)
        #expect(model.jobs.visible == Self.mixedIDs)
        #expect(model.focus == .jobs)
    }

    @Test("keys typed into the filter are not table actions")
    func filterTakesKeys() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("/"))
        let commands = model.typeText("qdrc?")
        #expect(commands.isEmpty)
        #expect(!model.quitting)
        #expect(!model.help.isOpen)
        #expect(model.jobs.textFilter == "qdrc?")
        #expect(model.jobs.visible.isEmpty)
        #expect(model.jobs.selectedID == nil)
    }

    @Test("a paste while the filter is open goes into the filter")
    func pasteIntoFilter() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("/"))
        model.pasteText("light")
        #expect(model.jobs.textFilter == "light")
        #expect(model.jobs.visible == ["done0002"])
        #expect(model.composer.prompt.text.isEmpty)
    }

    @Test("/ again starts from the kept filter")
    func reopenFilter() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("/"))
        model.typeText("fox")
        model.press(.enter, .character("/"))
        #expect(model.jobs.filterEditor?.text == "fox")
        model.press(.backspace)
        #expect(model.jobs.textFilter == "fo")
    }

    // MARK: Status filter, sort, pause, hidden

    @Test("f cycles all, active, completed, failed, unconfirmed and back to all")
    func statusFilterCycle() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        var shown: [[String]] = []
        var filters: [StatusFilter] = []
        for _ in 0..<5 {
            #expect(model.press(.character("f")).isEmpty)
            filters.append(model.jobs.statusFilter)
            shown.append(model.jobs.visible)
        }
        #expect(filters == [.active, .completed, .failed, .unconfirmed, .all])
        #expect(
            shown == [
                ["pend0001"], ["done0002", "link0006"], ["fail0003"], ["unco0004", "dism0005"], Self.mixedIDs,
            ])
        #expect(model.statusBar.flash != nil)
    }

    @Test("s cycles newest, oldest, status, model and back to newest")
    func sortCycle() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        var sorts: [JobSort] = []
        var orders: [[String]] = []
        for _ in 0..<4 {
            #expect(model.press(.character("s")).isEmpty)
            sorts.append(model.jobs.sort)
            orders.append(model.jobs.visible)
        }
        #expect(sorts == [.oldest, .status, .model, .newest])
        #expect(orders[0] == Self.mixedIDs.reversed())
        #expect(orders[1] == ["pend0001", "unco0004", "fail0003", "done0002", "link0006", "dism0005"])
        #expect(orders[2] == ["pend0001", "done0002", "fail0003", "unco0004", "link0006", "dism0005"])
        #expect(orders[3] == Self.mixedIDs)
    }

    @Test("the selection stays on the same job when the order changes")
    func selectionFollowsSort() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.selectJob("fail0003")
        for _ in 0..<4 {
            model.press(.character("s"))
            #expect(model.jobs.selectedID == "fail0003")
        }
    }

    @Test("the selection stays on the same job when a newer job arrives above it")
    func selectionStaysOnNewJob() {
        var model = UpdateSupport.model(jobs: UpdateSupport.manyJobs(40), focus: .jobs)
        model.selectJob("job30")
        let top = model.jobs.top
        model.receive(.jobChanged(UpdateSupport.entry("newer001", .pending, age: 1)))
        #expect(model.jobs.visible.first == "newer001")
        #expect(model.jobs.selectedID == "job30")
        #expect(model.jobs.selectedIndex == 31)
        let index = model.jobs.selectedIndex ?? -1
        #expect(index >= model.jobs.top && index < model.jobs.top + model.layout.tableRows)
        #expect(model.jobs.top >= top)
    }

    @Test("the selection stays on the same job when a status change moves it under sort by status")
    func selectionStaysWhenJobMoves() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("s"), .character("s"))
        #expect(model.jobs.sort == .status)
        model.selectJob("pend0001")
        var finished = UpdateSupport.mixedJobs[0]
        finished.job.phase = .completed
        model.receive(.jobChanged(finished))
        #expect(model.jobs.selectedID == "pend0001")
        #expect(model.jobs.visible.firstIndex(of: "pend0001") != 0)
    }

    @Test("when the selected job leaves the filter, the selection moves to its neighbour")
    func selectionMovesToNeighbour() {
        var jobs = UpdateSupport.manyJobs(5)
        jobs[4].job.phase = .completed
        var model = UpdateSupport.model(jobs: jobs, focus: .jobs)
        model.press(.character("f"))
        #expect(model.jobs.statusFilter == .active)
        #expect(model.jobs.visible == ["job00", "job01", "job02", "job03"])
        model.selectJob("job01")
        var done = jobs[1]
        done.job.phase = .completed
        model.receive(.jobChanged(done))
        #expect(model.jobs.visible == ["job00", "job02", "job03"])
        #expect(model.jobs.selectedID == "job02")
        model.selectJob("job03")
        var last = jobs[3]
        last.job.phase = .failed
        model.receive(.jobChanged(last))
        #expect(model.jobs.selectedID == "job02", "the last row's job left: the row above is selected")
    }

    @Test("when every job leaves the filter, nothing is selected")
    func selectionEmpties() {
        var model = UpdateSupport.model(jobs: [UpdateSupport.entry("only0001", .pending)], focus: .jobs)
        model.press(.character("f"))
        var done = UpdateSupport.entry("only0001", .completed)
        done.job.videoURL = "https://cdn.example.com/x.mp4"
        model.receive(.jobChanged(done))
        #expect(model.jobs.visible.isEmpty)
        #expect(model.jobs.selectedID == nil)
        #expect(model.jobs.top == 0)
    }

    @Test("p pauses: changes are held, not shown; p again applies them")
    func pause() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        #expect(model.press(.character("p")).isEmpty)
        #expect(model.jobs.paused)
        var changed = UpdateSupport.mixedJobs[0]
        changed.job.providerStatus = "queued"
        let arrived = UpdateSupport.entry("late0007", .pending, age: 1)
        model.receive(.jobChanged(changed))
        model.receive(.jobChanged(arrived))
        #expect(model.jobs.entries["pend0001"] == UpdateSupport.mixedJobs[0])
        #expect(model.jobs.entries["late0007"] == nil)
        #expect(model.jobs.visible == Self.mixedIDs)
        #expect(model.jobs.held == [changed, arrived])
        model.press(.character("p"))
        #expect(!model.jobs.paused)
        #expect(model.jobs.held.isEmpty)
        #expect(model.jobs.entries["pend0001"] == changed)
        #expect(model.jobs.visible.first == "late0007")
        #expect(model.jobs.selectedID == "pend0001")
    }

    @Test("while paused only the newest change of a job is held")
    func pauseKeepsNewest() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("p"))
        var first = UpdateSupport.mixedJobs[0]
        first.job.providerStatus = "queued"
        var second = first
        second.job.providerStatus = "generating"
        model.receive(.jobChanged(first))
        model.receive(.jobChanged(second))
        #expect(model.jobs.held == [second])
        model.press(.character("p"))
        #expect(model.jobs.entries["pend0001"] == second)
    }

    @Test("H shows and hides hidden jobs")
    func showHidden() {
        var jobs = UpdateSupport.mixedJobs
        jobs.append(UpdateSupport.entry("hide0007", .completed, age: 5, hidden: true))
        var model = UpdateSupport.model(jobs: jobs, focus: .jobs)
        #expect(!model.jobs.visible.contains("hide0007"))
        #expect(model.press(.character("H")).isEmpty)
        #expect(model.jobs.showHidden)
        #expect(model.jobs.visible.first == "hide0007")
        model.press(.character("H"))
        #expect(!model.jobs.visible.contains("hide0007"))
    }

    @Test("jobsLoaded replaces every entry and drops held changes")
    func jobsLoadedReplaces() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.selectJob("fail0003")
        let fresh = [
            UpdateSupport.entry("fail0003", .failed, age: 30), UpdateSupport.entry("other008", .pending, age: 2),
        ]
        #expect(model.receive(.jobsLoaded(fresh)).isEmpty)
        #expect(Set(model.jobs.entries.keys) == ["fail0003", "other008"])
        #expect(model.jobs.visible == ["other008", "fail0003"])
        #expect(model.jobs.selectedID == "fail0003")
        #expect(model.jobs.counts == JobCounts(pending: 1, failed: 1))
    }

    @Test("q in the table quits; with a submission in flight it asks first")
    func qQuits() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        #expect(model.press(.character("q")) == [.quit])
        #expect(model.quitting)

        var busy = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        busy.typeText("x")
        busy.press(.ctrl("s"))
        busy.focus = .jobs
        #expect(busy.press(.character("q")).isEmpty)
        #expect(busy.confirmation == .quitWhileSubmitting)
        #expect(busy.press(.character("y")) == [.quit])
    }

    @Test("? in the table opens the help")
    func helpFromTable() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("?"))
        #expect(model.help.isOpen)
    }
}
