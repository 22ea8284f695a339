import Foundation
import HailuoCore

/// Amounts of money as the command line writes them.
enum MoneyText {
    /// `$0.29`; amounts under a cent keep four places (`$0.0050`).
    static func usd(_ amount: Double) -> String {
        let places = amount != 0 && abs(amount) < 0.01 ? 4 : 2
        return "$" + String(format: "%.\(places)f", amount)
    }

    /// A job's cost: `$0.29 (provider)`, `~$0.29 (estimate)` or `unknown`.
    static func cost(of job: Job) -> String {
        if let cost = job.costUSD { return "\(usd(cost)) (provider)" }
        if let estimate = job.estimatedUSD { return "~\(usd(estimate)) (estimate)" }
        return "unknown"
    }
}
