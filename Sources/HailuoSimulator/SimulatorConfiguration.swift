import Logging

/// How a `Simulator` listens and behaves.
public struct SimulatorConfiguration: Sendable {
    /// Address to bind; `127.0.0.1` (loopback only) unless told otherwise.
    public var host: String
    /// Port to bind; 0 picks a free port (read it from `Simulator.start()`).
    public var port: Int
    /// Speed of simulated time: 1 = the provider's durations (a 6 s clip takes 4-5 minutes),
    /// 60 = sixty times faster. Must be > 0.
    public var timeScale: Double
    /// Bearer keys that are accepted; `nil` accepts any non-empty key.
    public var acceptedKeys: Set<String>?
    /// Seconds (real, not scaled) that a signed video URL stays valid (upstream: about 9 hours).
    public var linkLifetime: Double
    /// Seconds a `slow` fault waits before answering.
    public var slowDelay: Double
    /// Faults for this run, applied in order after injected ones. `Simulator.reset()` re-arms them.
    public var faults: [FaultRule]
    /// The model catalogue `GET /v1/models` serves and jobs are charged by; `SimulatorPrices.catalogue`
    /// unless told otherwise. `Simulator.reset()` restores it after runtime changes.
    public var catalogue: [SimulatorCatalogueModel]
    /// USD on the account at start (`GET /v2/billing`); each job that completes takes its price off.
    public var startingBalance: Double
    /// Older answers: `meta.usage` holds only `{"tokens_used": N}` (N = the credits) and no
    /// `x-aimlapi-*` cost headers are sent.
    public var legacyUsage: Bool
    /// Provider seconds (divided by `timeScale`, like job durations) before a request's row shows up
    /// in `GET /v2/logs`; the provider's rows come from an analytics pipeline. 0 = at once.
    public var logsLag: Double
    /// Requests to `GET /v2/logs` allowed per 60 real seconds before 429 (the provider's 200).
    public var logsRateLimit: Int
    /// Logger for the server; nil = a swift-log logger labelled `hailuo.simulator` at level warning.
    public var logger: Logger?

    /// A configuration; every argument has the default described on its property.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        timeScale: Double = 1,
        acceptedKeys: Set<String>? = nil,
        linkLifetime: Double = 9 * 3600,
        slowDelay: Double = 5,
        faults: [FaultRule] = [],
        catalogue: [SimulatorCatalogueModel] = SimulatorPrices.catalogue,
        startingBalance: Double = 100,
        legacyUsage: Bool = false,
        logsLag: Double = 0,
        logsRateLimit: Int = 200,
        logger: Logger? = nil
    ) {
        self.host = host
        self.port = port
        self.timeScale = timeScale
        self.acceptedKeys = acceptedKeys
        self.linkLifetime = linkLifetime
        self.slowDelay = slowDelay
        self.faults = faults
        self.catalogue = catalogue
        self.startingBalance = startingBalance
        self.legacyUsage = legacyUsage
        self.logsLag = logsLag
        self.logsRateLimit = logsRateLimit
        self.logger = logger
    }
}
