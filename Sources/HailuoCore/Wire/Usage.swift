/// The money figures of an answer's `meta.usage`, as sent.
///
/// `credits_used` and `usd_spent` are money; the older `tokens_used` is not (it is kept in the job's
/// usage text, never read as a cost). A field that is present but not a finite number is kept as
/// text in ``rejected`` so the caller can warn about it.
public struct Usage: Sendable, Equatable {
    /// `credits_used`, when a finite number.
    public var creditsUsed: Double?
    /// `usd_spent`, when a finite number.
    public var usdSpent: Double?
    /// `tokens_used`, when a finite number (not money).
    public var tokensUsed: Double?
    /// Names of money fields that were present but not usable numbers (`meta.usage.usd_spent`).
    public var rejected: [String]

    public init(creditsUsed: Double? = nil, usdSpent: Double? = nil, tokensUsed: Double? = nil, rejected: [String] = [])
    {
        self.creditsUsed = creditsUsed
        self.usdSpent = usdSpent
        self.tokensUsed = tokensUsed
        self.rejected = rejected
    }
}
