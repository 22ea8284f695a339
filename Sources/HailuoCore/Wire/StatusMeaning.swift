/// What a provider status word means for the client.
public enum StatusMeaning: Sendable, Equatable {
    /// Still working: keep polling.
    case pending
    /// Done: the answer should carry `video.url`.
    case completed
    /// Failed upstream: show the error.
    case failed
    /// A word outside the documented set: show it as is, keep polling with backoff.
    case unknown
}
