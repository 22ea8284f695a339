import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: groups, variants and the compare view")
struct UpdateGroupsTests {
    static let group = JobGroup(
        id: "grp00001", kind: .variants, name: "×3 a lighthouse at night", createdAt: UpdateSupport.start, total: 3)

    /// Three jobs of one variants group (one downloaded, one failed, one pending) and two loose jobs.
    static var groupedJobs: [JobEntry] {
        var members: [JobEntry] = []
        for (index, phase) in [JobPhase.completed, .failed, .pending].enumerated() {
            var job = UpdateSupport.job(
                "var0000\(index)", phase, prompt: "a lighthouse at night", age: TimeInterval(30 + index),
                filePath: phase == .completed ? "/v/var0000\(index).mp4" : nil,
                errorMessage: phase == .failed ? "refused (1026)" : nil)
            job.groupID = group.id
            job.costUSD = phase == .completed ? 0.29 : nil
            members.append(JobEntry(job: job))
        }
        return [UpdateSupport.entry("solo0001", .pending, age: 10)] + members
            + [UpdateSupport.entry("solo0002", .completed, age: 90)]
    }

    static func table() -> AppModel {
        var model = UpdateSupport.model(jobs: groupedJobs, focus: .jobs)
        model.receive(.groupsLoaded([group]))
        return model
    }

    @Test("a group's jobs show as one row with its progress; Enter lists them under it and hides them again")
    func groupRowExpands() {
        var model = Self.table()
        #expect(model.jobs.rows == [.job("solo0001"), .group("grp00001"), .job("solo0002")])
        model.jobs.selectRow(.group("grp00001"))
        let progress = model.jobs.progress(of: "grp00001")
        #expect(progress.jobs == 3 && progress.done == 1 && progress.failed == 1 && progress.running == 1)
        let screen = model.view().text
        #expect(screen.contains("1/3 done"))
        #expect(screen.contains("1 failed"))
        #expect(screen.contains("×3 a lighthouse"))
        model.press(.enter)
        #expect(!model.details.isOpen, "Enter on a group row lists its jobs instead")
        #expect(
            model.jobs.rows == [
                .job("solo0001"), .group("grp00001"), .member("var00000"), .member("var00001"), .member("var00002"),
                .job("solo0002"),
            ])
        model.press(.down)
        #expect(model.jobs.selectedID == "var00000")
        model.press(.up, .enter)
        #expect(model.jobs.rows.count == 3)
    }

    @Test("o shows only the selected group's jobs, and every job again")
    func filterByGroup() {
        var model = Self.table()
        model.jobs.selectRow(.group("grp00001"))
        model.press(.character("o"))
        #expect(model.jobs.rows == [.job("var00000"), .job("var00001"), .job("var00002")])
        #expect(model.view().text.contains("[group"))
        model.press(.character("o"))
        #expect(model.jobs.rows.count == 3)
        #expect(model.jobs.selectedGroupID == "grp00001")
        // A job of no group says so.
        model.jobs.selectRow(.job("solo0001"))
        model.press(.character("o"))
        #expect(model.jobs.groupFilter == nil)
        #expect(model.statusBar.flash?.text.contains("not in a group") == true)
    }

    @Test("job keys on a group row say what the row is for")
    func jobKeysOnAGroupRow() {
        var model = Self.table()
        model.jobs.selectRow(.group("grp00001"))
        #expect(model.press(.character("d")).isEmpty)
        #expect(model.statusBar.flash?.text.contains("group") == true)
    }

    @Test("C opens the compare view of the group: one cell per job, ← → choose, * favourites, Enter opens details")
    func compareView() throws {
        var model = Self.table()
        model.jobs.selectRow(.group("grp00001"))
        let commands = model.press(.character("C"))
        let compare = try #require(model.compare)
        #expect(compare.groupID == "grp00001")
        #expect(model.activeScopes == [.always, .compare])
        // The downloaded job's middle frame is asked for; the others show words.
        #expect(
            commands.contains(
                .makePicture(
                    model.pictures.request(
                        .clipMiddle(video: "/v/var00000.mp4"),
                        box: try #require(model.comparePictures().first?.request?.box)))))
        let screen = model.view().text
        #expect(screen.contains("Compare ×3 a lighthouse"))
        #expect(screen.contains("var00000") && screen.contains("var00001") && screen.contains("var00002"))
        #expect(screen.contains("failed: refused (1026)"))
        model.press(.right)
        #expect(model.compare?.index == 1)
        #expect(model.press(.character("*")) == [.setFavourite(jobID: "var00001", true)])
        model.press(.enter)
        #expect(model.compare == nil)
        #expect(model.jobs.selectedID == "var00001")
        #expect(model.details.isOpen)
    }

    @Test("F6 sets variants; Ctrl-S asks first with the total, and y sends them as one group")
    func variantsAskWithTheTotal() {
        var model = UpdateSupport.model(focus: .prompt)
        model.pasteText("a lighthouse at night")
        model.press(.function(6), .function(6))
        #expect(model.composer.variants == 3)
        let parameters = model.composer.parameters
        model.receive(.priceQuoted(parameters, .known(usd: 0.29, source: .catalogue)))
        #expect(model.press(.ctrl("s")).isEmpty)
        let question = model.confirmation?.question(lastSubmitted: nil, now: UpdateSupport.start, isDemo: false)
        #expect(question?.contains("3 jobs") == true)
        #expect(question?.contains("$0.87 in all") == true)
        #expect(model.press(.character("y")) == [.submitVariants(parameters, count: 3)])
        // They arrive as one group, listed and selected.
        let entries = (0..<3).map { index -> JobEntry in
            var job = UpdateSupport.job("new0000\(index)", .pending, prompt: "a lighthouse at night")
            job.groupID = Self.group.id
            return JobEntry(job: job)
        }
        model.receive(.variantsFinished(parameters: parameters, outcome: .stored(Self.group, entries)))
        #expect(model.jobs.rows.first == .group("grp00001"))
        #expect(model.jobs.expandedGroups.contains("grp00001"))
        #expect(model.statusBar.flash?.text.contains("3 variants") == true)
    }

    @Test("n at the question sends nothing")
    func variantsDeclined() {
        var model = UpdateSupport.model(focus: .prompt)
        model.pasteText("a lighthouse at night")
        model.press(.function(6))
        model.press(.ctrl("s"))
        #expect(model.press(.character("n")).isEmpty)
        #expect(model.confirmation == nil)
    }
}
