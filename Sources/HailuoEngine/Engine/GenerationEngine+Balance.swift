import Foundation
import HailuoCore

/// The account's balance: read at ``start(only:)`` and after a job completes, in the background.
extension GenerationEngine {
    /// The latest balance read by this engine, or `nil` when none could be had yet. Never waits for
    /// the network: refreshes happen in the background (see ``balanceReading()``).
    public func balance() async -> Balance? {
        await balanceKeeper.latest?.balance
    }

    /// The latest balance reading, with when it was read and whether it is the demo simulator's.
    public func balanceReading() async -> BalanceReading? {
        await balanceKeeper.latest
    }

    /// Reads the balance now, once, waiting at most `timeout` seconds; `nil` when it cannot be had
    /// (no answer, a refused key, a server error, an unreadable answer). A reading is also kept as
    /// the latest and published as ``EngineEvent/balance(_:)``.
    public func fetchBalance(timeout: Double = 5) async -> Balance? {
        guard let balance = await client.balance(timeout: timeout) else { return nil }
        await balanceKeeper.keep(BalanceReading(balance: balance, at: Date(), isDemo: configuration.isDemo))
        return balance
    }

    /// Asks for a background refresh (at most one request a minute, one at a time).
    func refreshBalance() async {
        await balanceKeeper.refresh()
    }
}
