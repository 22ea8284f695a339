import Foundation

/// Figure 5: from `posix_spawn` of the real `hailuo` to its first complete frame on our
/// pseudo-terminal, and its peak RSS (`VmHWM`), with an empty store and with 10,000 stored jobs.
///
/// "Complete" means the jobs are on screen: with an empty store the first frame (the status bar's
/// `LIVE` arrives); with jobs, the frame that shows the newest job's prompt (the screen draws once
/// before the store is read, so the first frame alone would hide the cost of loading the jobs).
enum StartupFigures {
    /// One start: seconds to the complete frame, peak RSS in bytes.
    struct Start: Sendable {
        var seconds: Double
        var peakBytes: Int
        var anonymousBytes: Int
    }

    static func measure(_ options: BenchOptions) async throws -> [Figure] {
        let stored = options.short ? 1_000 : 10_000
        let runs = options.short ? 1 : 5
        let marker = "BENCHMARK-STARTUP-NEWEST"
        let (emptyStarts, fullStarts) = try await TerminalSandbox.with { empty in
            try await TerminalSandbox.with { full in
                try full.seed(count: stored, pending: 10, newestPrompt: marker)
                return try await onThread {
                    // Alternate, so drifting machine load affects both alike. A first unmeasured
                    // start of each warms the page cache.
                    _ = try start(options, empty, waitingFor: "LIVE")
                    _ = try start(options, full, waitingFor: marker)
                    var emptyStarts: [Start] = []
                    var fullStarts: [Start] = []
                    for _ in 0..<runs {
                        emptyStarts.append(try start(options, empty, waitingFor: "LIVE"))
                        fullStarts.append(try start(options, full, waitingFor: marker))
                    }
                    return (emptyStarts, fullStarts)
                }
            }
        }
        let emptyTime = TerminalFormat.median(emptyStarts.map(\.seconds))
        let fullTime = TerminalFormat.median(fullStarts.map(\.seconds))
        let emptyPeak = emptyStarts.map(\.peakBytes).max() ?? 0
        let fullPeak = fullStarts.map(\.peakBytes).max() ?? 0
        let emptyHeap = emptyStarts.map(\.anonymousBytes).max() ?? 0
        let fullHeap = fullStarts.map(\.anonymousBytes).max() ?? 0
        let limit = 30 * 1_048_576
        let jobs = "\(TerminalFormat.grouped(stored)) jobs"
        return [
            Figure(
                group: "5 start-up", name: "exec to first full frame, empty store (median of \(runs))",
                value: TerminalFormat.millis(emptyTime)),
            Figure(
                group: "5 start-up", name: "exec to first full frame, \(jobs) (median of \(runs))",
                value: TerminalFormat.millis(fullTime), baseline: TerminalFormat.millis(emptyTime) + " (empty)",
                ratio: emptyTime > 0 ? fullTime / emptyTime : nil, goal: "≤ 1.3 × empty",
                met: emptyTime > 0 && fullTime / emptyTime <= 1.3),
            Figure(
                group: "5 start-up", name: "peak RSS (VmHWM), empty store",
                value: TerminalFormat.megabytes(emptyPeak) + " (anon \(TerminalFormat.megabytes(emptyHeap)))",
                goal: "≤ 30 MB", met: emptyPeak <= limit),
            Figure(
                group: "5 start-up", name: "peak RSS (VmHWM), \(jobs)",
                value: TerminalFormat.megabytes(fullPeak) + " (anon \(TerminalFormat.megabytes(fullHeap)))",
                baseline: TerminalFormat.megabytes(emptyPeak) + " (empty)",
                ratio: emptyPeak > 0 ? Double(fullPeak) / Double(emptyPeak) : nil,
                goal: "context: the jobs' own memory (anon)"),
        ]
    }

    /// Starts the screen, waits for `text`, lets it settle a second, reads its peak RSS, stops it.
    static func start(_ options: BenchOptions, _ sandbox: TerminalSandbox, waitingFor text: String) throws -> Start {
        let screen = try sandbox.startScreen(options.hailuoBinary)
        defer { screen.stop() }
        guard let index = screen.waitFor(text, timeout: 60) else {
            throw TerminalBenchError("the screen never showed \"\(text)\"")
        }
        let seconds = screen.chunks[index].at - screen.startedAt
        if ProcessInfo.processInfo.environment["HAILUO_BENCH_DEBUG"] != nil {
            let first = (screen.chunks.first?.at ?? 0) - screen.startedAt
            let line = String(
                format: "start-up \"%@\": first output %.1f ms, complete frame %.1f ms (chunk %d of %d)\n", text,
                first * 1000, seconds * 1000, index + 1, screen.chunks.count)
            FileHandle.standardError.write(Data(line.utf8))
        }
        sleepSeconds(1)
        let usage = ProcessUsage.read(screen.pid)
        return Start(
            seconds: seconds, peakBytes: usage?.peakResidentBytes ?? 0, anonymousBytes: usage?.anonymousBytes ?? 0)
    }
}

/// Runs blocking work (sleeps, waits on other processes) on its own thread, off the Swift
/// concurrency pool, and waits for it.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        let thread = Thread {
            do {
                continuation.resume(returning: try work())
            } catch {
                continuation.resume(throwing: error)
            }
        }
        thread.start()
    }
}
