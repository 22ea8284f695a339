import Foundation
import HailuoCore

/// Batches: a file of jobs checked as a whole, stored as waiting rows, and sent at a pace.
extension GenerationEngine {
    /// Reads and checks the batch file at `path` as `submit` checks one job (fields, validation,
    /// image preflight; relative image paths are relative to the file's folder), identifies each
    /// row and prices it. Nothing is stored or sent. Fails with every problem, each a sentence
    /// naming the file, the row and the field.
    public func planBatch(
        path: String, defaults: BatchDefaults, maxJobs: Int
    ) async -> Result<BatchPlan, BatchProblems> {
        let home = configuration.home
        let read: (source: String, rows: [(BatchPosition, GenerationParameters)], format: BatchFormat)
        do throws(BatchProblems) {
            read = try BatchPlanner.rows(path: path, home: home, defaults: defaults, maxJobs: maxJobs)
        } catch {
            return .failure(error)
        }
        var planned: [PlannedBatchRow] = []
        for row in BatchPlanner.identify(read.rows, home: home) {
            planned.append(
                PlannedBatchRow(
                    position: row.position, parameters: row.parameters, key: row.key,
                    firstFramePath: row.first?.0, firstFrameSHA256: row.first?.1, lastFramePath: row.last?.0,
                    lastFrameSHA256: row.last?.1, quote: await quote(row.parameters)))
        }
        return .success(
            BatchPlan(
                source: read.source, shownPath: InertText.oneLine(path, limit: 200),
                name: URL(fileURLWithPath: read.source).lastPathComponent, format: read.format, rows: planned))
    }

    /// Stores the plan's new rows as `waiting` jobs of the file's group (made on the first run,
    /// reused after): each job and its row record are one transaction, so a run killed at any
    /// point leaves every row stored once or not at all. A row stored before is not stored again;
    /// if it is still waiting (its run ended early) it will be sent, otherwise it counts as sent.
    ///
    /// Before anything is stored, every row not yet sent must fit the budget together (a price
    /// that is unknown counts as its model's highest known price), and the balance when known.
    public func storeBatch(_ plan: BatchPlan) async throws(SubmitError) -> BatchStart {
        let existing: JobGroup?
        let known: [String: String]
        do {
            existing = try store.group(source: plan.source)
            known = try existing.map { try store.batchRows(groupID: $0.id) } ?? [:]
        } catch {
            throw .local("could not read the job store: \(error)")
        }
        var unsent: [PlannedBatchRow] = []
        var resumed = 0
        var alreadySent = 0
        for row in plan.rows {
            guard let jobID = known[row.key] else {
                unsent.append(row)
                continue
            }
            if (try? store.job(id: jobID))?.phase == .waiting {
                unsent.append(row)
                resumed += 1
            } else {
                alreadySent += 1
            }
        }
        try await refuseUnlisted(unsent.map(\.parameters.model))
        try await checkBudget(unsent.map(\.parameters))
        let now = Date()
        let group =
            existing
            ?? JobGroup(
                id: LocalID.make(), kind: .batch, name: plan.name, source: plan.source, createdAt: now, total: 0)
        let newRows = unsent.filter { known[$0.key] == nil }.map { row in
            (key: row.key, job: waitingJob(row, at: now))
        }
        let stored: (group: JobGroup, added: [StoredBatchRow])
        do {
            stored = try store.storeBatch(group, rows: newRows)
        } catch {
            throw .local("could not write the batch to the store: \(error)")
        }
        let rows = (try? store.batchRows(groupID: stored.group.id)) ?? [:]
        // The jobs follow from the store watch; the group is known at once.
        hub.emit(.groupsChanged([stored.group]))
        return BatchStart(
            group: stored.group, jobIDs: plan.rows.compactMap { rows[$0.key] }, added: stored.added.count,
            resumed: resumed, alreadySent: alreadySent)
    }

    /// Sends one waiting job now: checks its request again (an image that changed since the row
    /// was stored is not sent: the job fails with the reason, and running the file again stores
    /// the row as it is now), moves it to `submitting` within the budget, and POSTs it. `nil` when
    /// it is no longer waiting (another process took it).
    public func sendWaiting(_ jobID: String) async throws(SubmitError) -> Job? {
        guard let job = try? store.job(id: jobID), job.phase == .waiting else { return nil }
        let prepared: PreparedRequest
        do throws(SubmitError) {
            prepared = try prepare(job.parameters)
        } catch {
            return failWaiting(job, because: "not sent: \(error.description)")
        }
        for (stored, sent, path) in [
            (job.firstFrameSHA256, prepared.firstFrame?.sha256, job.firstFramePath),
            (job.lastFrameSHA256, prepared.lastFrame?.sha256, job.lastFramePath),
        ] where stored != nil && stored != sent {
            return failWaiting(
                job,
                because: "not sent: the image \(InertText.oneLine(path ?? "")) changed since the row was stored; "
                    + "run the batch again to send the row as it is now")
        }
        let budget = configuration.budget
        let charge = await budgetCharge(job.parameters)
        if !budget.isEmpty, charge == nil { throw .budget(await unpriceableRefusal(job.parameters)) }
        if let charge, let refusal = await balanceRefusal(price: charge.usd) { throw .budget(refusal) }
        let claimed: Result<Job, BudgetRefusal>?
        do {
            claimed = try store.claimWaiting(
                jobID, owner: owner, leaseSeconds: 3600, estimatedUSD: charge?.usd, periods: budgetPeriods
            ) { ledger in
                guard !budget.isEmpty, let charge else { return nil }
                return budget.refusal(thisJob: charge.usd, thisJobNote: charge.note, ledger: ledger)
            }
        } catch {
            throw .local("could not write the job to the store: \(error)")
        }
        switch claimed {
        case nil: return nil
        case .failure(let refusal): throw .budget(refusal.sentence)
        case .success(let submitting):
            logger.info("submitting waiting job \(submitting.id): \(RequestBuilder.describe(prepared))")
            return await send(prepared, for: submitting)
        }
    }

    /// Sends the group's waiting jobs in the file's order, at most `maxInFlight` of its jobs
    /// submitting or pending at once, until none is waiting; polls the group's jobs meanwhile.
    /// `progress` hears where the batch stands after every change and at least every second.
    /// Cancelling stops the pacing: jobs not yet sent stay waiting, and a later run sends them.
    ///
    /// A full batch waits for a change (one of its jobs, or the store by another process) rather
    /// than reading the store on a timer: a freed slot is taken at once, and a long batch reads
    /// its jobs about once a second while nothing happens.
    @discardableResult
    public func runBatch(
        groupID: String, maxInFlight: Int, progress: @Sendable (BatchProgress) -> Void = { _ in }
    ) async throws -> BatchProgress {
        let limit = max(1, maxInFlight)
        let doorbell = Doorbell()
        let events = hub.subscribe()
        let listener = Task.detached {
            for await event in events {
                switch event {
                case .jobChanged(let job) where job.groupID == groupID: doorbell.ring()
                case .jobsChanged(let jobs) where jobs.contains(where: { $0.groupID == groupID }): doorbell.ring()
                default: continue
                }
            }
        }
        defer { listener.cancel() }
        if !started {
            let ids = try store.jobs(includeHidden: true, groupID: groupID).map(\.id)
            await start(only: Set(ids))
        }
        while true {
            try Task.checkCancellation()
            let jobs = try store.jobs(includeHidden: true, groupID: groupID)
            let now = batchProgress(jobs, maxInFlight: limit)
            progress(now)
            guard now.waiting > 0 else { return now }
            if now.inFlight < limit, let next = try store.waitingJobs(groupID: groupID).first {
                try Task.checkCancellation()
                _ = try await sendWaiting(next.id)
                continue
            }
            await doorbell.wait(atMost: .seconds(1))
        }
    }

    /// Where the jobs of a group stand, with a rough time left.
    public nonisolated func batchProgress(_ jobs: [Job], maxInFlight: Int) -> BatchProgress {
        var progress = BatchProgress()
        progress.total = jobs.count
        var left = 0.0
        var typical: Double?
        let now = Date()
        for job in jobs {
            switch job.phase {
            case .waiting: progress.waiting += 1
            case .submitting, .pending: progress.inFlight += 1
            case .completed: progress.completed += 1
            case .failed, .dismissed: progress.failed += 1
            case .unconfirmed: progress.unconfirmed += 1
            }
            if job.phase != .waiting, job.phase != .failed, job.phase != .dismissed {
                progress.spentUSD += job.costUSD ?? job.estimatedUSD ?? 0
            }
            guard job.phase.isRunning || job.phase == .waiting else { continue }
            let window = expectedGenerationWindow(for: job)
            let middle = (window.lowerBound + window.upperBound) / 2
            typical = max(typical ?? 0, middle)
            if job.phase.isRunning {
                left = max(left, middle - now.timeIntervalSince(job.submittedAt ?? job.createdAt))
            }
        }
        if let typical {
            let rounds = (Double(progress.waiting) / Double(max(1, maxInFlight))).rounded(.up)
            progress.secondsLeft = max(0, left) + rounds * typical
        }
        return progress
    }

    /// Sends `count` jobs of the same request as one group of variants (each its own job). The
    /// request is checked once, and the budget for all of them together, before anything is sent.
    public func submitVariants(
        _ parameters: GenerationParameters, count: Int
    ) async throws(SubmitError) -> (group: JobGroup, jobs: [Job]) {
        let count = max(1, count)
        _ = try prepare(parameters)
        try await refuseUnlisted([parameters.model])
        try await checkBudget(Array(repeating: parameters, count: count))
        let group = JobGroup(
            id: LocalID.make(), kind: .variants, name: JobGroup.variantsName(count: count, prompt: parameters.prompt),
            source: nil, createdAt: Date(), total: count)
        do {
            try store.insertGroup(group)
        } catch {
            throw .local("could not write the group to the store: \(error)")
        }
        var jobs: [Job] = []
        for _ in 0..<count {
            jobs.append(try await submit(parameters, groupID: group.id))
        }
        return (group, jobs)
    }

    /// Marks a job as a favourite, or not (stored; `hailuo jobs --favourites`).
    @discardableResult
    public func setFavourite(jobID reference: String, _ favourite: Bool) throws -> Job {
        let job = try requireJob(reference)
        let updated = try store.setFavourite(job.id, favourite)
        hub.emit(.jobChanged(updated))
        return updated
    }

    /// Every group of jobs (batches and variants), newest first.
    public nonisolated func groups() throws -> [JobGroup] {
        try store.groups()
    }

    /// The group with this id, or the one whose id starts with it when only one does.
    public nonisolated func group(_ reference: String) throws -> JobGroup? {
        if let exact = try store.group(id: reference) { return exact }
        let matches = try store.groups().filter { $0.id.hasPrefix(reference.lowercased()) }
        return matches.count == 1 ? matches[0] : nil
    }

    // MARK: Helpers

    /// Refuses (nothing stored or sent) when the requests together would pass a budget cap, or
    /// cost more than a known balance.
    func checkBudget(_ requests: [GenerationParameters]) async throws(SubmitError) {
        guard !requests.isEmpty else { return }
        let budget = configuration.budget
        var charges: [Double] = []
        var note: String?
        for parameters in requests {
            guard let charge = await budgetCharge(parameters) else {
                if !budget.isEmpty { throw .budget(await unpriceableRefusal(parameters)) }
                continue
            }
            charges.append(charge.usd)
            if charge.note != nil { note = "a price that is unknown counts as its model's highest known price" }
        }
        if !budget.isEmpty, let ledger = try? store.ledger(periods: budgetPeriods),
            let refusal = budget.refusal(batch: charges, note: note, ledger: ledger)
        {
            logger.notice("batch refused by the budget: \(refusal)")
            throw .budget(refusal)
        }
        let total = charges.reduce(0, +)
        if total > 0, let refusal = await balanceRefusal(price: total) {
            throw .budget(refusal.replacingOccurrences(of: "this job's price", with: "these jobs' price"))
        }
    }

    private func waitingJob(_ row: PlannedBatchRow, at now: Date) -> Job {
        let id = LocalID.make()
        return Job(
            id: id, phase: .waiting, parameters: row.parameters, firstFramePath: row.firstFramePath,
            firstFrameSHA256: row.firstFrameSHA256, lastFramePath: row.lastFramePath,
            lastFrameSHA256: row.lastFrameSHA256, family: family(for: row.parameters.model),
            baseURL: configuration.endpoint.baseURL, profile: configuration.profile, createdAt: now, updatedAt: now,
            clientRequestID: ClientRequestID.validated(id), estimatedUSD: row.quote.usd)
    }

    private func failWaiting(_ job: Job, because message: String) -> Job {
        let failed =
            (try? store.update(job.id, note: message) {
                $0.phase = .failed
                $0.errorMessage = message
                $0.finishedAt = Date()
            }) ?? job
        hub.emit(.jobChanged(failed))
        return failed
    }
}
