/// A response body that could not be understood.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "the server's answer could not be read: \(reason)" }
}
