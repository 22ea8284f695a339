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
    /// The shared job store; front ends read it through the engine's queries.
    nonisolated let store: JobStore
    nonisolated let hub = EventHub()
    nonisolated let owner: String
    let logger: Logger
    let http: HTTPClient
    let ownsHTTPClient: Bool
    let client: APIClient
    let scheduler: PollScheduler
    /// Looks unconfirmed jobs up in the provider's request logs.
    let settler: LogSettler
    let downloader: Downloader
    /// Catalogue prices, cached in the store.
    nonisolated let prices: PriceCatalogue
    /// The catalogue's list of models, cached in the store (``modelRoster(refresh:)``).
    nonisolated let rosterCatalogue: RosterCatalogue
    /// The latest balance and its background refreshes.
    let balanceKeeper: BalanceKeeper
    var watcher: Task<Void, Never>?
    /// Downloads in flight in this process, by job id (one per job).
    var downloads: [String: Task<URL, any Error>] = [:]
    var started = false

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
        let apiClient = APIClient(
            endpoint: configuration.endpoint, http: http, logger: logger,
            createRetry: configuration.createRetry, pollRetry: configuration.pollRetry)
        client = apiClient
        downloader = Downloader(
            httpClient: http, readTimeout: .milliseconds(Int64(configuration.endpoint.readTimeout * 1000)),
            logger: logger)
        prices = PriceCatalogue(
            store: store,
            client: CatalogueClient(
                baseURL: configuration.endpoint.baseURL, http: http, logger: logger,
                timeout: configuration.catalogueTimeout),
            now: configuration.clock)
        rosterCatalogue = RosterCatalogue(store: store, client: prices.client, now: configuration.clock)
        let hub = hub
        balanceKeeper = BalanceKeeper(
            isDemo: configuration.isDemo, fetch: { await apiClient.balance() }, publish: { hub.emit(.balance($0)) })
        let settings = PollScheduler.Settings(
            policy: configuration.policy, requestsPerSecond: configuration.requestsPerSecond,
            owner: owner, leaseSeconds: configuration.leaseSeconds,
            leaseRefreshSeconds: max(0.2, configuration.leaseSeconds / 3))
        let finished = FinishedRelay()
        scheduler = PollScheduler(
            store: store, client: client, settings: settings, logger: logger,
            emit: { hub.emit($0) }, onFinished: { finished.send($0) })
        let pollScheduler = scheduler
        settler = LogSettler(
            store: store, client: client,
            settings: LogSettler.Settings(
                policy: configuration.settle, owner: owner, leaseSeconds: configuration.leaseSeconds, only: nil),
            logger: logger, clock: configuration.clock, emit: { hub.emit($0) },
            onFound: { job in await pollScheduler.track(job) })
        finished.engine = self
    }

    /// A stream of everything that happens from now on (job changes, other processes' changes,
    /// connection state, download progress). Each call gives a new, independent stream.
    public nonisolated func events() -> AsyncStream<EngineEvent> { hub.subscribe() }

    /// Starts polling: resumes every unfinished job nobody else is polling, looks unconfirmed jobs
    /// up in the provider's request logs, watches the store for other processes' changes, and
    /// reads the balance in the background.
    /// - Parameter only: poll only these jobs (a `wait` leaves the rest to others).
    public func start(only: Set<String>? = nil) async {
        guard !started else { return }
        started = true
        if let only {
            await scheduler.restrict(to: only)
            await settler.restrict(to: only)
        }
        await scheduler.start()
        await balanceKeeper.refresh()
        await settler.start()
        watcher = watchStore()
    }

    /// Stops polling and downloads, gives leases back, and closes the HTTP client if owned.
    /// Unfinished jobs continue at the next start (here or in another process).
    public func shutdown() async {
        watcher?.cancel()
        watcher = nil
        await settler.stop()
        await scheduler.stop()
        await balanceKeeper.stop()
        for task in downloads.values { task.cancel() }
        downloads.removeAll()
        hub.finish()
        if ownsHTTPClient { try? await http.shutdown() }
    }

    // MARK: Reading

    /// Seconds after acceptance in which a job like this one usually finishes: learned from this
    /// store's finished jobs of the same model, duration and resolution, else the provider's figures.
    public nonisolated func expectedGenerationWindow(for job: Job) -> ClosedRange<Double> {
        let p = job.parameters
        let history = (try? store.generationTimes(model: p.model, duration: p.duration, resolution: p.resolution)) ?? []
        return configuration.policy.expectedWindow(model: p.model, duration: p.duration, history: history)
    }

    func requireJob(_ reference: String) throws -> Job {
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
