import Foundation

/// Read-only facts for benchmarks: when a job ends on this simulator's clock, and how many requests
/// of each kind arrived.
extension Simulator {
    /// Provider seconds from creation to the end of the job with this id (as issued, with or
    /// without a `:model` suffix): completion for a job that completes, the failure for one that
    /// fails. Nil when the id is not one a simulator issued.
    public func providerSecondsToEnd(ofGenerationID id: String) -> Double? {
        guard let decoded = GenerationID(decoding: id) else { return nil }
        switch decoded.outcome {
        case .completes, .completesWithoutURL, .unknownStatusThenCompletes: return decoded.totalSeconds
        case .failsWithMessage, .failsWithDetail, .failsWithText: return decoded.totalSeconds * 0.5
        case .failsResolutionDuration: return 0
        case .failsEarly: return decoded.earlyFailureSeconds
        }
    }

    /// The prompt marker that chose how the job with this id ends (`[sim:fail-early]` for a job
    /// refused seconds after acceptance); nil for a job without one, or an id no simulator issued.
    public func outcomeMarker(ofGenerationID id: String) -> SimulatorPromptMarker? {
        guard let decoded = GenerationID(decoding: id) else { return nil }
        let marker = JobOutcome.markers.first { $0.outcome == decoded.outcome }?.marker
        return marker.flatMap(SimulatorPromptMarker.init(rawValue:))
    }

    /// The wall-clock moment the job with this id ends (see ``providerSecondsToEnd(ofGenerationID:)``),
    /// taking `advanceClock` into account as it stands now. Nil when the id is not one a simulator issued.
    public func endDate(ofGenerationID id: String) -> Date? {
        guard let decoded = GenerationID(decoding: id), let span = providerSecondsToEnd(ofGenerationID: id) else {
            return nil
        }
        let offset = state.withLock { $0.clockOffset }
        let created = Double(decoded.createdMillis) / 1000
        return Date(timeIntervalSince1970: created + span / timeScale - offset)
    }

    /// `GET /v2/logs` requests received since the start or the last `reset()`, whatever their answer
    /// (a benchmark reports them per settled job).
    public var logsRequestCount: Int { requestCount(of: .logs) }

    /// Requests of `kind` received since the start or the last `reset()`, whatever their answer
    /// (control routes are not counted; `.any` counts requests to unknown paths).
    public func requestCount(of kind: RequestKind) -> Int {
        state.withLock { $0.requestCounts[kind] ?? 0 }
    }
}
