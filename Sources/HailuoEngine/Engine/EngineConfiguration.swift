import Foundation
import HailuoCore

/// Everything the engine needs, already resolved (see `Settings` for where it comes from).
public struct EngineConfiguration: Sendable {
    public var endpoint: APIEndpoint
    /// The config profile's name, stored with each job.
    public var profile: String
    /// The SQLite job store.
    public var databaseURL: URL
    /// Where videos are saved.
    public var downloadDirectory: URL
    /// Download each video as soon as it completes (by the process that polled it).
    public var autoDownload: Bool
    public var policy: PollPolicy
    /// One cap on poll requests per second for all jobs of this process.
    public var requestsPerSecond: Double
    /// Running against the simulator; no credits are spent.
    public var isDemo: Bool
    /// The home folder used to expand `~` in image paths (nil: the process's `HOME`).
    public var home: String?
    public var createRetry: RetryPolicy
    public var pollRetry: RetryPolicy
    /// Seconds a poll lease lasts without renewal; a dead holder's jobs move on after this.
    public var leaseSeconds: Double
    /// How often to look for other processes' changes in the store, seconds, where the system cannot
    /// say when the store's files are written (without inotify); with it, changes are seen at once.
    public var storeWatchInterval: Double
    /// Spending caps checked before each job is sent (none by default).
    public var budget: Budget
    /// Seconds a catalogue fetch (prices) may take before the cache or built-in table is used.
    public var catalogueTimeout: Double
    /// How unconfirmed jobs are looked up in the provider's request logs.
    public var settle: SettlePolicy
    /// The time used for the price cache's age, the budget's periods and the settle grace (tests move it).
    public var clock: @Sendable () -> Date

    public init(
        endpoint: APIEndpoint, profile: String = "default", databaseURL: URL, downloadDirectory: URL,
        autoDownload: Bool = true, policy: PollPolicy = PollPolicy(), requestsPerSecond: Double = 2,
        isDemo: Bool = false, home: String? = nil,
        createRetry: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 2, maxDelay: 30),
        pollRetry: RetryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 10),
        leaseSeconds: Double = 30, storeWatchInterval: Double = 1, budget: Budget = Budget(),
        catalogueTimeout: Double = 3, settle: SettlePolicy = SettlePolicy(),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint
        self.profile = profile
        self.databaseURL = databaseURL
        self.downloadDirectory = downloadDirectory
        self.autoDownload = autoDownload
        self.policy = policy
        self.requestsPerSecond = requestsPerSecond
        self.isDemo = isDemo
        self.home = home
        self.createRetry = createRetry
        self.pollRetry = pollRetry
        self.leaseSeconds = leaseSeconds
        self.storeWatchInterval = storeWatchInterval
        self.budget = budget
        self.catalogueTimeout = catalogueTimeout
        self.settle = settle
        self.clock = clock
    }
}
