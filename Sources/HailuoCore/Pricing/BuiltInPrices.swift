/// Prices built into hailuo, used when the catalogue cannot be reached or does not list a model.
///
/// The AI/ML API's figures per clip (about 5 % over MiniMax's list prices), read in August 2026.
/// They may be out of date; a quote from this table says so (``PriceSource/builtIn(asOf:)``).
public enum BuiltInPrices {
    /// The month the figures were read.
    public static let asOf = "2026-08"

    private static func hailuo(_ six: Double, _ ten: Double, _ hd: Double) -> ModelPricing {
        .variants(
            dimensions: ["resolution", "duration"],
            variants: [
                PriceVariant(when: ["resolution": .text("768P"), "duration": .number(6)], rate: PriceRate(price: six)),
                PriceVariant(
                    when: ["resolution": .text("768P"), "duration": .number(10)], rate: PriceRate(price: ten)),
                PriceVariant(when: ["resolution": .text("1080P"), "duration": .number(6)], rate: PriceRate(price: hd)),
            ])
    }

    /// The table, by model id.
    public static let table: [ModelID: ModelPricing] = [
        "minimax/hailuo-02": hailuo(0.294, 0.588, 0.5145),
        "minimax/hailuo-2.3": hailuo(0.294, 0.588, 0.5145),
        "minimax/hailuo-2.3-fast": hailuo(0.1995, 0.336, 0.3465),
    ]

    /// The built-in price of `parameters`, or `.unknown` when the table has no such model.
    public static func quote(_ parameters: GenerationParameters) -> PriceQuote {
        guard let pricing = table[parameters.model] else {
            return .unknown(reason: "the catalogue gave no price and hailuo has none built in for \(parameters.model)")
        }
        return pricing.quote(parameters, source: .builtIn(asOf: asOf))
    }
}
