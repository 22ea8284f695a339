import HailuoCore

/// The `[budget]` table.
extension ConfigFile {
    /// The keys `[budget]` takes.
    static let budgetKeys = ["daily_usd", "monthly_usd", "per_job_usd"]

    /// Reads `[budget]`: each cap a positive number of US dollars. An unknown key is an error,
    /// not a warning: a misspelt cap silently ignored would let spending run past it.
    static func readBudget(_ section: ConfigSection) throws(ConfigError) -> Budget {
        if let unknown = section.values.keys.sorted().first(where: { !budgetKeys.contains($0) }) {
            throw .unknownKey(key: InertText.oneLine(section.fullKey(unknown)), allowed: budgetKeys)
        }
        func cap(_ key: String) throws(ConfigError) -> Double? {
            try section.number(
                key, expected: "a number of US dollars", within: Double.leastNonzeroMagnitude...1e9,
                rule: "must be a number of US dollars more than 0")
        }
        return Budget(
            dailyUSD: try cap("daily_usd"), monthlyUSD: try cap("monthly_usd"), perJobUSD: try cap("per_job_usd"))
    }
}
