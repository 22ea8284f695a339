/// A model's `pricing` block in the catalogue (`GET /v1/models?include=pricing`), by its `kind`.
public enum SimulatorPricing: Sendable, Equatable {
    /// `{"kind": "fixed", "units": [{price, unit, per}]}`: one rate (the first unit is the one used).
    case fixed([SimulatorRate])
    /// `{"kind": "variants", "dimensions": [...], "variants": [{when, price, unit, per}]}`.
    case variants(dimensions: [String], variants: [SimulatorPriceVariant])
    /// `{"kind": "variable"}`: cannot be quoted before the request.
    case variable
    /// `{"kind": <kind>}` with a kind clients do not know (for example `"tiered"`).
    case unknown(kind: String)

    /// USD for one clip of `resolution` and `duration`; nil when this pricing cannot quote it
    /// (`variable`, an unknown kind, no matching variant).
    public func quote(resolution: String, duration: Int) -> Double? {
        switch self {
        case .fixed(let units):
            return units.first?.amount(duration: duration)
        case .variants(_, let variants):
            return variants.first { $0.matches(resolution: resolution, duration: duration) }?.rate
                .amount(duration: duration)
        case .variable, .unknown:
            return nil
        }
    }

    /// This pricing with the rate for `resolution` and `duration` set to `price` (a fixed rate's
    /// first unit; the matching variant, added when there is none). `variable` and unknown kinds
    /// become a fixed per-request rate.
    func setting(price: Double, resolution: String, duration: Int) -> SimulatorPricing {
        switch self {
        case .fixed(var units):
            if units.isEmpty { units = [SimulatorRate(price: price)] } else { units[0].price = price }
            return .fixed(units)
        case .variants(let dimensions, var variants):
            if let index = variants.firstIndex(where: { $0.matches(resolution: resolution, duration: duration) }) {
                variants[index].rate.price = price
            } else {
                let when: [String: SimulatorDimensionValue] = [
                    "resolution": .text(resolution), "duration": .number(duration),
                ]
                variants.append(SimulatorPriceVariant(when: when, rate: SimulatorRate(price: price)))
            }
            return .variants(dimensions: dimensions, variants: variants)
        case .variable, .unknown:
            return .fixed([SimulatorRate(price: price)])
        }
    }

    var json: JSONValue {
        switch self {
        case .fixed(let units):
            return ["kind": "fixed", "units": .array(units.map(\.json))]
        case .variants(let dimensions, let variants):
            return [
                "kind": "variants", "dimensions": .array(dimensions.map { .string($0) }),
                "variants": .array(variants.map(\.json)),
            ]
        case .variable:
            return ["kind": "variable"]
        case .unknown(let kind):
            return ["kind": .string(kind)]
        }
    }
}
