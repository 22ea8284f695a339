/// The provider's answer to a poll.
public struct PollResult: Sendable, Equatable {
    public var id: String?
    /// The status word exactly as sent.
    public var status: String
    /// `video.url`, when present and non-empty.
    public var videoURL: String?
    /// The `error` field rendered as one sentence, when present.
    public var errorMessage: String?
    /// `meta.usage` as compact JSON text, when present.
    public var usageJSON: String?
    /// `meta.usage`'s money figures, when present.
    public var usage: Usage?
    /// The tracing and cost headers of the answer.
    public var trace: AnswerTrace

    public init(
        id: String?, status: String, videoURL: String?, errorMessage: String?, usageJSON: String?,
        usage: Usage? = nil, trace: AnswerTrace = .init()
    ) {
        self.id = id
        self.status = status
        self.videoURL = videoURL
        self.errorMessage = errorMessage
        self.usageJSON = usageJSON
        self.usage = usage
        self.trace = trace
    }

    /// The status's meaning.
    public var meaning: StatusMeaning { ProviderStatus.meaning(of: status) }

    /// What the answer says the job costs (see ``ProviderCost`` for the rule).
    public var cost: ProviderCost.Reading { ProviderCost.read(usage: usage, trace: trace) }
}
