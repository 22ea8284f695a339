import Foundation

/// What one answer says a job cost, in USD, chosen from the figures it carries.
///
/// The rule, when several figures are present (they may disagree): the body's
/// `meta.usage.usd_spent` wins; else the `x-aimlapi-usd-spent` header; else the body's
/// `meta.usage.credits_used`; else the `x-aimlapi-credits-used` header. Credits are divided by
/// 2,000,000 (``creditsPerUSD``). The body is preferred because it is part of the answer the
/// provider's schema documents, while headers may be added or dropped by proxies on the way.
/// A figure that is negative, NaN, infinite or not a number is never used; it is named in
/// ``Reading/rejected`` so that the caller can warn once. `tokens_used` is never money.
public struct ProviderCost: Sendable, Equatable {
    /// Credits in one USD.
    public static let creditsPerUSD = 2_000_000.0

    /// Where a figure came from.
    public enum Source: String, Sendable, Equatable {
        case usageUSD = "meta.usage.usd_spent"
        case headerUSD = "x-aimlapi-usd-spent"
        case usageCredits = "meta.usage.credits_used"
        case headerCredits = "x-aimlapi-credits-used"
    }

    /// The cost in USD (finite, zero or more).
    public var usd: Double
    /// The figure it was read from.
    public var source: Source

    public init(usd: Double, source: Source) {
        self.usd = usd
        self.source = source
    }

    /// The outcome of reading one answer's figures.
    public struct Reading: Sendable, Equatable {
        /// The cost, when the answer had a usable figure.
        public var cost: ProviderCost?
        /// Names of figures that were present but unusable (never their values).
        public var rejected: [String]
    }

    /// Picks the cost from an answer's `meta.usage` and cost headers by the rule above.
    public static func read(usage: Usage?, trace: AnswerTrace) -> Reading {
        var rejected = usage?.rejected ?? []
        func header(_ text: String?, _ source: Source) -> Double? {
            guard let text else { return nil }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let value = Double(trimmed), isUsable(value) else {
                rejected.append(source.rawValue)
                return nil
            }
            return value
        }
        func body(_ value: Double?, _ source: Source) -> Double? {
            guard let value else { return nil }
            guard isUsable(value) else {
                rejected.append(source.rawValue)
                return nil
            }
            return value
        }
        let usageUSD = body(usage?.usdSpent, .usageUSD)
        let headerUSD = header(trace.usdSpent, .headerUSD)
        let usageCredits = body(usage?.creditsUsed, .usageCredits)
        let headerCredits = header(trace.creditsUsed, .headerCredits)
        var cost: ProviderCost?
        if let usageUSD {
            cost = ProviderCost(usd: usageUSD, source: .usageUSD)
        } else if let headerUSD {
            cost = ProviderCost(usd: headerUSD, source: .headerUSD)
        } else if let usageCredits {
            cost = ProviderCost(usd: usageCredits / creditsPerUSD, source: .usageCredits)
        } else if let headerCredits {
            cost = ProviderCost(usd: headerCredits / creditsPerUSD, source: .headerCredits)
        }
        return Reading(cost: cost, rejected: rejected)
    }

    static func isUsable(_ value: Double) -> Bool { value.isFinite && value >= 0 }
}
