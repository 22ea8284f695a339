/// A rate that applies when the request's parameters equal `when`.
public struct SimulatorPriceVariant: Sendable, Equatable {
    /// Dimension name to the value this variant is for (`resolution`, `duration`).
    public var when: [String: SimulatorDimensionValue]
    /// The rate of this variant.
    public var rate: SimulatorRate

    /// A variant with `rate` for the parameters in `when`.
    public init(when: [String: SimulatorDimensionValue], rate: SimulatorRate) {
        self.when = when
        self.rate = rate
    }

    /// Whether this variant is for a clip of `resolution` and `duration` (resolutions compare
    /// case-insensitively; a dimension the variant does not name matches anything).
    func matches(resolution: String, duration: Int) -> Bool {
        when.allSatisfy { name, value in
            switch (name, value) {
            case ("resolution", .text(let text)): text.lowercased() == resolution.lowercased()
            case ("duration", .number(let seconds)): seconds == duration
            case ("duration", .text(let text)): Int(text) == duration
            default: false
            }
        }
    }

    var json: JSONValue {
        guard case .object(var object) = rate.json else { return rate.json }
        object["when"] = .object(when.mapValues(\.json))
        return .object(object)
    }
}
