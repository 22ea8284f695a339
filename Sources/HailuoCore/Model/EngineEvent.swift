/// What the generation engine tells front ends, in order, through its `events()` stream.
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
    /// A new reading of the account's balance (demo mode: the simulator's).
    case balance(BalanceReading)
}
