/// Everything wrong with a batch file: one sentence each, naming the file, the row and the field.
/// Nothing of a batch is sent while it has any.
public struct BatchProblems: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sentences, in file order.
    public var sentences: [String]

    public init(_ sentences: [String]) {
        self.sentences = sentences
    }

    /// The sentences, one per line.
    public var description: String { sentences.joined(separator: "\n") }
}
