/// Figures 2 to 5: terminal bandwidth, idle cost, view scale, start-up (the screen and the real binary).
enum TerminalFigures {
    static func measure(_ options: BenchOptions) async throws -> [Figure] {
        []
    }
}
