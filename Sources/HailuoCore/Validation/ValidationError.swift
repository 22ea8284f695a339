/// A request that failed validation: every issue found, not only the first.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// All issues, in field order.
    public var issues: [ValidationIssue]

    /// Wraps the issues found.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// The issues' messages joined by `; `.
    public var description: String {
        issues.isEmpty ? "the request is invalid" : issues.map(\.message).joined(separator: "; ")
    }

    /// The issues about `field`.
    public func issues(for field: ValidationIssue.Field) -> [ValidationIssue] {
        issues.filter { $0.field == field }
    }
}
