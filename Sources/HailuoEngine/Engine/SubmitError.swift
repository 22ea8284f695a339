import HailuoCore

/// Why a submission did not become a job the provider accepted.
public enum SubmitError: Error, Sendable, CustomStringConvertible {
    /// The request broke a rule; nothing was stored or sent.
    case invalid(ValidationError)
    /// A local problem (the store could not be written); nothing was sent.
    case local(String)
    /// The job would pass a budget cap; nothing was stored or sent. The sentence names the cap
    /// and the figures (`daily budget $1.00: spent $0.59 + pending $0.29 + this job $0.29 = $1.17`).
    case budget(String)

    public var description: String {
        switch self {
        case .invalid(let error): error.description
        case .local(let message): message
        case .budget(let sentence): sentence
        }
    }
}

/// A failure of an engine action on an existing job, in words.
public struct EngineError: Error, Sendable, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
