import Foundation
import HailuoCore

/// Downloading: one transfer per job across processes, recorded in the store.
extension GenerationEngine {
    /// Downloads a completed job's video (once per process at a time) and records the file.
    /// - Parameter folder: where to save it (default: the configured download folder).
    @discardableResult
    public func download(_ reference: String, to folder: URL? = nil) async throws -> Job {
        let job = try requireJob(reference)
        guard job.phase == .completed else {
            throw EngineError("job \(job.id) is \(job.displayStatus); only completed jobs have a video to download")
        }
        let target = folder ?? configuration.downloadDirectory
        let demoBase = configuration.isDemo ? configuration.endpoint.baseURL : nil
        let source = Self.source(job, demoBase: demoBase)
        let task: Task<URL, any Error>
        if let running = downloads[job.id] {
            task = running
        } else {
            let downloader = downloader
            let hub = hub
            let store = store
            let client = client
            let lockURL = configuration.databaseURL.deletingLastPathComponent()
                .appendingPathComponent("locks").appendingPathComponent("download-\(job.id).lock")
            task = Task {
                // One process at a time per job. A file already saved there (by this process earlier,
                // or by the one we waited for) is returned as is: never a second copy.
                let lock = try await FileLock.acquire(lockURL)
                defer { lock.release() }
                if let saved = try store.job(id: job.id)?.filePath, Self.isSaved(saved, in: target) {
                    return URL(fileURLWithPath: saved)
                }
                let progress: @Sendable (DownloadProgress) -> Void = { hub.emit(.downloadProgress($0)) }
                let file: URL
                do {
                    file = try await downloader.download(job: source, into: target, progress: progress)
                } catch let failure as DownloadError {
                    guard case .expired = failure else { throw failure }
                    // Once: a link that expires again at once is the provider's problem to report.
                    let renewed = try await Self.freshLink(
                        for: source, expired: failure, client: client, store: store)
                    hub.emit(.jobChanged(renewed))
                    file = try await downloader.download(
                        job: Self.source(renewed, demoBase: demoBase), into: target, progress: progress)
                }
                try store.update(job.id, note: "downloaded to \(file.path)") {
                    $0.filePath = file.path
                    $0.downloadedAt = Date()
                }
                return file
            }
            downloads[job.id] = task
        }
        defer { downloads[job.id] = nil }
        do {
            _ = try await task.value
            let updated = try requireJob(job.id)
            hub.emit(.jobChanged(updated))
            return updated
        } catch {
            let message = String(describing: error)
            hub.emit(.downloadFailed(jobID: job.id, message: message))
            logger.warning("download of \(job.id) failed: \(message)")
            throw error
        }
    }

    /// The job as the downloader should see it: in demo mode, its link on this run's simulator
    /// (each demo run has its own port; its signed links are valid on any of them).
    static func source(_ job: Job, demoBase: String?) -> Job {
        var source = job
        if let demoBase, let url = job.videoURL { source.videoURL = rebase(url, onto: demoBase) }
        return source
    }

    /// Whether `file` exists directly inside `folder`.
    static func isSaved(_ file: String, in folder: URL) -> Bool {
        let url = URL(fileURLWithPath: file)
        return FileManager.default.fileExists(atPath: file)
            && url.deletingLastPathComponent().standardizedFileURL.path == folder.standardizedFileURL.path
    }

    /// `url` with its scheme, host and port replaced by those of `base`.
    static func rebase(_ url: String, onto base: String) -> String {
        guard var parts = URLComponents(string: url), let target = URLComponents(string: base) else { return url }
        parts.scheme = target.scheme
        parts.host = target.host
        parts.port = target.port
        return parts.string ?? url
    }

    func jobFinished(_ job: Job) async {
        if job.phase == .completed { await refreshBalance() }
        guard configuration.autoDownload, job.phase == .completed, job.filePath == nil else { return }
        _ = try? await download(job.id)
    }
}
