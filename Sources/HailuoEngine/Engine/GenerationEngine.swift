import AsyncHTTPClient
import Foundation
import HailuoCore
import Logging
import Synchronization

/// The one generation engine behind every front end: validates, stores write-ahead, submits
/// with money safety, polls under one rate cap, downloads, and reports through ``events()``.
///
/// Several processes may run an engine on the same store at once; each pending job is polled by
/// one of them (a lease), and every process sees every job.
public actor GenerationEngine {
    public nonisolated let configuration: EngineConfiguration
    /// The shared job store (read it freely; change jobs through the engine).
    public nonisolated let store: JobStore
    nonisolated let hub = EventHub()
    nonisolated let owner: String
    let logger: Logger
    let http: HTTPClient
    let ownsHTTPClient: Bool
    let client: APIClient
    let scheduler: PollScheduler
    let downloader: Downloader
    private var watcher: Task<Void, Never>?
    private var downloads: [String: Task<URL, any Error>] = [:]
    private var started = false

    /// Opens the store and prepares the HTTP client; call ``start(only:)`` to begin polling.
    /// - Parameter httpClient: a shared client; when `nil` the engine makes and owns one.
    public init(configuration: EngineConfiguration, logger: Logger, httpClient: HTTPClient? = nil) throws {
        self.configuration = configuration
        self.logger = logger
        store = try JobStore(url: configuration.databaseURL)
        owner = ProcessOwner.make()
        if let httpClient {
            http = httpClient
            ownsHTTPClient = false
        } else {
            var config = HTTPClient.Configuration()
            config.timeout = .init(
                connect: .milliseconds(Int64(configuration.endpoint.connectTimeout * 1000)),
                read: .milliseconds(Int64(configuration.endpoint.readTimeout * 1000)))
            config.redirectConfiguration = .follow(max: 5, allowCycles: false)
            // Our own retry policy (bounded, visible, money-aware) decides about reconnecting.
            config.connectionPool.retryConnectionEstablishment = false
            http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
            ownsHTTPClient = true
        }
        client = APIClient(
            endpoint: configuration.endpoint, http: http, logger: logger,
            createRetry: configuration.createRetry, pollRetry: configuration.pollRetry)
        downloader = Downloader(
            httpClient: http, readTimeout: .milliseconds(Int64(configuration.endpoint.readTimeout * 1000)),
            logger: logger)
        let hub = hub
        let settings = PollScheduler.Settings(
            policy: configuration.policy, requestsPerSecond: configuration.requestsPerSecond,
            owner: owner, leaseSeconds: configuration.leaseSeconds,
            leaseRefreshSeconds: max(0.2, configuration.leaseSeconds / 3))
        let finished = FinishedRelay()
        scheduler = PollScheduler(
            store: store, client: client, settings: settings, logger: logger,
            emit: { hub.emit($0) }, onFinished: { finished.send($0) })
        finished.engine = self
    }

    /// A stream of everything that happens from now on (job changes, other processes' changes,
    /// connection state, download progress). Each call gives a new, independent stream.
    public nonisolated func events() -> AsyncStream<EngineEvent> { hub.subscribe() }

    /// Starts polling: resumes every unfinished job nobody else is polling, and watches the
    /// store for other processes' changes.
    /// - Parameter only: poll only these jobs (a `wait` leaves the rest to others).
    public func start(only: Set<String>? = nil) async {
        guard !started else { return }
        started = true
        if let only {
            await scheduler.restrict(to: only)
        }
        await scheduler.start()
        let store = store
        let hub = hub
        let interval = configuration.storeWatchInterval
        watcher = Task.detached {
            var seen = (try? store.revision()) ?? 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(interval))
                guard let now = try? store.revision() else { continue }
                if now != seen {
                    seen = now
                    hub.emit(.storeChanged)
                }
            }
        }
    }

    /// Stops polling and downloads, gives leases back, and closes the HTTP client if owned.
    /// Unfinished jobs continue at the next start (here or in another process).
    public func shutdown() async {
        watcher?.cancel()
        watcher = nil
        await scheduler.stop()
        for task in downloads.values { task.cancel() }
        downloads.removeAll()
        hub.finish()
        if ownsHTTPClient { try? await http.shutdown() }
    }

    // MARK: Submitting

    /// Checks a request without sending or storing anything, reading only image headers
    /// (cheap enough to run as the user types; front ends show the issues by field).
    public nonisolated func check(_ parameters: GenerationParameters) -> [ValidationIssue] {
        RequestBuilder.check(parameters, home: configuration.home)
    }

    /// Validates, writes the job row (every parameter, image path and SHA-256), POSTs, and
    /// records the answer. Returns the job in its new phase: `pending` (accepted), `unconfirmed`
    /// (the answer was lost: never resent automatically) or `failed` (refused; not billed).
    /// Throws only when nothing was sent (invalid request, store failure).
    public func submit(_ parameters: GenerationParameters) async throws(SubmitError) -> Job {
        let prepared: PreparedRequest
        do {
            prepared = try RequestBuilder.prepare(
                parameters, family: configuration.endpoint.family, home: configuration.home)
        } catch {
            throw .invalid(error)
        }
        let now = Date()
        var job = Job(
            id: LocalID.make(), phase: .submitting, parameters: parameters,
            firstFramePath: prepared.firstFrame?.path, firstFrameSHA256: prepared.firstFrame?.sha256,
            lastFramePath: prepared.lastFrame?.path, lastFrameSHA256: prepared.lastFrame?.sha256,
            family: configuration.endpoint.family, baseURL: configuration.endpoint.baseURL,
            profile: configuration.profile, createdAt: now, updatedAt: now)
        do {
            try insertFresh(&job)
        } catch {
            throw .local("could not write the job to the store: \(error)")
        }
        logger.info("submitting job \(job.id): \(RequestBuilder.describe(prepared))")
        return await send(prepared, for: job)
    }

    /// Sends an unconfirmed (or failed) job's request again, as the same job. This is the
    /// explicit user action API.md requires before a possibly billed request is repeated.
    public func resubmit(_ reference: String) async throws -> Job {
        let job = try requireJob(reference)
        guard job.phase == .unconfirmed || job.phase == .failed || job.phase == .dismissed else {
            throw EngineError(
                "job \(job.id) is \(job.displayStatus); only unconfirmed or failed jobs can be resubmitted")
        }
        let prepared: PreparedRequest
        do {
            prepared = try RequestBuilder.prepare(
                job.parameters, family: configuration.endpoint.family, home: configuration.home)
        } catch {
            throw EngineError("the job can no longer be sent as it was: \(error)")
        }
        if let old = job.firstFrameSHA256, let new = prepared.firstFrame?.sha256, old != new {
            throw EngineError(
                "the first-frame file \(job.firstFramePath ?? "") changed since the job was made; submit it as a new job"
            )
        }
        let reset = try store.update(job.id, note: "resubmitted by the user") {
            $0.phase = .submitting
            $0.generationID = nil
            $0.providerStatus = nil
            $0.errorMessage = nil
            $0.errorRequestID = nil
            $0.finishedAt = nil
        }
        _ = try store.claim(jobID: reset.id, owner: owner, leaseSeconds: 3600)
        return await send(prepared, for: reset)
    }

    /// A new job with the same parameters as an earlier one.
    public func retry(_ reference: String) async throws -> Job {
        let job = try requireJob(reference)
        return try await submit(job.parameters)
    }

    /// Marks an unconfirmed submission as dismissed by the user (kept, never deleted).
    public func dismiss(_ reference: String) throws -> Job {
        let job = try requireJob(reference)
        guard job.phase == .unconfirmed else {
            throw EngineError("job \(job.id) is \(job.displayStatus); only unconfirmed jobs can be dismissed")
        }
        let updated = try store.update(job.id, note: "dismissed by the user") { $0.phase = .dismissed }
        hub.emit(.jobChanged(updated))
        return updated
    }

    /// Hides a job from default listings, or shows it again.
    public func setHidden(_ reference: String, _ hidden: Bool) throws -> Job {
        let job = try requireJob(reference)
        let updated = try store.update(job.id) { $0.hidden = hidden }
        hub.emit(.jobChanged(updated))
        return updated
    }

    /// Polls the job as soon as the rate cap allows. `false` when another process polls it
    /// (it holds the lease) or it is not pending.
    @discardableResult
    public func pollNow(_ reference: String) async throws -> Bool {
        let job = try requireJob(reference)
        return await scheduler.pollNow(job.id)
    }

    private func insertFresh(_ job: inout Job) throws {
        for attempt in 1...5 {
            do {
                try store.insert(job, leaseOwner: owner, leaseSeconds: 3600, note: "submitting")
                return
            } catch  where attempt < 5 {
                job.id = LocalID.make()
            }
        }
    }

    private func send(_ prepared: PreparedRequest, for job: Job) async -> Job {
        hub.emit(.jobChanged(job))
        let outcome: Job
        do {
            let hub = hub
            let created = try await client.create(body: prepared.body, path: prepared.path) { error, wait in
                if case .http(429, _, _) = error {
                    hub.emit(.connection(.rateLimited(until: Date().addingTimeInterval(wait))))
                } else {
                    hub.emit(.connection(.offline("\(error); retrying in \(Int(wait.rounded(.up))) s")))
                }
            }
            hub.emit(.connection(.online))
            outcome =
                (try? store.update(job.id, note: "accepted") {
                    $0.generationID = created.generationID
                    $0.phase = .pending
                    $0.providerStatus = created.status ?? "queued"
                    $0.submittedAt = Date()
                    $0.usageJSON = created.usageJSON
                }) ?? job
            logger.info("job \(job.id) accepted as generation \(created.generationID)")
            await scheduler.track(outcome)
        } catch {
            outcome = record(error, for: job)
        }
        hub.emit(.jobChanged(outcome))
        return outcome
    }

    private func record(_ error: APIError, for job: Job) -> Job {
        let phase: JobPhase
        let message: String
        switch error {
        case .answerLost, .unreadable:
            phase = .unconfirmed
            message = "\(error); the job may have been created and billed, so it was not sent again"
        case .http(let status, _, _) where status == 500 || status == 502 || status == 504:
            phase = .unconfirmed
            message = "\(error); the job may have been created and billed, so it was not sent again"
        default:
            phase = .failed
            message = "\(error)"
        }
        logger.notice("submission of \(job.id) ended \(phase.rawValue): \(message)")
        let updated =
            (try? store.update(job.id, note: message) {
                $0.phase = phase
                $0.errorMessage = message
                $0.errorRequestID = error.requestID
                if phase == .failed { $0.finishedAt = Date() }
            }) ?? job
        try? store.releaseLease(jobID: job.id, owner: owner)
        return updated
    }

    // MARK: Downloading

    /// Downloads a completed job's video (once per process at a time) and records the file.
    /// - Parameter folder: where to save it (default: the configured download folder).
    @discardableResult
    public func download(_ reference: String, to folder: URL? = nil) async throws -> Job {
        let job = try requireJob(reference)
        guard job.phase == .completed else {
            throw EngineError("job \(job.id) is \(job.displayStatus); only completed jobs have a video to download")
        }
        let target = folder ?? configuration.downloadDirectory
        if let existing = job.filePath, Self.isSaved(existing, in: target) {
            return job  // already saved there; never a second copy
        }
        var source = job
        if configuration.isDemo, let url = job.videoURL {
            // Each demo run has its own simulator port; its signed links are valid on any of them.
            source.videoURL = Self.rebase(url, onto: configuration.endpoint.baseURL)
        }
        let task: Task<URL, any Error>
        if let running = downloads[job.id] {
            task = running
        } else {
            let downloader = downloader
            let hub = hub
            let store = store
            let lockURL = configuration.databaseURL.deletingLastPathComponent()
                .appendingPathComponent("locks").appendingPathComponent("download-\(job.id).lock")
            task = Task {
                // One process at a time per job; a process that waited finds the file already saved.
                let lock = try await FileLock.acquire(lockURL)
                defer { lock.release() }
                if let saved = try store.job(id: job.id)?.filePath, Self.isSaved(saved, in: target) {
                    return URL(fileURLWithPath: saved)
                }
                let file = try await downloader.download(job: source, into: target) {
                    hub.emit(.downloadProgress($0))
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
        guard configuration.autoDownload, job.phase == .completed, job.filePath == nil else { return }
        _ = try? await download(job.id)
    }

    // MARK: Reading

    /// Seconds after acceptance in which a job like this one usually finishes: learned from this
    /// store's finished jobs of the same model, duration and resolution, else the provider's figures.
    public nonisolated func expectedGenerationWindow(for job: Job) -> ClosedRange<Double> {
        let p = job.parameters
        let history = (try? store.generationTimes(model: p.model, duration: p.duration, resolution: p.resolution)) ?? []
        return configuration.policy.expectedWindow(model: p.model, duration: p.duration, history: history)
    }

    /// Finds a job by local id, generation id, or unambiguous id prefix.
    public nonisolated func job(_ reference: String) throws -> Job? { try store.resolve(reference) }

    private func requireJob(_ reference: String) throws -> Job {
        guard let job = try store.resolve(reference) else { throw EngineError("no job matches \"\(reference)\"") }
        return job
    }
}

/// Carries "a job finished" from the scheduler to the engine without a strong reference cycle.
final class FinishedRelay: Sendable {
    private struct WeakEngine: @unchecked Sendable {
        weak var engine: GenerationEngine?
    }
    private let target = Mutex(WeakEngine())

    var engine: GenerationEngine? {
        get { target.withLock { $0.engine } }
        set { target.withLock { $0.engine = newValue } }
    }

    func send(_ job: Job) {
        guard let engine else { return }
        Task { await engine.jobFinished(job) }
    }
}
