/// Budget checks for many jobs at once (a batch file, a set of variants).
extension Budget {
    /// The sentence refusing jobs that together would pass a cap, or `nil` when they all fit.
    /// - Parameters:
    ///   - charges: what each job not yet sent counts for (its price, or its model's highest known price).
    ///   - note: said after the total when some figure is not a job's own price.
    public func refusal(batch charges: [Double], note: String? = nil, ledger: BudgetLedger) -> String? {
        guard !charges.isEmpty else { return nil }
        let total = charges.reduce(0, +)
        let jobs = charges.count == 1 ? "1 job" : "\(charges.count) jobs"
        let batch = "these \(jobs) \(PriceQuote.dollars(total))" + (note.map { " (\($0))" } ?? "")
        if let cap = perJobUSD, let dearest = charges.max(), dearest > cap + Self.tolerance {
            let over = charges.filter { $0 > cap + Self.tolerance }.count
            return "per-job budget \(PriceQuote.dollars(cap)): \(over) of \(jobs) would cost more "
                + "(the dearest \(PriceQuote.dollars(dearest)))"
        }
        return periodRefusal(adding: total, described: batch, ledger: ledger)
    }
}
