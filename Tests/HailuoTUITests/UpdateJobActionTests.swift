import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: actions on the selected job")
struct UpdateJobActionTests {
    /// The mixed jobs with `id` selected in the table.
    static func table(selecting id: String, environment: AppEnvironment = .preview) -> AppModel {
        var model = UpdateSupport.model(environment: environment, jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.selectJob(id)
        return model
    }

    // MARK: n d r

    @Test("n on a pending job polls it now")
    func pollPending() {
        var model = Self.table(selecting: "pend0001")
        #expect(model.press(.character("n")) == [.pollNow(jobID: "pend0001")])
    }

    @Test("n on an unconfirmed job without a generation id explains why it cannot be checked")
    func pollUnconfirmed() {
        var model = Self.table(selecting: "unco0004")
        #expect(model.press(.character("n")).isEmpty)
        let text = model.statusBar.flash?.text ?? ""
        #expect(text.contains("unco0004"))
        #expect(text.contains("never arrived"))
        #expect(text.contains("dashboard"))
    }

    @Test("n on a finished job says only pending jobs are polled", arguments: ["done0002", "fail0003", "dism0005"])
    func pollFinished(id: String) {
        var model = Self.table(selecting: id)
        #expect(model.press(.character("n")).isEmpty)
        #expect(model.statusBar.flash?.text.contains(id) == true)
    }

    @Test("d on a completed job downloads it", arguments: ["done0002", "link0006"])
    func downloadCompleted(id: String) {
        var model = Self.table(selecting: id)
        #expect(model.press(.character("d")) == [.download(jobID: id)])
    }

    @Test("d on a job that is not completed shows an error", arguments: ["pend0001", "fail0003", "unco0004"])
    func downloadNotCompleted(id: String) {
        var model = Self.table(selecting: id)
        #expect(model.press(.character("d")).isEmpty)
        #expect(model.statusBar.flash?.kind == .error)
        #expect(model.statusBar.flash?.text.contains(id) == true)
    }

    @Test("r asks for a new job with the same parameters", arguments: UpdateJobsTableTests.mixedIDs)
    func retry(id: String) {
        var model = Self.table(selecting: id)
        #expect(model.press(.character("r")) == [.retry(jobID: id)])
    }

    // MARK: e

    @Test("e loads the job into the composer, moves to the prompt and checks its images")
    func editAsNew() {
        var model = UpdateSupport.model(focus: .jobs)
        let job = UpdateSupport.job(
            "imgs0001", .completed, prompt: "from\ntwo frames", model: "minimax/hailuo-02", duration: 10,
            firstFrame: "~/a.png", lastFrame: "https://example.com/b.jpg")
        var withOptimizerOff = job
        withOptimizerOff.parameters.promptOptimizer = false
        model.receive(.jobsLoaded([JobEntry(job: withOptimizerOff)]))
        model.composer.setIssue("old issue", for: .prompt)
        let commands = model.press(.character("e"))
        #expect(
            commands == [
                .checkImage(.first, "~/a.png"), .checkImage(.last, "https://example.com/b.jpg"),
                .quote(withOptimizerOff.parameters),
            ])
        #expect(model.focus == .prompt)
        #expect(model.composer.parameters == withOptimizerOff.parameters)
        #expect(model.composer.issues.isEmpty)
        #expect(model.statusBar.flash?.text.contains("imgs0001") == true)
    }

    @Test("e on a job without images asks for no checks and clears old verdicts")
    func editWithoutImages() {
        var model = Self.table(selecting: "fail0003")
        _ = model.composer.setField(.first, text: "x.png")
        model.composer.receive(ImageVerdict(reference: "x.png", isUsable: true, summary: "PNG ✓"), for: .first)
        #expect(model.composer.verdicts[.first] != nil)
        #expect(model.press(.character("e")).isEmpty)
        #expect(model.composer.prompt.text == "two knights")
        #expect(model.composer.verdicts.isEmpty)
        #expect(model.focus == .prompt)
    }

    @Test("e at a narrow size closes the details pane so the composer shows")
    func editNarrow() {
        var model = UpdateSupport.model(size: UpdateSupport.narrow, jobs: UpdateSupport.mixedJobs, focus: .jobs)
        model.press(.enter)
        model.press(.character("e"))
        #expect(model.focus == .prompt)
        #expect(!model.details.isOpen)
        #expect(model.layout.showsComposer)
    }

    // MARK: R D h

    @Test("R on an unconfirmed job asks; y resubmits")
    func resubmitYes() {
        var model = Self.table(selecting: "unco0004")
        #expect(model.press(.character("R")).isEmpty)
        #expect(model.confirmation == .resubmit(jobID: "unco0004"))
        #expect(model.press(.character("y")) == [.resubmit(jobID: "unco0004")])
        #expect(model.confirmation == nil)
    }

    @Test("R on an unconfirmed job asks; n does nothing", arguments: [Key.character("n"), .escape])
    func resubmitNo(answer: Key) {
        var model = Self.table(selecting: "unco0004")
        model.press(.character("R"))
        #expect(model.press(answer).isEmpty)
        #expect(model.confirmation == nil)
        #expect(!model.quitting)
    }

    @Test("R on a failed or dismissed job asks too", arguments: ["fail0003", "dism0005"])
    func resubmitFailed(id: String) {
        var model = Self.table(selecting: id)
        model.press(.character("R"))
        #expect(model.confirmation == .resubmit(jobID: id))
        #expect(model.press(.character("Y")) == [.resubmit(jobID: id)])
    }

    @Test("R on a pending or completed job only explains", arguments: ["pend0001", "done0002"])
    func resubmitRefused(id: String) {
        var model = Self.table(selecting: id)
        #expect(model.press(.character("R")).isEmpty)
        #expect(model.confirmation == nil)
        #expect(model.statusBar.flash?.text.contains(id) == true)
    }

    @Test("D on an unconfirmed job dismisses it")
    func dismiss() {
        var model = Self.table(selecting: "unco0004")
        #expect(model.press(.character("D")) == [.dismiss(jobID: "unco0004")])
    }

    @Test("D on any other job only explains", arguments: ["pend0001", "done0002", "fail0003", "dism0005"])
    func dismissRefused(id: String) {
        var model = Self.table(selecting: id)
        #expect(model.press(.character("D")).isEmpty)
        #expect(model.statusBar.flash?.text.contains(id) == true)
    }

    @Test("h hides a shown job and shows a hidden one")
    func hide() {
        var model = Self.table(selecting: "done0002")
        #expect(model.press(.character("h")) == [.setHidden(jobID: "done0002", true)])
        var hidden = UpdateSupport.model(
            jobs: [UpdateSupport.entry("hide0007", .completed, hidden: true)], focus: .jobs)
        hidden.press(.character("H"))
        #expect(hidden.jobs.selectedID == "hide0007")
        #expect(hidden.press(.character("h")) == [.setHidden(jobID: "hide0007", false)])
    }

    // MARK: Copy

    @Test("c copies the id")
    func copyID() {
        var model = Self.table(selecting: "fail0003")
        #expect(model.press(.character("c")) == [.copy("fail0003")])
        #expect(model.statusBar.flash?.text.contains("fail0003") == true)
    }

    @Test("u copies the video URL; without one it explains")
    func copyURL() {
        var model = Self.table(selecting: "link0006")
        #expect(model.press(.character("u")) == [.copy("https://cdn.example.com/link0006.mp4")])
        var pending = Self.table(selecting: "pend0001")
        #expect(pending.press(.character("u")).isEmpty)
        #expect(pending.statusBar.flash?.text.contains("pend0001") == true)
    }

    @Test("y copies the file path; without one it explains")
    func copyPath() {
        var model = Self.table(selecting: "done0002")
        #expect(model.press(.character("y")) == [.copy("/home/ana/hailuo/done0002.mp4")])
        var linkOnly = Self.table(selecting: "link0006")
        #expect(linkOnly.press(.character("y")).isEmpty)
        #expect(linkOnly.statusBar.flash?.text.contains("d downloads") == true)
    }

    @Test("x copies an scp line; without a file it explains")
    func copyScp() {
        var environment = AppEnvironment.preview
        environment.sshConnection = "10.0.0.5 50000 10.0.0.9 2222"
        var model = Self.table(selecting: "done0002", environment: environment)
        #expect(model.press(.character("x")) == [.copy("scp -P 2222 ana@10.0.0.9:'/home/ana/hailuo/done0002.mp4' .")])
        var linkOnly = Self.table(selecting: "link0006")
        #expect(linkOnly.press(.character("x")).isEmpty)
        #expect(linkOnly.statusBar.flash != nil)
    }

    @Test("action keys with no job selected do nothing but say so")
    func actionsWithoutSelection() {
        var model = UpdateSupport.model(focus: .jobs)
        for key in ["n", "d", "r", "e", "R", "D", "h", "c", "u", "y", "x"] {
            model.statusBar.clearFlash()
            #expect(model.press(.character(Character(key))).isEmpty)
            #expect(model.statusBar.flash?.text == "no job selected")
        }
        #expect(model.confirmation == nil)
    }

    // MARK: scp line

    static func scpLine(ssh: String?, user: String? = "ana", hostName: String? = "render-01", path: String) -> String {
        var environment = AppEnvironment.preview
        environment.sshConnection = ssh
        environment.user = user
        environment.hostName = hostName
        return UpdateSupport.model(environment: environment).scpLine(for: path)
    }

    @Test("the scp line names the server address and port from SSH_CONNECTION")
    func scpWithPort() {
        let line = Self.scpLine(ssh: "10.0.0.5 50000 10.0.0.9 2222", path: "/path/with space/a.mp4")
        #expect(line == "scp -P 2222 ana@10.0.0.9:'/path/with space/a.mp4' .")
    }

    @Test("port 22 needs no -P")
    func scpPort22() {
        let line = Self.scpLine(ssh: "10.0.0.5 50000 10.0.0.9 22", path: "/v/a.mp4")
        #expect(line == "scp ana@10.0.0.9:'/v/a.mp4' .")
    }

    @Test("without SSH the host name is used")
    func scpWithoutSSH() {
        #expect(Self.scpLine(ssh: nil, path: "/v/a.mp4") == "scp ana@render-01:'/v/a.mp4' .")
    }

    @Test("a path with a single quote is quoted safely")
    func scpQuote() {
        let line = Self.scpLine(ssh: nil, path: "/v/it's a 'clip'.mp4")
        #expect(line == #"scp ana@render-01:'/v/it'\''s a '\''clip'\''.mp4' ."#)
    }

    @Test("an IPv6 server address is bracketed")
    func scpIPv6() {
        let line = Self.scpLine(ssh: "fe80::2 50000 fe80::1 2222", path: "/v/a.mp4")
        #expect(line == "scp -P 2222 ana@[fe80::1]:'/v/a.mp4' .")
    }

    @Test("without a user name there is no user@")
    func scpWithoutUser() {
        #expect(Self.scpLine(ssh: nil, user: nil, path: "/v/a.mp4") == "scp render-01:'/v/a.mp4' .")
    }
}
