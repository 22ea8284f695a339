extension Validator {
    /// A camera bracket left open (`[Pan left A cat…` with no `]`): MiniMax would read the rest
    /// of the prompt as a command, so it is refused before anything is sent. One issue, for the
    /// first such bracket, saying how many more there are. The other camera findings
    /// (``CameraLint``) are warnings and never stop a prompt.
    public static func cameraIssues(_ prompt: String) -> [ValidationIssue] {
        let unclosed = CameraLint.findings(in: prompt).filter { $0.severity == .error }
        guard let first = unclosed.first else { return [] }
        let more = unclosed.count > 1 ? " (and \(unclosed.count - 1) more)" : ""
        return [
            ValidationIssue(
                field: .prompt, rule: .unclosedBracket, value: "position \(first.range.lowerBound + 1)",
                message: first.message + more)
        ]
    }
}
