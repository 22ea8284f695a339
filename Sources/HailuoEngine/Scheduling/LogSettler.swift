import Foundation
import HailuoCore
import Logging

/// Settles unconfirmed jobs: looks each one up in the provider's request logs by the
/// `X-Client-Request-Id` its create was sent with. Found, it becomes pending with its generation
/// id (or failed, when the logs say so); not found after the grace period, it is marked not found
/// upstream so that resending it no longer risks paying twice. It never sends a create.
///
/// One process looks a job up at a time: it holds the job's lease while it asks. The logs have
/// their own request budget (``SettlePolicy/requestsPerMinute``), apart from the poll cap.
actor LogSettler {
    struct Settings: Sendable {
        var policy: SettlePolicy
        var owner: String
        var leaseSeconds: Double
        var only: Set<String>?
    }

    /// What one lookup found.
    enum Lookup: Sendable {
        case found(RequestLogRow)
        case notFound
        /// The logs could not be read now (400, garbage, no answer): try later.
        case couldNotCheck(String)
        /// 429 or 5xx: every lookup waits (with jitter) before the next.
        case busy(String, retryAfter: Double?)
    }

    private struct Schedule {
        var due: Date
        var misses: Int
        /// The kind of the last history line written, so a line is written once per change.
        var lastNote: String?
    }

    let store: JobStore
    let client: APIClient
    var settings: Settings
    let logger: Logger
    let clock: @Sendable () -> Date
    let emit: @Sendable (EngineEvent) -> Void
    let onFound: @Sendable (Job) async -> Void
    var limiter: RateLimiter
    private var schedules: [String: Schedule] = [:]
    private var pausedUntil: Date?
    private var busyStreak = 0
    private var loop: Task<Void, Never>?
    private var sleeper: Task<Void, Never>?
    private var wakeRequested = false
    /// The longest sleep with nothing to settle: a safety net only, since the engine's store watch
    /// wakes the settler whenever the store changes (``nudge()``).
    static let idleWake = 60.0

    init(
        store: JobStore, client: APIClient, settings: Settings, logger: Logger, clock: @escaping @Sendable () -> Date,
        emit: @escaping @Sendable (EngineEvent) -> Void, onFound: @escaping @Sendable (Job) async -> Void
    ) {
        self.store = store
        self.client = client
        self.settings = settings
        self.logger = logger
        self.clock = clock
        self.emit = emit
        self.onFound = onFound
        limiter = RateLimiter(requestsPerSecond: settings.policy.requestsPerMinute / 60)
    }

    func start() {
        guard loop == nil else { return }
        loop = Task { await self.run() }
    }

    func stop() async {
        loop?.cancel()
        await loop?.value
        loop = nil
    }

    func restrict(to ids: Set<String>) { settings.only = ids }

    /// The store changed (this process or another): look for new unconfirmed jobs now rather than
    /// at the next due lookup. Called by the engine's store watch, the one beat of the engine.
    func nudge() {
        guard loop != nil else { return }
        wakeRequested = true
        sleeper?.cancel()
    }

    private func run() async {
        while !Task.isCancelled {
            wakeRequested = false
            await settleDueJobs()
            if wakeRequested { continue }
            let sleep = Task { [wake = nextWake()] in _ = try? await Task.sleep(for: .seconds(wake)) }
            sleeper = sleep
            // The sleep is its own task (so nudge() can cut it short): stopping the loop stops it too.
            await withTaskCancellationHandler { await sleep.value } onCancel: { sleep.cancel() }
            sleeper = nil
        }
    }

    /// Seconds until the next look: the earliest due lookup, at most a second while any job waits
    /// (its due time follows the engine's clock); with nothing to settle, until the store changes
    /// (``nudge()``), at most ``idleWake``. Nothing is read from the store while idle.
    private func nextWake() -> Double {
        let now = clock()
        guard let earliest = schedules.values.map(\.due).min() else {
            guard let pausedUntil else { return Self.idleWake }
            return max(0.05, min(1, pausedUntil.timeIntervalSince(now)))
        }
        var wake = min(1.0, earliest.timeIntervalSince(now))
        if let pausedUntil { wake = max(wake, min(1, pausedUntil.timeIntervalSince(now))) }
        return max(0.05, wake)
    }

    /// Unconfirmed jobs that carry a client request id and are not settled yet.
    private func candidates() -> [Job] {
        let jobs = (try? store.jobs(phases: [.unconfirmed], includeHidden: true)) ?? []
        return jobs.filter { job in
            job.clientRequestID != nil && job.settleState != .notFoundUpstream
                && (settings.only == nil || settings.only!.contains(job.id))
        }
    }

    private func settleDueJobs() async {
        let jobs = candidates()
        let ids = Set(jobs.map(\.id))
        schedules = schedules.filter { ids.contains($0.key) }
        let policy = settings.policy
        for job in jobs where schedules[job.id] == nil {
            var due = job.createdAt.addingTimeInterval(policy.firstCheckDelay)
            if let checked = job.settleCheckedAt { due = max(due, checked.addingTimeInterval(policy.baseInterval)) }
            schedules[job.id] = Schedule(due: due, misses: 0, lastNote: job.settleState?.rawValue)
        }
        for job in jobs.sorted(by: { $0.createdAt < $1.createdAt }) {
            guard !Task.isCancelled else { return }
            if let pausedUntil, pausedUntil > clock() { return }
            guard let schedule = schedules[job.id], schedule.due <= clock() else { continue }
            guard (try? store.claim(jobID: job.id, owner: settings.owner, leaseSeconds: settings.leaseSeconds)) == true
            else {
                schedules[job.id]?.due = clock().addingTimeInterval(policy.baseInterval)
                continue
            }
            // Someone may have settled, resubmitted or dismissed it since the list was read.
            guard let current = try? store.job(id: job.id), current.phase == .unconfirmed,
                current.settleState != .notFoundUpstream
            else {
                try? store.releaseLease(jobID: job.id, owner: settings.owner)
                continue
            }
            let lookup = await lookUp(current)
            await apply(lookup, to: current)
        }
    }

    /// Waits for the logs' own budget, then asks.
    func throttledLogs(start: Date, end: Date, model: String, offset: Int) async throws(APIError) -> RequestLogPage {
        let slot = limiter.reserve()
        if slot > .now { try? await Task.sleep(until: slot, clock: .continuous) }
        return try await client.logs(start: start, end: end, models: [model], limit: 100, offset: offset)
    }

    private func apply(_ lookup: Lookup, to job: Job) async {
        let now = clock()
        let policy = settings.policy
        var keepLease = false
        switch lookup {
        case .found(let row):
            busyStreak = 0
            keepLease = await found(row, job: job, now: now)
        case .notFound:
            busyStreak = 0
            let misses = (schedules[job.id]?.misses ?? 0) + 1
            let deadline = job.createdAt.addingTimeInterval(policy.grace)
            if now >= deadline {
                save(
                    job.id, kind: SettleState.notFoundUpstream.rawValue,
                    note: "not found in the provider's request logs (checked until \(Self.clockText(deadline))); "
                        + "the create most likely never arrived, so resending it should not pay twice"
                ) {
                    $0.settleState = .notFoundUpstream
                    $0.settleCheckedAt = now
                }
                schedules[job.id] = nil
            } else {
                save(
                    job.id, kind: SettleState.checking.rawValue,
                    note: "looked up in the provider's request logs: not found yet "
                        + "(checking until \(Self.clockText(deadline)))"
                ) {
                    $0.settleState = .checking
                    $0.settleCheckedAt = now
                }
                schedules[job.id]?.misses = misses
                schedules[job.id]?.due = min(deadline, now.addingTimeInterval(policy.interval(afterMisses: misses)))
            }
        case .couldNotCheck(let why):
            let misses = (schedules[job.id]?.misses ?? 0) + 1
            save(
                job.id, kind: "could-not-check",
                note: "could not look the job up in the provider's request logs now (\(why)); will try again"
            ) {
                $0.settleCheckedAt = now
            }
            schedules[job.id]?.misses = misses
            schedules[job.id]?.due = now.addingTimeInterval(policy.interval(afterMisses: misses))
        case .busy(let why, let retryAfter):
            busyStreak += 1
            let base = min(policy.maxInterval, policy.baseInterval * pow(2, Double(busyStreak - 1)))
            let wait = max(retryAfter ?? 0, base * Double.random(in: 0.5...1.0))
            pausedUntil = now.addingTimeInterval(wait)
            logger.notice("request logs busy (\(why)); waiting \(Int(wait.rounded(.up))) s")
            schedules[job.id]?.due = now.addingTimeInterval(wait)
        }
        if !keepLease { try? store.releaseLease(jobID: job.id, owner: settings.owner) }
    }

    /// Writes what the row says; true when the job is now pending and polled (its lease kept).
    private func found(_ row: RequestLogRow, job: Job, now: Date) async -> Bool {
        let created = row.created.map(Self.clockText) ?? "at an unknown time"
        let generationID = row.inferenceID ?? ""
        let updated: Job?
        if row.status == "failed" {
            updated = try? store.update(
                job.id, if: Self.stillUnsettled,
                note: "found in the provider's request logs (created \(created)), listed as failed"
            ) {
                $0.phase = .failed
                $0.generationID = generationID
                $0.inferenceID = generationID
                $0.settleState = .found
                $0.settleCheckedAt = now
                $0.errorMessage =
                    "the provider's request logs list this create as failed; a failed request is not billed"
                $0.finishedAt = now
            }
        } else {
            updated = try? store.update(
                job.id, if: Self.stillUnsettled, note: "found in the provider's request logs (created \(created))"
            ) {
                $0.phase = .pending
                $0.generationID = generationID
                $0.inferenceID = generationID
                $0.providerStatus = "queued"
                $0.submittedAt = row.created ?? now
                $0.errorMessage = nil
                $0.settleState = .found
                $0.settleCheckedAt = now
            }
        }
        schedules[job.id] = nil
        guard let updated else { return false }
        logger.info("job \(job.id) found in the request logs as generation \(generationID)")
        emit(.jobChanged(updated))
        guard updated.phase == .pending else { return false }
        await onFound(updated)
        return true
    }

    /// Saves a change; the history line only when its `kind` differs from the last one written.
    private func save(_ id: String, kind: String, note: String, _ change: @Sendable (inout Job) -> Void) {
        let fresh = schedules[id]?.lastNote != kind
        schedules[id]?.lastNote = kind
        if let job = try? store.update(id, if: Self.stillUnsettled, note: fresh ? note : nil, change) {
            emit(.jobChanged(job))
        }
    }

    /// Whether a lookup's result may still be written: nobody resubmitted, dismissed or settled
    /// the job while the logs were read.
    @Sendable static func stillUnsettled(_ job: Job) -> Bool {
        job.phase == .unconfirmed && job.settleState != .notFoundUpstream && job.settleState != .found
    }

    /// `12:03:04` in UTC (the CLI prints these times the same way).
    static func clockText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}
