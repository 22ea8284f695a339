/// Figures 1, 6 and 7: polling economy, large image, many jobs (engine and simulator only).
enum EngineFigures {
    static func measure(_ options: BenchOptions) async throws -> [Figure] {
        []
    }
}
