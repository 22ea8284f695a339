import Foundation

/// How the link to the provider looks from here.
public enum ConnectionState: Sendable, Equatable {
    /// The last request got an answer.
    case online
    /// Requests fail; the text says why.
    case offline(String)
    /// The provider asked us to slow down; polling pauses until then.
    case rateLimited(until: Date)
    /// The key was refused (401/403); the text says what the provider said.
    case unauthorized(String)
}
