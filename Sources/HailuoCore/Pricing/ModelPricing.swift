/// A model's `pricing` block from the catalogue (`GET /v1/models?include=pricing`), by its `kind`.
public enum ModelPricing: Sendable, Equatable {
    /// `{"kind": "fixed", "units": [...]}`: one rate (the first unit).
    case fixed([PriceRate])
    /// `{"kind": "variants", "dimensions": [...], "variants": [{when, price, unit, per}]}`.
    case variants(dimensions: [String], variants: [PriceVariant])
    /// `{"kind": "variable"}`: cannot be quoted before the request.
    case variable
    /// A kind this client does not know; never guessed at.
    case unknownKind(String)

    /// The price of exactly `parameters`, marked as coming from `source`.
    ///
    /// A variant matches when each of its `when` values equals the request's value of that
    /// dimension (`resolution`, `duration`, `model`); a variant naming any other dimension is for
    /// requests hailuo cannot make and never matches.
    public func quote(_ parameters: GenerationParameters, source: PriceSource) -> PriceQuote {
        switch self {
        case .fixed(let units):
            guard let rate = units.first else { return .unknown(reason: "the catalogue lists no rate for it") }
            return Self.quote(rate, parameters, source: source)
        case .variants(_, let variants):
            guard let variant = variants.first(where: { Self.matches($0, parameters) }) else {
                return .unknown(
                    reason:
                        "the catalogue has no price for \(parameters.resolution.rawValue) at \(parameters.duration) s")
            }
            return Self.quote(variant.rate, parameters, source: source)
        case .variable:
            return .unknown(reason: "the catalogue says its price depends on the request (variable)")
        case .unknownKind(let kind):
            return .unknown(
                reason: "the catalogue prices it in a way hailuo does not know (\(InertText.oneLine(kind, limit: 40)))")
        }
    }

    /// The highest charge among the rates this pricing lists, each for a clip of the longest of
    /// `durations`; `nil` when no rate can be read.
    public func highestCharge(durations: [Int]) -> Double? {
        let longest = durations.max() ?? 6
        let rates: [(PriceRate, Int)]
        switch self {
        case .fixed(let units): rates = units.map { ($0, longest) }
        case .variants(_, let variants):
            rates = variants.map { variant in
                let duration = variant.when["duration"].flatMap { value -> Int? in
                    durations.first { PriceValue.number(Double($0)).matches(value) }
                }
                return (variant.rate, duration ?? longest)
            }
        case .variable, .unknownKind: rates = []
        }
        return rates.compactMap { $0.0.charge(duration: $0.1) }.max()
    }

    static func matches(_ variant: PriceVariant, _ parameters: GenerationParameters) -> Bool {
        variant.when.allSatisfy { name, value in
            switch name.lowercased() {
            case "resolution": value.matches(.text(parameters.resolution.rawValue))
            case "duration": value.matches(.number(Double(parameters.duration)))
            case "model": value.matches(.text(parameters.model.rawValue))
            default: false
            }
        }
    }

    private static func quote(_ rate: PriceRate, _ parameters: GenerationParameters, source: PriceSource) -> PriceQuote
    {
        guard let usd = rate.charge(duration: parameters.duration) else {
            return .unknown(
                reason:
                    "the catalogue's rate is per \(InertText.oneLine(rate.unit, limit: 40)) (per \(rate.per)), which hailuo cannot count"
            )
        }
        return .known(usd: usd, source: source)
    }
}
