/// How far one download has come.
public struct DownloadProgress: Sendable, Equatable {
    /// The local id of the job being downloaded.
    public var jobID: String
    /// Bytes on disk so far, including what an earlier, interrupted try left in the `.part` file.
    public var received: Int64
    /// The full size when the server said it, else `nil`.
    public var total: Int64?

    /// Creates a progress report.
    public init(jobID: String, received: Int64, total: Int64?) {
        self.jobID = jobID
        self.received = received
        self.total = total
    }

    /// `received / total` in 0...1, when the total is known and not zero.
    public var fraction: Double? {
        guard let total, total > 0 else { return nil }
        return min(1, max(0, Double(received) / Double(total)))
    }
}
