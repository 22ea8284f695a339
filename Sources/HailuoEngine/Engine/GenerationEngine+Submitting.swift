import Foundation
import HailuoCore

/// Submitting: validation, the write-ahead row, the POST and what its answer means for money.
extension GenerationEngine {
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
        try await submit(parameters, groupID: nil)
    }

    /// ``submit(_:)`` for a job of group `groupID` (a set of variants).
    func submit(_ parameters: GenerationParameters, groupID: String?) async throws(SubmitError) -> Job {
        let prepared = try prepare(parameters)
        try await refuseUnlisted([parameters.model])
        let now = Date()
        let id = LocalID.make()
        var job = Job(
            id: id, phase: .submitting, parameters: parameters,
            firstFramePath: prepared.firstFrame?.path, firstFrameSHA256: prepared.firstFrame?.sha256,
            lastFramePath: prepared.lastFrame?.path, lastFrameSHA256: prepared.lastFrame?.sha256,
            family: prepared.family, baseURL: configuration.endpoint.baseURL,
            profile: configuration.profile, createdAt: now, updatedAt: now,
            clientRequestID: ClientRequestID.validated(id), groupID: groupID)
        try await insertWithinBudget(&job)
        logger.info("submitting job \(job.id): \(RequestBuilder.describe(prepared))")
        return await send(prepared, for: job)
    }

    /// Sends an unconfirmed (or failed) job's request again, as the same job. This is the
    /// explicit user action asked for before a request that may already be billed is repeated
    /// (docs/PROVIDER.md): the engine never resends such a request on its own.
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
        let reset = try await resetWithinBudget(job, note: "resubmitted by the user") {
            $0.phase = .submitting
            $0.generationID = nil
            $0.providerStatus = nil
            $0.errorMessage = nil
            $0.errorRequestID = nil
            $0.finishedAt = nil
            $0.clientRequestID = ClientRequestID.validated($0.id)
            $0.inferenceID = nil
            $0.settleState = nil
            $0.settleCheckedAt = nil
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

    /// POSTs `prepared` for `job` (already stored as submitting, leased to this process) and
    /// records the answer.
    func send(_ prepared: PreparedRequest, for job: Job) async -> Job {
        hub.emit(.jobChanged(job))
        let outcome: Job
        do {
            let hub = hub
            let created = try await client.create(
                body: prepared.body, path: prepared.path, clientRequestID: job.clientRequestID
            ) { error, wait in
                if case .http(429, _, _) = error {
                    hub.emit(.connection(.rateLimited(until: Date().addingTimeInterval(wait))))
                } else {
                    hub.emit(.connection(.offline("\(error); retrying in \(Int(wait.rounded(.up))) s")))
                }
            }
            await scheduler.report(.online)
            let money = created.cost
            AnswerMoney.warn(money, jobID: job.id, logger: logger)
            AnswerMoney.checkEcho(created.trace, sent: job.clientRequestID, jobID: job.id, logger: logger)
            outcome =
                (try? store.update(job.id, note: "accepted") {
                    $0.generationID = created.generationID
                    $0.phase = .pending
                    $0.providerStatus = created.status ?? "queued"
                    $0.submittedAt = Date()
                    $0.usageJSON = created.usageJSON
                    AnswerMoney.apply(money, trace: created.trace, to: &$0)
                }) ?? job
            logger.info("job \(job.id) accepted as generation \(created.generationID)")
            await scheduler.track(outcome)
        } catch {
            await scheduler.report(Self.connectionState(after: error))
            outcome = record(error, for: job)
        }
        hub.emit(.jobChanged(outcome))
        return outcome
    }

    /// What a failed create says about the link: a refused key, no route, or (any other answer)
    /// a server that is there.
    static func connectionState(after error: APIError) -> ConnectionState {
        switch error {
        case .http(let status, let body, _) where status == 401 || status == 403:
            .unauthorized(APIError.oneLine(body.message))
        case .notSent(let why): .offline(why)
        case .answerLost(let why): .offline("no answer: \(why)")
        case .http, .unreadable: .online
        }
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

    /// Validates `parameters` and builds the request for this engine's endpoint family (reading
    /// image files); nothing is stored or sent.
    nonisolated func prepare(_ parameters: GenerationParameters) throws(SubmitError) -> PreparedRequest {
        do {
            return try RequestBuilder.prepare(
                parameters, family: configuration.endpoint.family, home: configuration.home)
        } catch {
            throw .invalid(error)
        }
    }
}

extension GenerationEngine {
    /// The endpoint family `model`'s requests and polls use: the configured one when it serves the
    /// model, else the one that does (H3 is on the unified endpoint only).
    nonisolated func family(for model: ModelID) -> EndpointFamily {
        let preferred = configuration.endpoint.family
        return ModelCatalog.model(model)?.family(preferring: preferred) ?? preferred
    }
}
