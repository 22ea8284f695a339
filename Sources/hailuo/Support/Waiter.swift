import Foundation
import HailuoCore
import HailuoEngine

/// Waits for jobs to finish, whoever polls them (this process or another), printing each
/// status change on stderr.
struct Waiter {
    let session: EngineSession
    let timeout: Double?
    let download: Bool
    let quiet: Bool

    /// Returns the jobs as they ended; throws `.timeout` when the deadline passes first.
    func wait(for ids: [String]) async throws -> [Job] {
        let engine = session.engine
        let progressTask = quiet ? nil : Task { await reportDownloads(engine.events()) }
        defer { progressTask?.cancel() }
        await engine.start(only: Set(ids))
        let started = Date()
        var lastShown: [String: String] = [:]
        var downloaded: Set<String> = []
        while true {
            try Task.checkCancellation()
            var jobs: [Job] = []
            for id in ids {
                guard let job = try session.engine.store.job(id: id) else {
                    throw CLIFailure(.usage, "job \(id) disappeared from the store")
                }
                jobs.append(job)
            }
            for job in jobs where lastShown[job.id] != job.displayStatus {
                lastShown[job.id] = job.displayStatus
                if !quiet {
                    let age = JobText.duration(Date().timeIntervalSince(job.submittedAt ?? job.createdAt))
                    Console.progress("\(job.id)  \(Redactor.inert(job.displayStatus))  \(age)")
                }
            }
            if download {
                for job in jobs where job.phase == .completed && job.filePath == nil && !downloaded.contains(job.id) {
                    downloaded.insert(job.id)
                    do {
                        let saved = try await engine.download(job.id)
                        if !quiet { Console.progress("\(job.id)  saved \(saved.filePath ?? "")") }
                    } catch {
                        Console.error("\(job.id): \(Redactor.inert(String(describing: error)))")
                    }
                }
            }
            let settled = jobs.allSatisfy { job in
                job.phase.isFinished
                    && (!download || job.phase != .completed || downloaded.contains(job.id) || job.filePath != nil)
                    || job.phase == .unconfirmed
            }
            if settled { return try ids.compactMap { try session.engine.store.job(id: $0) } }
            if let timeout, Date().timeIntervalSince(started) >= timeout {
                let open = jobs.filter { !$0.phase.isFinished }.map { "\($0.id) (\($0.displayStatus))" }
                throw CLIFailure(
                    .timeout,
                    "timed out after \(JobText.duration(timeout)); still running: \(open.joined(separator: ", ")). They go on upstream: run `hailuo wait \(open.isEmpty ? "ID" : jobs.filter { !$0.phase.isFinished }.map(\.id).joined(separator: " "))` later."
                )
            }
            try await Task.sleep(for: .milliseconds(250))
        }
    }

    private func reportDownloads(_ events: AsyncStream<EngineEvent>) async {
        var lastPercent: [String: Int] = [:]
        for await event in events {
            guard case .downloadProgress(let progress) = event, let total = progress.total, total > 0 else { continue }
            let percent = Int(progress.received * 100 / total)
            if percent / 25 != (lastPercent[progress.jobID] ?? -1) / 25 {
                lastPercent[progress.jobID] = percent
                Console.progress("\(progress.jobID)  downloading \(percent)%")
            }
        }
    }

    /// The exit status that sums up how the jobs ended.
    static func status(for jobs: [Job]) -> ExitStatus {
        if jobs.contains(where: { $0.phase == .unconfirmed }) { return .api }
        if jobs.contains(where: { $0.phase == .failed || $0.phase == .dismissed }) { return .jobFailed }
        return .success
    }
}
