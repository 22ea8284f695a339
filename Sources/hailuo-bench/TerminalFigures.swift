import Foundation

/// Figures 2 to 5 and 10: terminal bandwidth, idle cost, view scale, start-up (the screen and the real
/// binary), and what another process's change costs the screen.
///
/// Figures 2, 3 and 5 drive the built `hailuo` binary on pseudo-terminals this process opens, each
/// in a private sandbox (HOME, XDG folders, a simulator on 127.0.0.1, a seeded job store); figure 4
/// builds frames in-process.
///
/// `HAILUO_BENCH_TERMINAL=view,startup` (any of bandwidth, idle, view, change, startup) runs only those,
/// for profiling one figure (under valgrind, say); `HAILUO_BENCH_DEBUG=1` prints the frames seen.
enum TerminalFigures {
    static func measure(_ options: BenchOptions) async throws -> [Figure] {
        let chosen = ProcessInfo.processInfo.environment["HAILUO_BENCH_TERMINAL"]?.split(separator: ",").map(
            String.init)
        func wanted(_ part: String) -> Bool { chosen?.contains(part) ?? true }
        var figures: [Figure] = []
        if wanted("bandwidth") {
            figures += try await TerminalSandbox.with { sandbox in
                try await onThread { try TerminalBandwidth.measure(options, sandbox: sandbox) }
            }
        }
        if wanted("idle") {
            figures += try await TerminalSandbox.with { sandbox in
                try await onThread { try IdleCost.measure(options, sandbox: sandbox) }
            }
        }
        if wanted("view") { figures += try await onThread { ViewScaleFigures.measure(options) } }
        if wanted("change") { figures += try await onThread { try StoreChangeFigure.measure(options) } }
        if wanted("startup") { figures += try await StartupFigures.measure(options) }
        return figures
    }
}
