/// The rules that turn what the catalogue said (or did not say) into a quote.
///
/// - The catalogue listed the model with pricing: its quote, even when that is `unknown`
///   (`variable`, an unknown kind or unit): a figure is never invented.
/// - No answer (offline, server error, garbage) or the model not listed: the built-in table
///   (``BuiltInPrices``), else `unknown`.
public enum PriceBook {
    /// The quote for `parameters`; `catalogue` is `nil` when there was no usable answer.
    public static func quote(_ parameters: GenerationParameters, catalogue: CatalogueEntry?) -> PriceQuote {
        if case .priced(let pricing)? = catalogue {
            return pricing.quote(parameters, source: .catalogue)
        }
        return BuiltInPrices.quote(parameters)
    }

    /// The highest price any clip of `model` is known to cost, from the catalogue's rates and the
    /// built-in table (each at the model's longest duration where a rate is per second); `nil`
    /// when neither knows a figure. A budget counts an unknown price as this.
    public static func highestKnown(model: ModelID, catalogue: CatalogueEntry?) -> Double? {
        let durations = ModelCatalog.model(model)?.durations ?? [6, 10]
        var figures: [Double] = []
        if case .priced(let pricing)? = catalogue, let high = pricing.highestCharge(durations: durations) {
            figures.append(high)
        }
        if let high = BuiltInPrices.table[model]?.highestCharge(durations: durations) { figures.append(high) }
        return figures.max()
    }
}
