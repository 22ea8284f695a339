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

    public init(
        id: String?, status: String, videoURL: String?, errorMessage: String?, usageJSON: String?
    ) {
        self.id = id
        self.status = status
        self.videoURL = videoURL
        self.errorMessage = errorMessage
        self.usageJSON = usageJSON
    }

    /// The status's meaning.
    public var meaning: StatusMeaning { ProviderStatus.meaning(of: status) }
}
