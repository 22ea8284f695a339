import Foundation

/// The account's balance as the provider's `GET /v2/billing` reports it.
public struct Balance: Sendable, Equatable, Codable {
    /// `current_balance`, in ``currency`` (finite; may be negative).
    public var amount: Double
    /// `currency`, usually `USD`.
    public var currency: String

    public init(amount: Double, currency: String = "USD") {
        self.amount = amount
        self.currency = currency
    }
}

/// A balance and when and where it was read.
public struct BalanceReading: Sendable, Equatable {
    public var balance: Balance
    /// When the answer arrived.
    public var at: Date
    /// Whether it came from the demo simulator (not the user's money).
    public var isDemo: Bool

    public init(balance: Balance, at: Date, isDemo: Bool) {
        self.balance = balance
        self.at = at
        self.isDemo = isDemo
    }
}
