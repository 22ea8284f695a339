import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: engine events")
struct UpdateEngineEventTests {
    static func completed(_ entry: JobEntry, file: String? = nil) -> JobEntry {
        var done = entry
        done.job.phase = .completed
        done.job.providerStatus = "success"
        done.job.videoURL = "https://cdn.example.com/\(entry.id).mp4"
        done.job.filePath = file
        return done
    }

    static func failed(_ entry: JobEntry) -> JobEntry {
        var failed = entry
        failed.job.phase = .failed
        failed.job.errorMessage = "content check (1026)"
        return failed
    }

    static var pending: JobEntry { UpdateSupport.mixedJobs[0] }

    @Test("a pending job that completes rings")
    func completionNotifies() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .prompt)
        let commands = model.receive(.jobChanged(Self.completed(Self.pending)))
        #expect(commands.count == 1)
        guard case .notify(let title, let body) = commands.first else {
            Issue.record("expected a notification, got \(commands)")
            return
        }
        #expect(title.contains("completed"))
        #expect(body.contains("pend0001"))
        #expect(body.contains("a fox in the snow"))
        #expect(model.jobs.entries["pend0001"]?.job.phase == .completed)
    }

    @Test("a pending job that fails rings with the reason")
    func failureNotifies() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        let commands = model.receive(.jobChanged(Self.failed(Self.pending)))
        guard case .notify(let title, let body) = commands.first else {
            Issue.record("expected a notification, got \(commands)")
            return
        }
        #expect(title.contains("failed"))
        #expect(body.contains("content check (1026)"))
    }

    @Test("a job whose details are open does not ring")
    func openDetailsSilent() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.selectJob("pend0001")
        model.press(.enter)
        #expect(model.receive(.jobChanged(Self.completed(Self.pending))).isEmpty)
        #expect(model.jobs.entries["pend0001"]?.job.phase == .completed)
    }

    @Test("another job's open details do not silence a job that finishes")
    func otherDetailsStillRing() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.selectJob("done0002")
        model.press(.enter)
        let commands = model.receive(.jobChanged(Self.completed(Self.pending)))
        #expect(commands.count == 1)
    }

    @Test("changes that are not a finish do not ring")
    func quietChanges() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        var generating = Self.pending
        generating.job.providerStatus = "queued"
        #expect(model.receive(.jobChanged(generating)).isEmpty, "pending to pending")
        let done = UpdateSupport.mixedJobs[5]
        var downloaded = done
        downloaded.job.filePath = "/home/ana/hailuo/link0006.mp4"
        #expect(model.receive(.jobChanged(downloaded)).isEmpty, "completed to completed (downloaded)")
        let unknown = Self.completed(UpdateSupport.entry("other009", .pending))
        #expect(model.receive(.jobChanged(unknown)).isEmpty, "a job first seen finished")
        #expect(model.jobs.entries["other009"] != nil)
        var hidden = UpdateSupport.mixedJobs[1]
        hidden.job.hidden = true
        #expect(model.receive(.jobChanged(hidden)).isEmpty)
        #expect(!model.jobs.visible.contains("done0002"))
    }

    @Test("a submitting job that the provider answers at once as finished rings")
    func submittingToFinished() {
        var model = UpdateSupport.model(jobs: [UpdateSupport.entry("subm0001", .submitting)])
        let commands = model.receive(.jobChanged(Self.failed(UpdateSupport.entry("subm0001", .submitting))))
        #expect(commands.count == 1)
    }

    @Test("while paused a finish still rings, once, however often the finished job changes")
    func pausedNotifiesOnce() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.character("p"))
        let done = Self.completed(Self.pending)
        #expect(model.receive(.jobChanged(done)).count == 1)
        let downloaded = Self.completed(Self.pending, file: "/home/ana/hailuo/pend0001.mp4")
        #expect(model.receive(.jobChanged(downloaded)).isEmpty, "the download of a finished job rang again")
        #expect(model.jobs.held == [downloaded])
    }

    @Test("downloadProgress is kept per job; the finished download clears it")
    func downloadProgress() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        let progress = DownloadProgress(jobID: "link0006", received: 1000, total: 4000)
        #expect(model.receive(.downloadProgress(progress)).isEmpty)
        #expect(model.jobs.downloads["link0006"] == progress)
        let more = DownloadProgress(jobID: "link0006", received: 3000, total: 4000)
        model.receive(.downloadProgress(more))
        #expect(model.jobs.downloads == ["link0006": more])
        var saved = UpdateSupport.mixedJobs[5]
        saved.job.filePath = "/home/ana/hailuo/link0006.mp4"
        model.receive(.jobChanged(saved))
        #expect(model.jobs.downloads.isEmpty)
    }

    @Test("downloadFailed clears the progress and says why")
    func downloadFailed() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        model.receive(.downloadProgress(DownloadProgress(jobID: "link0006", received: 1000, total: nil)))
        #expect(model.receive(.downloadFailed(jobID: "link0006", message: "link expired")).isEmpty)
        #expect(model.jobs.downloads["link0006"] == nil)
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.statusBar.flash?.text.contains("link0006") == true)
        #expect(model.statusBar.flash?.text.contains("link expired") == true)
    }

    @Test("a change to a job keeps the rest of the model")
    func jobChangedKeepsComposer() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        model.typeText("typing while jobs change")
        var generating = Self.pending
        generating.job.providerStatus = "queued"
        model.receive(.jobChanged(generating))
        #expect(model.composer.prompt.text == "typing while jobs change")
        #expect(model.focus == .prompt)
        #expect(model.jobs.entries["pend0001"] == generating)
    }

    @Test("every message a test can build is handled without a crash and returns the documented commands")
    func everyMessageKind() {
        var model = UpdateSupport.model(jobs: UpdateSupport.mixedJobs)
        let messages: [Msg] = [
            .tick(UpdateSupport.start.addingTimeInterval(1)),
            .jobsLoaded(UpdateSupport.mixedJobs),
            .jobChanged(UpdateSupport.mixedJobs[2]),
            .connection(.offline("down")),
            .downloadProgress(DownloadProgress(jobID: "done0002", received: 1, total: 2)),
            .downloadFailed(jobID: "done0002", message: "x"),
            .submitFinished(parameters: UpdateSupport.parameters("x"), outcome: .failed("x")),
            .actionFinished(text: "ok", isError: false),
            .imageChecked(.first, ImageVerdict(reference: "zzz", isUsable: true, summary: "ok")),
            .pathCompletions(.last, typed: "zzz", candidates: ["zzz1"]),
            .input(.resize(Size(width: 90, height: 30))),
        ]
        for msg in messages {
            #expect(model.receive(msg).isEmpty, "\(msg)")
        }
        #expect(!model.quitting)
        #expect(model.receive(.terminate) == [.quit])
    }
}
