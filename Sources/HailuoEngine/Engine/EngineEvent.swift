import Foundation
import HailuoCore

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

/// What the engine tells front ends, in order, through ``GenerationEngine/events()``.
public enum EngineEvent: Sendable, Equatable {
    /// A job changed (status, result, download, phase).
    case jobChanged(Job)
    /// Another process changed the store; reload what you show.
    case storeChanged
    /// The connection state changed.
    case connection(ConnectionState)
    /// Bytes of a download arrived.
    case downloadProgress(DownloadProgress)
    /// A download failed; the text says why in words.
    case downloadFailed(jobID: String, message: String)
}
