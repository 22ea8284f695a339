import Foundation
import HailuoCore
import TUIKit

extension AppModel {
    /// Results of work and engine events, each handed to the component it is about.
    mutating func receive(_ msg: Msg) -> [Command] {
        switch msg {
        case .jobsLoaded(let entries):
            jobs.reload(entries)
        case .jobChanged(let entry): return jobsChanged([entry])
        case .jobsChanged(let entries): return jobsChanged(entries)
        case .historyLoaded(let jobID, let events):
            details.receive(JobHistory(jobID: jobID, events: events))
        case .connection(let state):
            statusBar.setConnection(state)
        case .balance(let usd):
            statusBar.setBalance(usd)
        case .rosterLoaded(let roster):
            composer.setUnavailableModels(roster.unavailable)
        case .priceQuoted(let parameters, let quote):
            composer.receive(quote, for: parameters)
        case .downloadProgress(let progress):
            jobs.setProgress(progress)
        case .downloadFailed(let jobID, let message):
            jobs.endDownload(jobID)
            show("download of \(jobID) failed: \(message)", error: true)
        case .submitFinished(let parameters, let outcome): submitFinished(parameters, outcome)
        case .actionFinished(let text, let isError):
            show(text, error: isError)
        case .imageChecked(let slot, let verdict):
            composer.receive(verdict, for: slot)
        case .groupsLoaded(let groups):
            jobs.receive(groups: groups)
        case .variantsFinished(let parameters, let outcome):
            variantsFinished(parameters, outcome)
        case .pictureMade(let request, let outcome):
            pictures.receive(outcome, for: request)
        case .lastFrameExtracted(let jobID, let path):
            return continueDraft(from: jobID, firstFrame: path)
        case .pathCompletions(let slot, let typed, let candidates):
            return take(
                composer.applyCompletions(slot, typed: typed, candidates: candidates, focused: focus == slot.focus))
        case .presetsLoaded(let load): return take(presets.receive(load))
        case .presetSaved(let outcome): return take(presets.receive(outcome))
        case .input, .tick, .terminate:
            break
        }
        return []
    }

    /// Jobs changed: the table takes them, and each job that finished unseen is announced.
    private mutating func jobsChanged(_ entries: [JobEntry]) -> [Command] {
        var notices: [Command] = []
        for entry in entries {
            let wasRunning = jobs.latest(entry.id)?.job.phase.isRunning ?? false
            let finishedNow = entry.job.phase == .completed || entry.job.phase == .failed
            let seen = details.isOpen && jobs.selectedID == entry.id
            guard finishedNow, wasRunning, !seen else { continue }
            notices.append(.notify(title: "hailuo: \(entry.job.phase.rawValue)", body: Self.noticeBody(entry.job)))
        }
        jobs.receive(entries)
        return notices
    }

    static func noticeBody(_ job: Job) -> String {
        let prompt = InertText.render(job.parameters.prompt, limit: 60)
        if job.phase == .failed {
            return "\(job.id) failed: \(job.errorMessage ?? "no reason given") · \(prompt)"
        }
        return "\(job.id) is ready · \(prompt)"
    }

    private mutating func submitFinished(_ parameters: GenerationParameters, _ outcome: SubmitOutcome) {
        switch outcome {
        case .stored(let entry):
            submissions.ended(parameters, sent: true)
            jobs.insertSubmitted(entry)
            switch entry.job.phase {
            case .unconfirmed:
                show(
                    "\(entry.id): the provider's answer was lost; it may be billed, so it is not resent "
                        + "(R resubmit, D dismiss)", error: true)
            case .failed:
                show("\(entry.id) was refused: \(entry.job.errorMessage ?? "no reason given")", error: true)
            default:
                show("submitted \(entry.id); it shows in the table below")
            }
        case .invalid(let issues):
            submissions.ended(parameters, sent: false)
            showIssues(issues)
        case .failed(let message):
            submissions.ended(parameters, sent: false)
            show("not sent: \(message)", error: true)
        }
    }
}
