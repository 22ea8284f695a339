/// Where a known price came from.
public enum PriceSource: Sendable, Equatable {
    /// The provider's model catalogue (`GET /v1/models?include=pricing`), fresh or cached.
    case catalogue
    /// The table built into hailuo (``BuiltInPrices``), with the month its figures were read.
    case builtIn(asOf: String)

    /// `catalogue` or `built-in table, 2026-08`.
    public var label: String {
        switch self {
        case .catalogue: "catalogue"
        case .builtIn(let asOf): "built-in table, \(asOf)"
        }
    }
}

/// What one clip would cost before it is sent: a figure with its source, or why there is none.
public enum PriceQuote: Sendable, Equatable {
    /// The charge in USD for exactly the request quoted.
    case known(usd: Double, source: PriceSource)
    /// No figure can be given (the model is priced per request content, an unknown unit, …).
    case unknown(reason: String)

    /// The figure, or `nil` when unknown.
    public var usd: Double? {
        if case .known(let usd, _) = self { return usd }
        return nil
    }

    /// `$0.29 (catalogue)` or `price unknown: <why>`, for a person.
    public var sentence: String {
        switch self {
        case .known(let usd, let source): "\(Self.dollars(usd)) (\(source.label))"
        case .unknown(let reason): "price unknown: \(reason)"
        }
    }

    /// An amount as `$0.29`: two decimals, or more when a cent would hide it (`$0.0045`).
    public static func dollars(_ usd: Double) -> String {
        let cents = (usd * 100).rounded() / 100
        if abs(usd - cents) < 0.000_000_1 || abs(usd) >= 0.1 { return "$" + fixed(usd, places: 2) }
        return "$" + fixed(usd, places: 4)
    }

    private static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        return (value < 0 ? "-" : "") + "\(whole).\(padded)"
    }
}
