/// Spending caps from the config's `[budget]` table; each `nil` when not set.
public struct Budget: Sendable, Equatable, CustomStringConvertible {
    /// Cap for the calendar day (local time), USD.
    public var dailyUSD: Double?
    /// Cap for the calendar month (local time), USD.
    public var monthlyUSD: Double?
    /// Cap for one job, USD.
    public var perJobUSD: Double?

    /// Caps as given; `nil` means no cap.
    public init(dailyUSD: Double? = nil, monthlyUSD: Double? = nil, perJobUSD: Double? = nil) {
        self.dailyUSD = dailyUSD
        self.monthlyUSD = monthlyUSD
        self.perJobUSD = perJobUSD
    }

    /// `daily $5.00, monthly $50.00, per job $0.60` (only the caps set), or `none`.
    public var description: String {
        let caps = [("daily", dailyUSD), ("monthly", monthlyUSD), ("per job", perJobUSD)].compactMap { name, cap in
            cap.map { "\(name) \(PriceQuote.dollars($0))" }
        }
        return caps.isEmpty ? "none" : caps.joined(separator: ", ")
    }

    /// Whether no cap is set.
    public var isEmpty: Bool { dailyUSD == nil && monthlyUSD == nil && perJobUSD == nil }

    /// The sentence refusing a job that would pass a cap, or `nil` when it fits every cap.
    /// - Parameters:
    ///   - thisJob: what the job counts for (its price, or its model's highest known price).
    ///   - thisJobNote: said after the job's figure when it is not the job's own price.
    public func refusal(thisJob: Double, thisJobNote: String? = nil, ledger: BudgetLedger) -> String? {
        let job = "this job \(PriceQuote.dollars(thisJob))" + (thisJobNote.map { " (\($0))" } ?? "")
        if let cap = perJobUSD, thisJob > cap + Self.tolerance {
            return "per-job budget \(PriceQuote.dollars(cap)): \(job) is over it"
        }
        return periodRefusal(adding: thisJob, described: job, ledger: ledger)
    }

    /// The sentence refusing `amount` (worded `described`) on top of the ledger when it would pass
    /// the daily or the monthly cap, the daily one first; `nil` when it fits both.
    func periodRefusal(adding amount: Double, described: String, ledger: BudgetLedger) -> String? {
        let periods: [(String, Double?, Double)] = [
            ("daily", dailyUSD, ledger.spentToday), ("monthly", monthlyUSD, ledger.spentThisMonth),
        ]
        for (name, cap, spent) in periods {
            guard let cap else { continue }
            let total = spent + ledger.pending + amount
            if total > cap + Self.tolerance {
                return "\(name) budget \(PriceQuote.dollars(cap)): spent \(PriceQuote.dollars(spent)) + pending "
                    + "\(PriceQuote.dollars(ledger.pending)) + \(described) = \(PriceQuote.dollars(total))"
            }
        }
        return nil
    }

    /// Sums of many figures may differ from a cap by rounding alone.
    static let tolerance = 0.000_000_1
}

/// What jobs already in the store count against the budget when a new one is checked.
public struct BudgetLedger: Sendable, Equatable {
    /// Cost (the provider's where known, else the estimate) of jobs created today that are done
    /// and not failed or dismissed.
    public var spentToday: Double
    /// The same for jobs created this calendar month.
    public var spentThisMonth: Double
    /// Estimates of jobs still submitting, pending or unconfirmed (whenever they were created).
    public var pending: Double

    /// A ledger with these sums.
    public init(spentToday: Double, spentThisMonth: Double, pending: Double) {
        self.spentToday = spentToday
        self.spentThisMonth = spentThisMonth
        self.pending = pending
    }
}
