/// One rate of the catalogue: `price` USD for `per` units of `unit` (`request` or `second`).
public struct SimulatorRate: Sendable, Equatable {
    /// USD charged for `per` units.
    public var price: Double
    /// What is counted: `"request"` (one per clip) or `"second"` (the clip's duration).
    public var unit: String
    /// How many units `price` pays for.
    public var per: Int

    /// A rate of `price` USD per `per` `unit`s.
    public init(price: Double, unit: String = "request", per: Int = 1) {
        self.price = price
        self.unit = unit
        self.per = per
    }

    /// USD for one clip of `duration` seconds: `price × units / per`, where a `second` rate counts
    /// the duration and any other unit counts 1. Nil when `per` is not positive.
    public func amount(duration: Int) -> Double? {
        guard per > 0 else { return nil }
        let units = unit == "second" ? Double(duration) : 1
        return price * units / Double(per)
    }

    var json: JSONValue {
        ["price": .number(price), "unit": .string(unit), "per": .number(Double(per))]
    }
}
