import Foundation
import Hummingbird

extension Simulator {
    /// Made-up usage figure for a job: `duration * 21000` at 768P, twice that at 1080P.
    static func usage(duration: Int, resolution: String) -> Double {
        Double(duration * (resolution == "1080P" ? 42_000 : 21_000))
    }

    /// `POST` on either family: auth, validation, faults, then a queued job.
    func create(_ incoming: IncomingRequest, family: SimulatorEndpointFamily) -> Answer {
        guard incoming.hadValidAuth else { return unauthorizedAnswer(incoming) }
        let valid: ValidCreate
        switch CreateValidation.validate(incoming.bodyJSON, family: family) {
        case .failure(let failure):
            return Answer(
                response: ProviderResponse.error(status: 400, message: failure.message, path: incoming.path),
                status: 400)
        case .success(let create):
            valid = create
        }

        let fault = state.withLock { $0.takeFault(for: .create, header: incoming.headerFault) { _ in true } }
        if let fault, [.rateLimited, .rateLimitedRetryAfter, .unavailable, .unauthorized, .noCredits].contains(fault),
            let response = ProviderResponse.fault(fault, path: incoming.path)
        {
            return Answer(response: response, status: ProviderResponse.statusCode(of: fault) ?? 0, fault: fault)
        }

        if fault == .hostileText {
            let response = SimulatorHostileText.createResponse(prompt: valid.prompt, path: incoming.path)
            return Answer(response: response, status: 400, fault: fault)
        }
        let job = issue(valid, family: family)
        let usageKey = family == .vendor ? "tokens_used" : "credits_used"
        let idKey = family == .vendor ? "generation_id" : "id"
        let body: JSONValue = [
            idKey: .string(job.issuedID),
            "status": "queued",
            "meta": ["usage": [usageKey: .number(Self.usage(duration: valid.duration, resolution: valid.resolution))]],
        ]
        var answer = Answer(
            response: ProviderResponse.json(body), status: 200, generationID: job.issuedID, fault: fault)
        switch fault {
        case .serverError?, .badGateway?, .gatewayTimeout?:
            answer.response = ProviderResponse.fault(fault!, path: incoming.path)!
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
        return answer
    }

    /// Creates the job: a stateless id, remembered in the table and the issued list.
    private func issue(_ valid: ValidCreate, family: SimulatorEndpointFamily) -> IssuedJob {
        let outcome = JobOutcome.choose(prompt: valid.prompt, duration: valid.duration, resolution: valid.resolution)
        let nowMillis = Int64((clockNow() * 1000).rounded(.down))
        return state.withLock { state in
            let id = state.makeID(nowMillis: nowMillis, clipSeconds: valid.duration, outcome: outcome)
            let numeric = id.numeric
            let issuedID = family == .unified ? "\(numeric):\(valid.model)" : numeric
            let job = IssuedJob(
                issuedID: issuedID, model: valid.model, duration: valid.duration,
                resolution: valid.resolution, family: family
            )
            state.jobs[numeric] = job
            state.issued.append(issuedID)
            return job
        }
    }
}
