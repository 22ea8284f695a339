/// A value of a pricing dimension in a variant's `when` (`"768P"`, `6`).
public enum SimulatorDimensionValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A string value, such as a resolution.
    case text(String)
    /// A number value, such as a duration in seconds.
    case number(Int)

    /// A string value.
    public init(stringLiteral value: String) { self = .text(value) }
    /// A number value.
    public init(integerLiteral value: Int) { self = .number(value) }

    var json: JSONValue {
        switch self {
        case .text(let text): .string(text)
        case .number(let number): .number(Double(number))
        }
    }
}
