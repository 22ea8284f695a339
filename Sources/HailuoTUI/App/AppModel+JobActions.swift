import Foundation
import HailuoCore
import TUIKit

extension AppModel {
    /// An action on the selected job, which the key map found available for it.
    mutating func perform(_ action: JobAction, on job: Job) -> [Command] {
        switch action {
        case .pollNow:
            guard job.phase == .pending else {
                show(JobRules.unconfirmedCheck(job))
                return []
            }
            return [.pollNow(jobID: job.id)]
        case .download: return [.download(jobID: job.id)]
        case .retry: return [.retry(jobID: job.id)]
        case .editAsNew:
            let checks = composer.load(job.parameters)
            moveFocus(to: .prompt)
            show("loaded \(job.id) into the composer; Ctrl-S submits it as a new job")
            return checks
        case .toggleFavourite:
            show(
                job.favourite
                    ? "\(job.id) is no longer a favourite" : "\(job.id) is a favourite (hailuo jobs --favourites)")
            return [.setFavourite(jobID: job.id, !job.favourite)]
        case .continueFromLastFrame:
            guard let video = job.filePath else { return [] }
            show("taking the last frame of \(job.id)\(environment.glyphs.ellipsis)")
            return [.continueFromLastFrame(jobID: job.id, video: video)]
        case .resubmit:
            confirmation = .resubmit(jobID: job.id, notFoundUpstream: job.settleState == .notFoundUpstream)
            return []
        case .dismiss: return [.dismiss(jobID: job.id)]
        case .toggleHidden: return [.setHidden(jobID: job.id, !job.hidden)]
        case .copyID: return copy(job.id, what: "id")
        case .copyURL: return copy(job.videoURL ?? "", what: "URL")
        case .copyPath: return copy(job.filePath ?? "", what: "path")
        case .copySCPLine: return copy(scpLine(for: job.filePath ?? ""), what: "scp line")
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
}
