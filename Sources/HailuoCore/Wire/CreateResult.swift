/// The provider's answer to a create request.
public struct CreateResult: Sendable, Equatable {
    /// The generation id (`generation_id`, or `id` in some schemas), opaque.
    public var generationID: String
    /// The status word sent with it (usually `queued`).
    public var status: String?
    /// `meta.usage` as compact JSON text, when present.
    public var usageJSON: String?
    /// `meta.usage`'s money figures, when present.
    public var usage: Usage?
    /// The tracing and cost headers of the answer.
    public var trace: AnswerTrace

    public init(
        generationID: String, status: String?, usageJSON: String?, usage: Usage? = nil, trace: AnswerTrace = .init()
    ) {
        self.generationID = generationID
        self.status = status
        self.usageJSON = usageJSON
        self.usage = usage
        self.trace = trace
    }

    /// What the answer says the job costs (see ``ProviderCost`` for the rule).
    public var cost: ProviderCost.Reading { ProviderCost.read(usage: usage, trace: trace) }
}
