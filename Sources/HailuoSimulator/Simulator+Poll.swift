import Foundation
import Hummingbird

extension Simulator {
    /// `GET ...?generation_id=ID` on either family: the job's state on simulated time, with faults.
    func poll(_ incoming: IncomingRequest, family: SimulatorEndpointFamily) -> Answer {
        guard incoming.hadValidAuth else { return unauthorizedAnswer(incoming) }
        guard let givenID = incoming.queryItems["generation_id"], !givenID.isEmpty else {
            let message = "Query validation error!\nRequired at \"generation_id\""
            return Answer(
                response: ProviderResponse.error(status: 400, message: message, path: incoming.path), status: 400)
        }
        guard let id = GenerationID(decoding: givenID) else {
            let response = ProviderResponse.error(
                status: 404, message: "Generation \(givenID) not found", path: incoming.path)
            return Answer(response: response, status: 404, generationID: givenID)
        }
        let now = clockNow()
        let elapsed = (now - Double(id.createdMillis) / 1000) * timeScale
        var snapshot = JobLifecycle.snapshot(of: id, elapsed: elapsed)
        let fault = state.withLock { state in
            state.takeFault(for: .poll, header: incoming.headerFault) { fault in
                fault != .expiredLink || snapshot.isCompletedWithVideo
            }
        }
        var answer = Answer(response: Response(status: .ok), status: 200, generationID: givenID, fault: fault)
        if let fault, let response = ProviderResponse.fault(fault, path: incoming.path) {
            answer.response = response
            answer.status = ProviderResponse.statusCode(of: fault) ?? 0
            return answer
        }
        var expires = Int64((now + configuration.linkLifetime).rounded(.down))
        switch fault {
        case .unknownStatus?: snapshot = JobSnapshot(status: "throttled", hasVideo: false, error: nil)
        case .completedWithoutURL?: snapshot = JobSnapshot(status: "completed", hasVideo: false, error: nil)
        case .errorMessage?: snapshot = JobSnapshot(status: "error", hasVideo: false, error: .generationFailed)
        case .errorDetail?: snapshot = JobSnapshot(status: "error", hasVideo: false, error: .detailFailure)
        case .errorText?: snapshot = JobSnapshot(status: "error", hasVideo: false, error: .textFailure)
        case .expiredLink?: expires = Int64(now.rounded(.down)) - 60
        case .hostileText?:
            snapshot = JobSnapshot(status: "error", hasVideo: false, error: .message(name: "", message: ""))
        default: break
        }

        let known = state.withLock { $0.jobs[id.numeric] }
        let resolution = known?.resolution ?? (id.outcome == .failsResolutionDuration ? "1080P" : "768P")
        let usageKey = family == .vendor ? "tokens_used" : "credits_used"
        let video: JSONValue =
            snapshot.status == "completed" && snapshot.hasVideo
            ? ["url": .string(SignedLink.url(origin: incoming.origin, numericID: id.numeric, expires: expires))]
            : .null
        let body: JSONValue = [
            "id": .string(givenID),
            "status": .string(snapshot.status),
            "video": video,
            "error": fault == .hostileText ? SimulatorHostileText.pollError : snapshot.error?.json ?? .null,
            "meta": ["usage": [usageKey: .number(Self.usage(duration: id.clipSeconds, resolution: resolution))]],
        ]
        answer.response = ProviderResponse.json(body)
        switch fault {
        case .slow?: answer.delay = configuration.slowDelay
        case .reset?:
            answer.response = ProviderResponse.dropped(after: body.serialized)
            answer.status = 0
        case .truncatedJSON?: answer.response = ProviderResponse.truncated(body)
        case .malformedJSON?: answer.response = ProviderResponse.malformed(id: givenID)
        default: break
        }
        return answer
    }
}
