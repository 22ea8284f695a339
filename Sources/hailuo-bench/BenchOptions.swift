/// How a benchmark run is sized.
struct BenchOptions: Sendable {
    /// A quick pass for CI: small counts and short waits, so the code cannot rot. Figures from it
    /// are not the ones to quote.
    var short: Bool
    /// Path of the built `hailuo` binary, for the figures that drive the real program.
    var hailuoBinary: String
}
