/// What the generation engine tells front ends, in order, through its `events()` stream.
public enum EngineEvent: Sendable, Equatable {
    /// A job changed (status, result, download, phase).
    case jobChanged(Job)
    /// Jobs written to the store since the engine last looked, by any process (this one too), in
    /// the order they were written; each job once, as it is now. Nothing is ever deleted, so a
    /// front end that applies these stays in step without reading every job again.
    case jobsChanged([Job])
    /// Groups (batches, variants) made or changed in the store since the engine last looked, by any
    /// process; sent before the ``jobsChanged(_:)`` that carries their jobs.
    case groupsChanged([JobGroup])
    /// The connection state changed.
    case connection(ConnectionState)
    /// Bytes of a download arrived.
    case downloadProgress(DownloadProgress)
    /// A download failed; the text says why in words.
    case downloadFailed(jobID: String, message: String)
    /// A new reading of the account's balance (demo mode: the simulator's).
    case balance(BalanceReading)
}
