/// One rate of the catalogue: `price` USD for `per` units of `unit`.
public struct PriceRate: Sendable, Equatable {
    /// USD charged for ``per`` units.
    public var price: Double
    /// What is counted: `request`, `generation` or `video` (one per clip), or `second` (the
    /// clip's duration). Any other unit cannot be quoted.
    public var unit: String
    /// How many units ``price`` pays for.
    public var per: Double

    /// A rate of `price` USD per `per` `unit`s.
    public init(price: Double, unit: String = "request", per: Double = 1) {
        self.price = price
        self.unit = unit
        self.per = per
    }

    /// Units counted once per clip.
    static let perClipUnits: Set<String> = ["request", "requests", "generation", "generations", "video", "videos"]
    /// Units counted once per second of clip.
    static let perSecondUnits: Set<String> = ["second", "seconds", "sec", "s"]

    /// USD for one clip of `duration` seconds: `price × quantity / per`, where the quantity is 1
    /// for a per-clip unit and the duration for `second`. `nil` for another unit, a `per` that is
    /// not positive, or a price that is negative or not finite: never an invented number.
    public func charge(duration: Int) -> Double? {
        guard price.isFinite, price >= 0, per.isFinite, per > 0 else { return nil }
        let name = unit.lowercased()
        let quantity: Double
        if Self.perClipUnits.contains(name) {
            quantity = 1
        } else if Self.perSecondUnits.contains(name) {
            quantity = Double(duration)
        } else {
            return nil
        }
        return price * quantity / per
    }
}
