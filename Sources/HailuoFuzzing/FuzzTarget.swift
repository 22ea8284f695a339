/// Placeholder; the fuzzing helper replaces this file.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case placeholder
}
