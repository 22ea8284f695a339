/// The tracing and cost headers of one answer, as raw text (docs/PROVIDER.md, "Cost headers").
///
/// Kept as text so that a header the provider garbles is ignored by ``ProviderCost`` rather than
/// failing the answer it came with.
public struct AnswerTrace: Sendable, Equatable {
    /// `x-inference-id`.
    public var inferenceID: String?
    /// `x-client-request-id`: the provider's echo of the id the request carried.
    public var clientRequestID: String?
    /// `x-aimlapi-credits-used`.
    public var creditsUsed: String?
    /// `x-aimlapi-usd-spent`.
    public var usdSpent: String?

    public init(
        inferenceID: String? = nil, clientRequestID: String? = nil, creditsUsed: String? = nil, usdSpent: String? = nil
    ) {
        self.inferenceID = inferenceID
        self.clientRequestID = clientRequestID
        self.creditsUsed = creditsUsed
        self.usdSpent = usdSpent
    }

    /// Lower-case names of the headers read.
    public enum Header {
        public static let inferenceID = "x-inference-id"
        public static let clientRequestID = "x-client-request-id"
        public static let creditsUsed = "x-aimlapi-credits-used"
        public static let usdSpent = "x-aimlapi-usd-spent"
    }
}
