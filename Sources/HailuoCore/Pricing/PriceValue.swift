/// A value in a variant's `when` (`"768P"`, `6`, `"6"`), compared with a request's value as a
/// person would: text without regard to case, numbers by value whether written as text or not.
public enum PriceValue: Sendable, Equatable {
    /// A text value, such as a resolution.
    case text(String)
    /// A number, such as a duration in seconds.
    case number(Double)

    /// Whether this value means the same as `other`: `"768P"` matches `"768p"`, `6` matches `"6"`
    /// and `6.0`.
    public func matches(_ other: PriceValue) -> Bool {
        if let a = numeric, let b = other.numeric { return a == b }
        return normalizedText == other.normalizedText
    }

    private var numeric: Double? {
        switch self {
        case .number(let value): value
        case .text(let text): Double(text.trimmingCharacters(in: .whitespaces))
        }
    }

    private var normalizedText: String {
        switch self {
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .text(let text): text.trimmingCharacters(in: .whitespaces).lowercased()
        }
    }
}

/// A rate that applies when a request's parameters equal `when`.
public struct PriceVariant: Sendable, Equatable {
    /// Dimension name (`resolution`, `duration`) to the value this variant is for.
    public var when: [String: PriceValue]
    /// The rate of this variant.
    public var rate: PriceRate

    /// A variant with `rate` for the parameters in `when`.
    public init(when: [String: PriceValue], rate: PriceRate) {
        self.when = when
        self.rate = rate
    }
}
