import Foundation
import HailuoCore
import TUIKit

extension AppModel {
    mutating func handleJobsKey(_ key: Key) -> [Command] {
        let page = max(1, layout.tableRows - 1)
        switch key {
        case .up, .character("k"): jobs.moveSelection(by: -1)
        case .down, .character("j"): jobs.moveSelection(by: 1)
        case .pageUp: jobs.moveSelection(by: -page)
        case .pageDown: jobs.moveSelection(by: page)
        case .home, .character("g"): jobs.moveSelection(by: -jobs.visible.count)
        case .end, .character("G"): jobs.moveSelection(by: jobs.visible.count)
        case .enter: detailsOpen.toggle()
        case .character("q"): return requestQuit()
        case .character("/"):
            filterEditor = TextEditor(text: jobs.textFilter, singleLine: true)
        case .character("f"):
            jobs.statusFilter = jobs.statusFilter.next
            jobs.rebuild()
            show("showing \(jobs.statusFilter.rawValue) jobs")
        case .character("s"):
            jobs.sort = jobs.sort.next
            jobs.rebuild()
            show("sorted by \(jobs.sort.rawValue)")
        case .character("p"):
            return togglePause()
        case .character("H"):
            jobs.showHidden.toggle()
            jobs.rebuild()
            show(jobs.showHidden ? "hidden jobs are shown" : "hidden jobs are not shown")
        default:
            return handleJobAction(key)
        }
        keepSelectionVisible()
        return []
    }

    private mutating func togglePause() -> [Command] {
        jobs.paused.toggle()
        if !jobs.paused {
            let held = jobs.held
            if let reload = jobs.heldReload { applyReload(reload) }
            for entry in held { jobs.entries[entry.id] = entry }
            jobs.held = []
            jobs.rebuild()
            keepSelectionVisible()
            show("updates resumed")
        } else {
            show("updates paused (p resumes); jobs still run")
        }
        return []
    }

    /// Keys that act on the selected job.
    private mutating func handleJobAction(_ key: Key) -> [Command] {
        guard let entry = jobs.selected else {
            if case .character = key { show("no job selected") }
            return []
        }
        let job = entry.job
        switch key {
        case .character("n"):
            if job.phase == .unconfirmed, job.generationID == nil {
                show(
                    "\(job.id): the provider's answer never arrived, so there is no id to check; look for a job "
                        + "sent at \(Self.clock(job.createdAt)) in your AI/ML API dashboard, then R resubmit or D dismiss"
                )
                return []
            }
            guard job.phase == .pending else {
                show("\(job.id) is \(job.displayStatus); only pending jobs are polled")
                return []
            }
            return [.pollNow(jobID: job.id)]
        case .character("d"):
            guard job.phase == .completed else {
                show("\(job.id) is \(job.displayStatus); only completed jobs have a video", error: true)
                return []
            }
            return [.download(jobID: job.id)]
        case .character("r"): return [.retry(jobID: job.id)]
        case .character("e"):
            composer.load(job.parameters)
            moveFocus(to: .prompt)
            show("loaded \(job.id) into the composer; Ctrl-S submits it as a new job")
            var checks: [Command] = []
            if let first = job.parameters.firstFrame { checks.append(.checkImage(.first, first)) }
            if let last = job.parameters.lastFrame { checks.append(.checkImage(.last, last)) }
            return checks
        case .character("R"):
            guard [.unconfirmed, .failed, .dismissed].contains(job.phase) else {
                show("\(job.id) is \(job.displayStatus); only unconfirmed or failed jobs can be resubmitted")
                return []
            }
            confirmation = .resubmit(jobID: job.id)
            return []
        case .character("D"):
            guard job.phase == .unconfirmed else {
                show("\(job.id) is \(job.displayStatus); only unconfirmed submissions can be dismissed")
                return []
            }
            return [.dismiss(jobID: job.id)]
        case .character("h"): return [.setHidden(jobID: job.id, !job.hidden)]
        case .character("c"): return copy(job.id, what: "id")
        case .character("u"):
            guard let url = job.videoURL else {
                show("\(job.id) has no video URL yet")
                return []
            }
            return copy(url, what: "URL")
        case .character("y"):
            guard let path = job.filePath else {
                show("\(job.id) is not downloaded yet (d downloads it)")
                return []
            }
            return copy(path, what: "path")
        case .character("x"):
            guard let path = job.filePath else {
                show("\(job.id) is not downloaded yet (d downloads it)")
                return []
            }
            return copy(scpLine(for: path), what: "scp line")
        default:
            return []
        }
    }

    private mutating func copy(_ text: String, what: String) -> [Command] {
        show("copied the \(what) to the clipboard (OSC 52): \(InertText.render(text, limit: 60))")
        return [.copy(text)]
    }

    /// A command to run on the user's own machine to fetch `path`: `scp user@host:'path' .`.
    func scpLine(for path: String) -> String {
        let host: String
        if let ssh = environment.sshConnection?.split(separator: " "), ssh.count >= 3 {
            let server = String(ssh[2])
            host = server.contains(":") ? "[\(server)]" : server
        } else {
            host = environment.hostName ?? "localhost"
        }
        let port = environment.sshConnection?.split(separator: " ").dropFirst(3).first.map(String.init)
        let portFlag = port.map { $0 == "22" ? "" : "-P \($0) " } ?? ""
        let user = environment.user.map { "\($0)@" } ?? ""
        let quoted = "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return "scp \(portFlag)\(user)\(host):\(quoted) ."
    }

    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    // MARK: Filter

    mutating func handleFilterKey(_ key: Key) -> [Command] {
        guard var editor = filterEditor else { return [] }
        switch key {
        case .enter:
            filterEditor = nil
            show(jobs.textFilter.isEmpty ? "filter cleared" : "\(jobs.visible.count) jobs match")
        case .escape:
            filterEditor = nil
            applyTextFilter("")
        default:
            _ = editor.handle(key, width: 40)
            filterEditor = editor
            applyTextFilter(editor.text)
        }
        return []
    }

    mutating func applyTextFilter(_ text: String) {
        jobs.textFilter = text
        jobs.rebuild()
        keepSelectionVisible()
    }
}
