/// How far the lookup of an unconfirmed job in the provider's request logs has come.
public enum SettleState: String, Sendable, Codable, CaseIterable {
    /// Looked up at least once and not found yet; looked up again later.
    case checking
    /// Found in the logs: the job now carries its generation id.
    case found
    /// Not in the logs after the grace period: the create most likely never arrived, so
    /// resending it does not risk paying twice.
    case notFoundUpstream
}
