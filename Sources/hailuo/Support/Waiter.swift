import Foundation
import HailuoCore
import HailuoEngine
import Synchronization

/// Waits for jobs to finish, whoever polls them (this process or another): each status change
/// is a line on stderr, and on a terminal one live line shows time left or download progress.
struct Waiter {
    let session: EngineSession
    let timeout: Double?
    let download: Bool
    let quiet: Bool
    /// Download progress and failures seen while waiting (the caller may read the failures after).
    var transfers = TransferBoard()

    /// Returns the jobs as they ended; throws a `.timeout` failure when the deadline passes first.
    func wait(for ids: [String]) async throws -> [Job] {
        let engine = session.engine
        let live = LiveLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        defer { live.clear() }
        let transfers = transfers
        let listener = Task {
            for await event in engine.events() { transfers.note(event) }
        }
        defer { listener.cancel() }
        await engine.start(only: Set(ids))
        let started = Date()
        var shownStatus: [String: String] = [:]
        var shownFile: Set<String> = []
        var requested: Set<String> = []
        while true {
            try Task.checkCancellation()
            let jobs = try ids.map { id in
                guard let job = try engine.job(id: id) else {
                    throw CLIFailure(.usage, "job \(id) disappeared from the store")
                }
                return job
            }
            for job in jobs {
                if shownStatus[job.id] != job.displayStatus, !quiet {
                    let age = JobText.duration(Date().timeIntervalSince(job.submittedAt ?? job.createdAt))
                    live.print("\(job.id)  \(InertText.oneLine(job.displayStatus))  \(age)")
                }
                shownStatus[job.id] = job.displayStatus
                if let file = job.filePath, !shownFile.contains(job.id), !quiet {
                    live.print("\(job.id)  saved \(file)")
                }
                if job.filePath != nil { shownFile.insert(job.id) }
                if let failure = transfers.takeFailure(job.id) {
                    live.print("\(job.id)  download failed: \(Console.message(failure))")
                }
                if download, job.phase == .completed, job.filePath == nil, !requested.contains(job.id) {
                    requested.insert(job.id)
                    Task { _ = try? await engine.download(job.id) }
                }
            }
            live.show(liveText(jobs, transfers))
            let settled = jobs.allSatisfy { job in
                job.phase == .unconfirmed
                    || job.phase.isFinished
                        && (!download || job.phase != .completed || job.filePath != nil || transfers.failed(job.id))
            }
            if settled {
                // A failure that arrived after this round's lines were printed is still shown.
                for job in jobs {
                    if let failure = transfers.takeFailure(job.id), !quiet {
                        live.print("\(job.id)  download failed: \(Console.message(failure))")
                    }
                }
                return jobs
            }
            if let timeout, Date().timeIntervalSince(started) >= timeout {
                let open = jobs.filter { !$0.phase.isFinished }
                let listed = open.map { "\($0.id) (\($0.displayStatus))" }.joined(separator: ", ")
                let again = open.map(\.id).joined(separator: " ")
                throw CLIFailure(
                    .timeout,
                    "timed out after \(JobText.duration(timeout)); still running: \(listed). "
                        + "They go on upstream: run `hailuo wait \(again)` later.")
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    /// "21z5f01a  generating  14s, about 20s left" for one pending job, a count for several,
    /// or download progress.
    private func liveText(_ jobs: [Job], _ transfers: TransferBoard) -> String {
        for job in jobs where job.phase == .completed && job.filePath == nil {
            if let percent = transfers.percent(job.id) { return "\(job.id)  downloading \(percent)%" }
        }
        let pending = jobs.filter(\.phase.isActive)
        guard let job = pending.first else { return "" }
        if pending.count > 1 { return "\(pending.count) jobs pending…" }
        let elapsed = Date().timeIntervalSince(job.submittedAt ?? job.createdAt)
        let window = session.engine.expectedGenerationWindow(for: job)
        let outlook: String
        if elapsed < window.lowerBound {
            let middle = (window.lowerBound + window.upperBound) / 2
            outlook = "about \(JobText.duration(middle - elapsed)) left"
        } else if elapsed <= window.upperBound {
            outlook = "due any moment"
        } else {
            outlook = "running late (usually done within \(JobText.duration(window.upperBound)))"
        }
        return "\(job.id)  \(InertText.oneLine(job.displayStatus))  \(JobText.duration(elapsed)), \(outlook)"
    }

    /// The exit status that sums up how the jobs ended.
    /// A completed job whose video was asked for but not saved counts as a network error.
    static func status(for jobs: [Job], download: Bool = false) -> ExitStatus {
        if jobs.contains(where: { $0.phase == .unconfirmed }) { return .api }
        if jobs.contains(where: { $0.phase == .failed || $0.phase == .dismissed }) { return .jobFailed }
        if download, jobs.contains(where: { $0.phase == .completed && $0.filePath == nil }) { return .api }
        return .success
    }

    /// The sentence for a completed job whose video was asked for but not saved.
    static func notSaved(_ job: Job, reason: String?) -> String {
        "job \(job.id) completed but its video was not saved: "
            + Console.message(reason ?? "the download did not finish")
            + " Try again with `hailuo download \(job.id)`."
    }
}

/// Download progress and failures seen in engine events, read by the waiter's loop.
final class TransferBoard: Sendable {
    private struct State {
        var percent: [String: Int] = [:]
        var failures: [String: String] = [:]
        var failed: Set<String> = []
        var last: [String: String] = [:]
    }
    private let state = Mutex(State())

    func note(_ event: EngineEvent) {
        state.withLock { state in
            switch event {
            case .downloadProgress(let progress):
                if let total = progress.total, total > 0 {
                    state.percent[progress.jobID] = Int(progress.received * 100 / total)
                }
            case .downloadFailed(let jobID, let message):
                state.failures[jobID] = message
                state.last[jobID] = message
                state.failed.insert(jobID)
            default:
                break
            }
        }
    }

    func percent(_ jobID: String) -> Int? { state.withLock { $0.percent[jobID] } }

    func failed(_ jobID: String) -> Bool { state.withLock { $0.failed.contains(jobID) } }

    /// The job's latest download failure, kept after it was shown.
    func lastFailure(_ jobID: String) -> String? { state.withLock { $0.last[jobID] } }

    /// The failure message for the job, once.
    func takeFailure(_ jobID: String) -> String? { state.withLock { $0.failures.removeValue(forKey: jobID) } }
}
