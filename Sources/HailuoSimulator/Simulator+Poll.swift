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
        let ended = snapshot.status == "completed" || snapshot.status == "error"
        let fault = state.withLock { state in
            state.takeFault(for: .poll, header: incoming.headerFault) { fault in
                if fault == .expiredLink { return snapshot.isCompletedWithVideo }
                if fault.isCostHeaderFault { return ended }
                return true
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
        // A failed job costs nothing; any other answer states what the job costs (the hold).
        let credits = snapshot.status == "error" ? 0 : known?.credits ?? unknownJobCredits(givenID, id, resolution)
        var video: JSONValue =
            snapshot.status == "completed" && snapshot.hasVideo
            ? ["url": .string(SignedLink.url(origin: incoming.origin, numericID: id.numeric, expires: expires))]
            : .null
        // H3 Max's schema allows `video` as a list of objects: answered that way, so clients meet it.
        if video != .null, (known?.model ?? givenID).hasSuffix("minimax/h3-max") { video = .array([video]) }
        let body: JSONValue = [
            "id": .string(givenID),
            "status": .string(snapshot.status),
            "video": video,
            "error": fault == .hostileText ? SimulatorHostileText.pollError : snapshot.error?.json ?? .null,
            "meta": ["usage": usage(credits: credits, family: family)],
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
        if answer.status == 200 {
            answer.headers[.inferenceID] = givenID
            answer.headers.append(contentsOf: costHeaders(credits: credits, fault: fault))
        }
        return answer
    }

    /// The price of a job another instance issued: its model from a unified id's suffix (else
    /// Hailuo-02), its clip length from the id, `resolution` guessed by the caller.
    private func unknownJobCredits(_ givenID: String, _ id: GenerationID, _ resolution: String) -> Int {
        let parts = givenID.split(separator: ":", maxSplits: 1)
        let model = parts.count == 2 ? String(parts[1]) : "minimax/hailuo-02"
        return credits(model: model, resolution: resolution, duration: id.clipSeconds)
    }
}
