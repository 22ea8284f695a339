/// How a job ends, from its id alone and the simulator's clock.
extension GenerationID {
    /// Whether the job ends in failure (status `"error"`).
    var fails: Bool {
        switch outcome {
        case .completes, .completesWithoutURL, .unknownStatusThenCompletes: false
        case .failsWithMessage, .failsWithDetail, .failsWithText, .failsResolutionDuration, .failsEarly: true
        }
    }

    /// Provider seconds since creation at `now` (simulator clock, seconds since 1970).
    func elapsed(now: Double, timeScale: Double) -> Double {
        (now - Double(createdMillis) / 1000) * timeScale
    }

    /// Whether a poll at `now` would report the job ended (`completed` or `error`).
    func hasEnded(now: Double, timeScale: Double) -> Bool {
        let status = JobLifecycle.snapshot(of: self, elapsed: elapsed(now: now, timeScale: timeScale)).status
        return status == "completed" || status == "error"
    }
}
