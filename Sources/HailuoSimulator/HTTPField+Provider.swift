import Hummingbird

/// The provider's tracing and cost headers. (`HTTPFields.Element` is HTTPTypes' `HTTPField`, which
/// Hummingbird does not re-export by name.)
extension HTTPFields.Element.Name {
    /// The provider's id for the work (the generation id of an async job).
    static let inferenceID = Self("x-inference-id")!
    /// The echo of a valid `X-Client-Request-Id` (the request header has the same name).
    static let clientRequestID = Self("x-client-request-id")!
    /// Credits charged, an integer.
    static let creditsUsed = Self("x-aimlapi-credits-used")!
    /// The same amount in USD, a decimal.
    static let usdSpent = Self("x-aimlapi-usd-spent")!
}
