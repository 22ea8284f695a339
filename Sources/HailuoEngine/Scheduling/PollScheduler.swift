import Foundation
import HailuoCore
import Logging

/// Polls every pending job this process holds the lease of, from one loop, under one request
/// rate cap. Each job's next poll follows ``PollPolicy``; 429s pause everything; unknown
/// statuses back off; nothing is completed without a URL.
actor PollScheduler {
    struct Tracked {
        var job: Job
        var due: ContinuousClock.Instant
        var window: ClosedRange<Double>
        var unknownStreak = 0
        var failureStreak = 0
        var notFoundStreak = 0
    }

    struct Settings: Sendable {
        var policy: PollPolicy
        var requestsPerSecond: Double
        var owner: String
        var leaseSeconds: Double = 30
        var leaseRefreshSeconds: Double = 10
        var maxInFlight: Int = 4
        /// When set, only these jobs are claimed and polled.
        var only: Set<String>? = nil
    }

    let store: JobStore
    let client: APIClient
    private(set) var settings: Settings
    let logger: Logger
    let emit: @Sendable (EngineEvent) -> Void
    let onFinished: @Sendable (Job) -> Void

    private var tracked: [String: Tracked] = [:]
    private var inFlight: Set<String> = []
    private var limiter: RateLimiter
    private var pausedUntil: ContinuousClock.Instant?
    private var nextLeaseRefresh = ContinuousClock.now
    private var connection: ConnectionState = .online
    private var loop: Task<Void, Never>?
    private var sleeper: Task<Void, Never>?
    private var wakeRequested = false

    init(
        store: JobStore, client: APIClient, settings: Settings, logger: Logger,
        emit: @escaping @Sendable (EngineEvent) -> Void, onFinished: @escaping @Sendable (Job) -> Void
    ) {
        self.store = store
        self.client = client
        self.settings = settings
        self.logger = logger
        self.emit = emit
        self.onFinished = onFinished
        limiter = RateLimiter(requestsPerSecond: settings.requestsPerSecond)
    }

    /// Starts the loop; every pending job whose lease is free or lapsed is resumed.
    func start() {
        guard loop == nil else { return }
        loop = Task { await self.run() }
    }

    /// Stops polling and gives the leases back so another process can take over at once.
    func stop() async {
        loop?.cancel()
        sleeper?.cancel()
        await loop?.value
        loop = nil
        try? store.releaseLeases(owner: settings.owner)
    }

    /// Starts polling a job this process just submitted (its lease is taken here).
    func track(_ job: Job) {
        guard job.phase.isActive else { return }
        _ = try? store.claim(jobID: job.id, owner: settings.owner, leaseSeconds: settings.leaseSeconds)
        // Tracked first, so the first wait (an early probe) is measured against the learned window.
        add(job, due: .now)
        let first = delay(for: job, unknownStreak: 0)
        tracked[job.id]?.due = .now + .seconds(first)
        wake()
    }

    /// Polls the job as soon as the rate cap allows. Returns `false` when another process
    /// holds its lease (it polls it) or it is not pending.
    func pollNow(_ jobID: String) -> Bool {
        if tracked[jobID] == nil {
            guard let job = try? store.job(id: jobID), job.phase.isActive,
                (try? store.claim(jobID: jobID, owner: settings.owner, leaseSeconds: settings.leaseSeconds)) == true
            else { return false }
            add(job, due: .now)
        }
        tracked[jobID]?.due = .now
        wake()
        return true
    }

    /// Another process changed the store. If it gave jobs back (it quit) or its leases lapsed
    /// (it died), take them over now rather than at the next lease refresh.
    func storeChanged() {
        guard loop != nil, (try? store.hasUnleasedPending(only: settings.only)) == true else { return }
        nextLeaseRefresh = .now
        wake()
    }

    /// Polls only these jobs from now on.
    func restrict(to ids: Set<String>) {
        settings.only = ids
    }

    // MARK: The loop

    private func run() async {
        while !Task.isCancelled {
            let now = ContinuousClock.now
            if now >= nextLeaseRefresh {
                refreshLeases()
                nextLeaseRefresh = now + .seconds(settings.leaseRefreshSeconds)
            }
            if let pausedUntil, pausedUntil > now {
                await sleep(until: min(pausedUntil, nextLeaseRefresh))
                continue
            }
            pausedUntil = nil
            if inFlight.count < settings.maxInFlight,
                let next = tracked.values.filter({ !inFlight.contains($0.job.id) && $0.due <= now })
                    .min(by: { $0.due < $1.due })
            {
                let slot = limiter.reserve(now: now)
                if slot > now { await sleep(until: slot, interruptible: false) }
                guard !Task.isCancelled, tracked[next.job.id] != nil else { continue }
                inFlight.insert(next.job.id)
                let job = next.job
                Task { await self.poll(job) }
                continue
            }
            let nextDue = tracked.values.filter { !inFlight.contains($0.job.id) }.map(\.due).min()
            await sleep(until: min(nextDue ?? nextLeaseRefresh, nextLeaseRefresh))
        }
    }

    private func refreshLeases() {
        do {
            for job in try store.recoverAbandoned(isAlive: ProcessOwner.isAlive) {
                emit(.jobChanged(job))
            }
            let (leasedIDs, resumed) = try store.renewLeases(
                owner: settings.owner, leaseSeconds: settings.leaseSeconds, only: settings.only,
                known: Set(tracked.keys))
            for job in resumed where tracked[job.id] == nil {
                // A resumed job: poll it soon, spread under the rate cap.
                add(job, due: .now)
            }
            for id in tracked.keys where !leasedIDs.contains(id) && !inFlight.contains(id) {
                tracked[id] = nil
            }
        } catch {
            logger.warning("could not renew job leases: \(error)")
        }
    }

    private func add(_ job: Job, due: ContinuousClock.Instant) {
        let history =
            (try? store.generationTimes(
                model: job.parameters.model, duration: job.parameters.duration,
                resolution: job.parameters.resolution)) ?? []
        let window = settings.policy.expectedWindow(
            model: job.parameters.model, duration: job.parameters.duration, history: history)
        tracked[job.id] = Tracked(job: job, due: due, window: window)
    }

    private func delay(for job: Job, unknownStreak: Int) -> Double {
        let window =
            tracked[job.id]?.window
            ?? settings.policy.expectedWindow(
                model: job.parameters.model, duration: job.parameters.duration, history: [])
        let elapsed = Date().timeIntervalSince(job.submittedAt ?? job.createdAt)
        return settings.policy.nextDelay(elapsed: elapsed, window: window, unknownStreak: unknownStreak)
    }

    private func sleep(until deadline: ContinuousClock.Instant, interruptible: Bool = true) async {
        if interruptible && wakeRequested {
            wakeRequested = false
            return
        }
        let task = Task { _ = try? await Task.sleep(until: deadline, clock: .continuous) }
        if interruptible { sleeper = task }
        await task.value
        if interruptible {
            sleeper = nil
            wakeRequested = false
        }
    }

    private func wake() {
        wakeRequested = true
        sleeper?.cancel()
    }

    // MARK: One poll

    private func poll(_ job: Job) async {
        defer {
            inFlight.remove(job.id)
            wake()
        }
        guard let generationID = job.generationID else { return }
        // The request starts first and is counted while it is on its way: a store write between
        // taking the rate slot and sending would let one request leave late and bunch up with the
        // next one, and a count after the answer would miss a poll cut short by a quit.
        async let answer = Self.answer(client, generationID, job.parameters.model)
        try? store.countPoll(job.id)
        switch await answer {
        case .success(let result):
            setConnection(.online)
            handle(result, for: job)
        case .failure(let error):
            handle(error, for: job)
        }
    }

    private static func answer(_ client: APIClient, _ generationID: String, _ model: ModelID) async -> Result<
        PollResult, APIError
    > {
        do throws(APIError) {
            return .success(try await client.poll(generationID: generationID, model: model))
        } catch {
            return .failure(error)
        }
    }

    private func handle(_ result: PollResult, for job: Job) {
        guard var entry = tracked[job.id] else { return }
        entry.failureStreak = 0
        entry.notFoundStreak = 0
        let now = Date()
        // A completed or failed answer's figure is the job's cost; a pending one's (the hold) stands
        // until then. An answer without a usable figure leaves the cost as it was.
        let money = result.cost
        AnswerMoney.warn(money, jobID: job.id, logger: logger)
        let trace = result.trace
        switch result.meaning {
        case .pending, .unknown:
            let unknown = result.meaning == .unknown
            entry.unknownStreak = unknown ? entry.unknownStreak + 1 : 0
            var updated = job
            if job.providerStatus != result.status || job.usageJSON != (result.usageJSON ?? job.usageJSON)
                || (money.cost.map { $0.usd != job.costUSD } ?? false)
            {
                updated =
                    save(job.id, note: unknown ? "unknown status \(InertText.oneLine(result.status))" : nil) {
                        $0.providerStatus = result.status
                        if let usage = result.usageJSON { $0.usageJSON = usage }
                        AnswerMoney.apply(money, trace: trace, to: &$0)
                    } ?? job
                logger.info("job \(job.id) is \(result.status)")
                emit(.jobChanged(updated))
            }
            entry.job = updated
            entry.due = .now + .seconds(delay(for: updated, unknownStreak: entry.unknownStreak))
            tracked[job.id] = entry
        case .completed:
            tracked[job.id] = nil
            let finished: Job?
            if let url = result.videoURL {
                finished = save(job.id) {
                    $0.phase = .completed
                    $0.providerStatus = result.status
                    $0.videoURL = url
                    $0.videoURLExpiresAt = SignedURL.expiry(of: url)
                    $0.finishedAt = now
                    if let usage = result.usageJSON { $0.usageJSON = usage }
                    AnswerMoney.apply(money, trace: trace, to: &$0)
                }
            } else {
                finished = save(job.id, note: "completed without a video URL") {
                    $0.phase = .failed
                    $0.providerStatus = result.status
                    $0.errorMessage = "the provider reported the job completed but sent no video URL"
                    $0.finishedAt = now
                    AnswerMoney.apply(money, trace: trace, to: &$0)
                }
            }
            if let finished { finish(finished) }
        case .failed:
            tracked[job.id] = nil
            let message =
                result.errorMessage.map { InertText.oneLine($0) } ?? "the provider reported a failure without details"
            if let failed = save(
                job.id, note: message,
                {
                    $0.phase = .failed
                    $0.providerStatus = result.status
                    $0.errorMessage = message
                    $0.finishedAt = now
                    AnswerMoney.apply(money, trace: trace, to: &$0)
                })
            {
                finish(failed)
            }
        }
    }

    private func handle(_ error: APIError, for job: Job) {
        guard var entry = tracked[job.id] else { return }
        switch error {
        case .http(429, _, let retryAfter):
            let wait =
                retryAfter
                ?? RetryPolicy(baseDelay: settings.policy.minInterval, maxDelay: settings.policy.maxInterval)
                .delay(afterAttempt: entry.failureStreak + 1, retryAfter: nil)
            entry.failureStreak += 1
            let until = ContinuousClock.now + .seconds(wait)
            pausedUntil = max(pausedUntil ?? until, until)
            entry.due = until
            setConnection(.rateLimited(until: Date().addingTimeInterval(wait)))
        case .http(let status, let body, _) where status == 401 || status == 403:
            entry.due = .now + .seconds(settings.policy.maxInterval)
            setConnection(.unauthorized(APIError.oneLine(body.message)))
        case .http(404, _, _):
            entry.notFoundStreak += 1
            if entry.notFoundStreak >= 3 {
                tracked[job.id] = nil
                let message = "the provider does not know generation id \(job.generationID ?? "?") (\(error))"
                if let failed = save(
                    job.id, note: message,
                    {
                        $0.phase = .failed
                        $0.errorMessage = message
                        $0.errorRequestID = error.requestID
                        $0.finishedAt = Date()
                    })
                {
                    finish(failed)
                }
                return
            }
            entry.due = .now + .seconds(settings.policy.minInterval * Double(entry.notFoundStreak))
        default:
            entry.failureStreak += 1
            let wait = min(
                settings.policy.maxInterval,
                settings.policy.minInterval * Double(1 << min(entry.failureStreak, 10)))
            entry.due = .now + .seconds(Double.random(in: (wait / 2)...wait))
            setConnection(.offline(error.description))
        }
        logger.info("poll of \(job.id) failed: \(error)")
        tracked[job.id] = entry
    }

    private func save(_ id: String, note: String? = nil, _ change: @Sendable (inout Job) -> Void) -> Job? {
        do {
            return try store.update(id, note: note, change)
        } catch {
            logger.error("could not store the status of \(id): \(error)")
            return nil
        }
    }

    private func finish(_ job: Job) {
        if job.phase == .completed {
            logger.info("job \(job.id) completed")
        } else {
            logger.notice("job \(job.id) \(job.phase.rawValue): \(job.errorMessage ?? "")")
        }
        emit(.jobChanged(job))
        onFinished(job)
    }

    private func setConnection(_ state: ConnectionState) {
        guard state != connection else { return }
        connection = state
        emit(.connection(state))
    }

    /// What a submission learned about the connection. Always announced, because the submit
    /// path may have announced passing states (retries) of its own; the scheduler's record is
    /// brought in line, so its next change of state is announced too.
    func report(_ state: ConnectionState) {
        connection = state
        emit(.connection(state))
    }
}
