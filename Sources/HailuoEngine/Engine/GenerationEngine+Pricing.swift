import Foundation
import HailuoCore

/// Prices before sending, and the budget.
extension GenerationEngine {
    /// The price of exactly `parameters`: from the catalogue (cached for a day, revalidated with
    /// its `ETag`; a fetch is bounded by a short timeout), else the built-in table, else unknown.
    public nonisolated func quote(_ parameters: GenerationParameters) async -> PriceQuote {
        PriceBook.quote(parameters, catalogue: await prices.entry(parameters.model))
    }

    /// ``quote(_:)`` without the network: the cached catalogue answer, else the built-in table.
    public nonisolated func cachedQuote(_ parameters: GenerationParameters) -> PriceQuote {
        PriceBook.quote(parameters, catalogue: prices.cachedEntry(parameters.model))
    }

    /// Validates `parameters` exactly as ``submit(_:)`` does and prices them, sending and storing
    /// no job (the catalogue may be asked, and its answer cached).
    public func dryRun(_ parameters: GenerationParameters) async throws(SubmitError) -> DryRun {
        let prepared = try prepare(parameters)
        try await refuseUnlisted([parameters.model])
        return DryRun(
            parameters: parameters, request: RequestBuilder.describe(prepared), quote: await quote(parameters),
            budgetRefusal: await budgetRefusal(parameters))
    }

    /// What the budget would say about `parameters` if they were submitted now (the store as it
    /// is at this moment; a real submission checks again in its own transaction).
    nonisolated func budgetRefusal(_ parameters: GenerationParameters) async -> String? {
        let budget = configuration.budget
        guard !budget.isEmpty else { return nil }
        guard let charge = await budgetCharge(parameters) else { return await unpriceableRefusal(parameters) }
        guard let ledger = try? store.ledger(periods: budgetPeriods) else { return nil }
        return budget.refusal(thisJob: charge.usd, thisJobNote: charge.note, ledger: ledger)
    }

    /// What a job counts for against the budget: its price, else its model's highest known price
    /// (with a note saying so); `nil` when neither is known.
    nonisolated func budgetCharge(_ parameters: GenerationParameters) async -> (
        usd: Double, note: String?, quote: PriceQuote
    )? {
        let entry = await prices.entry(parameters.model)
        let quote = PriceBook.quote(parameters, catalogue: entry)
        if let usd = quote.usd { return (usd, nil, quote) }
        guard let high = PriceBook.highestKnown(model: parameters.model, catalogue: entry) else { return nil }
        return (high, "its price is unknown, counted as the model's highest known price", quote)
    }

    /// The sentence refusing a job whose price is unknown with no known figure for its model,
    /// when a budget is set.
    nonisolated func unpriceableRefusal(_ parameters: GenerationParameters) async -> String {
        let quote = await quote(parameters)
        let why = if case .unknown(let reason) = quote { reason } else { "no figure" }
        return
            "a budget is set and the price of \(parameters.model) is unknown (\(why)), with no known price to count instead"
    }

    /// The budget's periods now, by the engine's clock.
    nonisolated var budgetPeriods: BudgetPeriods { BudgetPeriods(now: configuration.clock()) }
}

/// What a submission would send and cost, without sending it.
public struct DryRun: Sendable, Equatable {
    /// The request's parameters, as validated.
    public var parameters: GenerationParameters
    /// The request body described for a person (image data elided).
    public var request: String
    /// Its price.
    public var quote: PriceQuote
    /// The sentence a real submission would be refused with by the budget now, if any.
    public var budgetRefusal: String?
}
