import HailuoCore

/// Why a submission did not become a job the provider accepted.
public enum SubmitError: Error, Sendable, CustomStringConvertible {
    /// The request broke a rule; nothing was stored or sent.
    case invalid(ValidationError)
    /// A local problem (the store could not be written); nothing was sent.
    case local(String)

    public var description: String {
        switch self {
        case .invalid(let error): error.description
        case .local(let message): message
        }
    }
}

/// A failure of an engine action on an existing job, in words.
public struct EngineError: Error, Sendable, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
