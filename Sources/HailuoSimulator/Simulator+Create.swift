import Foundation
import Hummingbird

extension Simulator {
    /// `POST` on either family: auth, validation, faults, then a queued job. Every create the account
    /// makes (a refused one too, but not one without an accepted key) gets its request-log row.
    func create(_ incoming: IncomingRequest, family: SimulatorEndpointFamily) -> Answer {
        guard incoming.hadValidAuth else { return unauthorizedAnswer(incoming) }
        let requestID = UUID().uuidString.lowercased()
        let valid: ValidCreate
        switch CreateValidation.validate(incoming.bodyJSON, family: family) {
        case .failure(let failure):
            logRefusedCreate(incoming, requestID: requestID)
            let response = ProviderResponse.error(
                status: 400, message: failure.message, path: incoming.path, requestID: requestID)
            return Answer(response: response, status: 400)
        case .success(let create):
            valid = create
        }

        let fault = state.withLock { $0.takeFault(for: .create, header: incoming.headerFault) { _ in true } }
        if let fault, [.rateLimited, .rateLimitedRetryAfter, .unavailable, .unauthorized, .noCredits].contains(fault),
            let response = ProviderResponse.fault(fault, path: incoming.path, requestID: requestID)
        {
            // A 401 means the key was not accepted: the request belongs to no account's logs.
            if fault != .unauthorized { logRefusedCreate(incoming, requestID: requestID) }
            return Answer(response: response, status: ProviderResponse.statusCode(of: fault) ?? 0, fault: fault)
        }

        if fault == .hostileText {
            logRefusedCreate(incoming, requestID: requestID)
            let response = SimulatorHostileText.createResponse(prompt: valid.prompt, path: incoming.path)
            return Answer(response: response, status: 400, fault: fault)
        }
        let job = issue(
            valid, family: family, origin: .api, clientRequestID: incoming.clientRequestID, requestID: requestID)
        let idKey = family == .vendor ? "generation_id" : "id"
        let body: JSONValue = [
            idKey: .string(job.issuedID),
            "status": "queued",
            "meta": ["usage": usage(credits: job.credits, family: family)],
        ]
        var answer = Answer(
            response: ProviderResponse.json(body), status: 200, generationID: job.issuedID, fault: fault)
        switch fault {
        case .serverError?, .badGateway?, .gatewayTimeout?:
            answer.response = ProviderResponse.fault(fault!, path: incoming.path, requestID: requestID)!
            answer.status = ProviderResponse.statusCode(of: fault!) ?? 0
        case .slow?:
            answer.delay = configuration.slowDelay
        case .reset?:
            answer.response = ProviderResponse.dropped(after: body.serialized)
            answer.status = 0
        case .truncatedJSON?:
            answer.response = ProviderResponse.truncated(body)
        case .malformedJSON?:
            answer.response = ProviderResponse.malformed(id: job.issuedID)
        default:
            if JobOutcome.losesAnswer(prompt: valid.prompt) {
                answer.response = ProviderResponse.dropped(after: body.serialized)
                answer.status = 0
            }
        }
        if answer.status == 200 {
            answer.headers[.inferenceID] = job.issuedID
            answer.headers.append(contentsOf: costHeaders(credits: job.credits, fault: fault))
        }
        return answer
    }

    /// Creates the job: a stateless id, remembered in the table, the issued list (API creates only)
    /// and the request logs, with its price fixed now.
    func issue(
        _ valid: ValidCreate, family: SimulatorEndpointFamily?, origin: RequestOrigin, clientRequestID: String?,
        requestID: String
    ) -> IssuedJob {
        let outcome = JobOutcome.choose(prompt: valid.prompt, duration: valid.duration, resolution: valid.resolution)
        let credits = self.credits(model: valid.model, resolution: valid.resolution, duration: valid.duration)
        let now = clockNow()
        let nowMillis = Int64((now * 1000).rounded(.down))
        return state.withLock { state in
            let id = state.makeID(nowMillis: nowMillis, clipSeconds: valid.duration, outcome: outcome)
            let numeric = id.numeric
            let issuedID = family == .unified ? "\(numeric):\(valid.model)" : numeric
            let job = IssuedJob(
                issuedID: issuedID, id: id, model: valid.model, duration: valid.duration,
                resolution: valid.resolution, family: family, credits: credits, clientRequestID: clientRequestID
            )
            state.jobs[numeric] = job
            if origin == .api { state.issued.append(issuedID) }
            state.logRows.append(
                RequestLogEntry(
                    created: now, origin: origin, model: valid.model, requestID: requestID,
                    job: id, inferenceID: issuedID, clientRequestID: clientRequestID, credits: credits))
            return job
        }
    }

    /// Adds the log row of a create that was refused (no job, nothing charged).
    private func logRefusedCreate(_ incoming: IncomingRequest, requestID: String) {
        var model: String?
        if case .object(let object)? = incoming.bodyJSON, case .string(let name)? = object["model"] { model = name }
        let row = RequestLogEntry(
            created: clockNow(), origin: .api, model: model, requestID: requestID, job: nil, inferenceID: nil,
            clientRequestID: incoming.clientRequestID, credits: 0)
        state.withLock { $0.logRows.append(row) }
    }
}
