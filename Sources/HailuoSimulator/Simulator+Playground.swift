import Foundation

/// Jobs made elsewhere: as if on the provider's website, not through the API.
extension Simulator {
    /// Creates a job as if it were made on the provider's website and returns its generation id
    /// (numeric, without a `:model` suffix). It polls like any other job (prompt markers apply), is
    /// charged like the rest when it completes, and has a `GET /v2/logs` row with `origin`
    /// `"playground"` and `client_request_id` null. It is not in `issuedGenerationIDs()` and no
    /// request is recorded. A `duration` other than 10 counts as 6 (the ids hold only those two).
    @discardableResult
    public func addPlaygroundJob(
        model: String = "minimax/hailuo-02", prompt: String = "A playground clip", duration: Int = 6,
        resolution: String = "768P"
    ) -> String {
        let valid = ValidCreate(model: model, prompt: prompt, duration: duration == 10 ? 10 : 6, resolution: resolution)
        return issue(
            valid, family: nil, origin: .playground, clientRequestID: nil, requestID: UUID().uuidString.lowercased()
        ).issuedID
    }
}
