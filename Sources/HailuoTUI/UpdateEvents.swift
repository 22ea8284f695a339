import Foundation
import HailuoCore
import HailuoEngine
import TUIKit

extension AppModel {
    /// Results of work and engine events.
    mutating func handleEngineMessage(_ msg: Msg) -> [Command] {
        switch msg {
        case .jobsLoaded(let entries):
            if jobs.paused {
                jobs.heldReload = entries
                jobs.held = []
                return []
            }
            applyReload(entries)
            return []
        case .jobChanged(let entry): return jobChanged(entry)
        case .historyLoaded(let jobID, let events):
            history = JobHistory(jobID: jobID, events: events)
            return []
        case .connection(let state):
            connection = state
            return []
        case .downloadProgress(let progress):
            downloads[progress.jobID] = progress
            return []
        case .downloadFailed(let jobID, let message):
            downloads[jobID] = nil
            show("download of \(jobID) failed: \(message)", error: true)
            return []
        case .submitFinished(let parameters, let outcome): return submitFinished(parameters, outcome)
        case .actionFinished(let text, let isError):
            show(text, error: isError)
            return []
        case .imageChecked(let slot, let verdict):
            guard composer.reference(slot) == verdict.reference else { return [] }
            composer.verdicts[slot] = verdict
            let field = slot.field
            if verdict.isUsable { composer.issues[field] = nil }
            return []
        case .pathCompletions(let slot, let typed, let candidates):
            return applyCompletions(slot, typed: typed, candidates: candidates)
        case .input, .tick, .terminate:
            return []
        }
    }

    /// Replaces every entry with a fresh list from the store.
    mutating func applyReload(_ entries: [JobEntry]) {
        var fresh: [String: JobEntry] = [:]
        for entry in entries { fresh[entry.id] = entry }
        jobs.entries = fresh
        jobs.held = []
        jobs.heldReload = nil
        jobs.rebuild()
        keepSelectionVisible()
    }

    private mutating func jobChanged(_ entry: JobEntry) -> [Command] {
        let previous = jobs.held.last(where: { $0.id == entry.id }) ?? jobs.entries[entry.id]
        if entry.job.filePath != nil { downloads[entry.id] = nil }
        var commands: [Command] = []
        let finishedNow = entry.job.phase == .completed || entry.job.phase == .failed
        let wasRunning = previous.map { $0.job.phase == .pending || $0.job.phase == .submitting } ?? false
        if finishedNow, wasRunning, !(detailsOpen && jobs.selectedID == entry.id) {
            commands.append(.notify(title: "hailuo: \(entry.job.phase.rawValue)", body: Self.noticeBody(entry.job)))
        }
        if jobs.paused {
            jobs.held.removeAll { $0.id == entry.id }
            jobs.held.append(entry)
            return commands
        }
        jobs.apply(entry)
        keepSelectionVisible()
        return commands
    }

    static func noticeBody(_ job: Job) -> String {
        let prompt = InertText.render(job.parameters.prompt, limit: 60)
        if job.phase == .failed {
            return "\(job.id) failed: \(job.errorMessage ?? "no reason given") · \(prompt)"
        }
        return "\(job.id) is ready · \(prompt)"
    }

    private mutating func submitFinished(_ parameters: GenerationParameters, _ outcome: SubmitOutcome) -> [Command] {
        submissionsInFlight = max(0, submissionsInFlight - 1)
        switch outcome {
        case .stored(let entry):
            jobs.entries[entry.id] = entry
            if jobs.paused { jobs.held.removeAll { $0.id == entry.id } }
            jobs.rebuild()
            if jobs.visible.contains(entry.id) { jobs.selectedID = entry.id }
            keepSelectionVisible()
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
            if lastSubmitted?.parameters == parameters { lastSubmitted = nil }
            showIssues(issues)
        case .failed(let message):
            if lastSubmitted?.parameters == parameters { lastSubmitted = nil }
            show("not sent: \(message)", error: true)
        }
        return []
    }
}
