import Foundation

/// Figure 2: bytes the real `hailuo` screen writes to its terminal. 50 pending jobs are on screen
/// (120 x 40); one of them completes (written to the store as the process polling it would; the
/// screen learns it from its store watcher, like any change from another process). Counted on our
/// own pseudo-terminal: the bytes of the frame that shows the change, against the bytes of a full
/// repaint of the same screen (Ctrl-L), and the bytes per second while idle (the once-a-second
/// tick moving elapsed times and spinners).
enum TerminalBandwidth {
    /// A run of output with no gap longer than this is one frame.
    static let frameGap = 0.02

    /// One frame: consecutive chunks.
    struct Burst {
        var start: Double
        var bytes: Int
        /// Seconds past the whole second at which it started.
        var phase: Double { start - start.rounded(.down) }
    }

    /// What one run of the screen showed.
    struct Run {
        var idleBytesPerSecond: Double
        var change: Int
        /// The change's frame was also a tick's: ``change`` is that frame less a typical tick.
        var estimated: Bool
        var repaint: Int
    }

    static func measure(_ options: BenchOptions, sandbox: TerminalSandbox) throws -> [Figure] {
        let marker = "BENCHMARK-NEWEST-JOB"
        let ids = try sandbox.seed(count: 50, pending: 50, newestPrompt: marker)
        // The screen notices the change on its store watcher's beat, whose phase is set by when it
        // started: when that beat falls on the tick, the change shares a frame with it, and a new
        // screen (a new phase) is tried, up to three times (once with --short).
        var run = try measureOnce(options, sandbox: sandbox, marker: marker, changing: ids[1])
        for attempt in 2..<(options.short ? 3 : 5) where run.estimated {
            let next = try measureOnce(options, sandbox: sandbox, marker: marker, changing: ids[attempt])
            if !next.estimated { run = next }
        }
        let changeText = "\(run.change) B" + (run.estimated ? " (est.)" : "")
        return [
            Figure(
                group: "2 terminal bandwidth", name: "bytes for one status change, 50 jobs", value: changeText,
                baseline: "\(run.repaint) B (Ctrl-L repaint)",
                ratio: run.repaint > 0 ? Double(run.change) / Double(run.repaint) : nil, goal: "≤ 200 B",
                met: run.change <= 200),
            Figure(
                group: "2 terminal bandwidth", name: "bytes/s idle, 50 pending jobs",
                value: String(format: "%.0f B/s", run.idleBytesPerSecond), baseline: "\(run.repaint) B/repaint",
                goal: "≤ 200 B/s", met: run.idleBytesPerSecond <= 200),
        ]
    }

    /// Starts the screen, counts the idle ticks, completes job `changing`, then repaints.
    static func measureOnce(_ options: BenchOptions, sandbox: TerminalSandbox, marker: String, changing id: String)
        throws -> Run
    {
        let screen = try sandbox.startScreen(options.hailuoBinary)
        defer { screen.stop() }
        guard screen.waitFor(marker, timeout: 30) != nil else {
            throw TerminalBenchError("the screen never showed the seeded jobs")
        }
        sleepSeconds(1.5)
        // Idle: the tick alone.
        let idleSeconds = options.short ? 3.0 : 10.0
        let idleStart = PtyProcess.now()
        sleepSeconds(idleSeconds)
        let idleEnd = PtyProcess.now()
        let idleBursts = bursts(screen.chunks, from: idleStart, to: idleEnd)
        let idleBytes = idleBursts.reduce(0) { $0 + $1.bytes }
        let tickPhase = TerminalFormat.median(idleBursts.map(\.phase))
        let tickBytes = TerminalFormat.median(idleBursts.map { Double($0.bytes) })

        // One status change: a pending job on screen completes.
        let changedAt = PtyProcess.now()
        try sandbox.complete(id)
        sleepSeconds(2.5)
        let after = bursts(screen.chunks, from: changedAt, to: PtyProcess.now())
        let change = changeBytes(after, tickPhase: tickPhase, tickBytes: tickBytes)

        // A full repaint of the same screen: Ctrl-L, sent a quarter second after a tick.
        let nextTick = PtyProcess.now().rounded(.down) + 1 + tickPhase + 0.25
        sleepSeconds(max(0, nextTick - PtyProcess.now()))
        let repaintAt = PtyProcess.now()
        screen.type([0x0C])
        sleepSeconds(0.5)
        let repaint = bursts(screen.chunks, from: repaintAt, to: PtyProcess.now()).map(\.bytes).max() ?? 0
        if ProcessInfo.processInfo.environment["HAILUO_BENCH_DEBUG"] != nil {
            let describe = { (list: [Burst]) in
                list.map { String(format: "%.3f:%d", $0.phase, $0.bytes) }.joined(separator: " ")
            }
            let text = "bandwidth idle frames \(describe(idleBursts)); after the change \(describe(after))\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
        return Run(
            idleBytesPerSecond: Double(idleBytes) / (idleEnd - idleStart), change: change.bytes,
            estimated: change.estimated, repaint: repaint)
    }

    /// The change's frame: the first frame after the change that is not at the tick's phase. When
    /// the change landed on a tick (one frame for both), that frame less a typical tick, marked
    /// estimated.
    static func changeBytes(_ after: [Burst], tickPhase: Double, tickBytes: Double) -> (bytes: Int, estimated: Bool) {
        func offTick(_ burst: Burst) -> Bool {
            let distance = abs(burst.phase - tickPhase)
            return min(distance, 1 - distance) > 0.06
        }
        if let own = after.first(where: offTick) { return (own.bytes, false) }
        let largest = after.max { $0.bytes < $1.bytes }?.bytes ?? 0
        return (max(0, largest - Int(tickBytes.rounded())), true)
    }

    /// Groups the chunks that arrived in `from..<to` into frames.
    static func bursts(_ chunks: [PtyProcess.Chunk], from: Double, to: Double) -> [Burst] {
        var result: [Burst] = []
        var lastAt = -Double.infinity
        for chunk in chunks where chunk.at >= from && chunk.at < to {
            if chunk.at - lastAt <= frameGap, !result.isEmpty {
                result[result.count - 1].bytes += chunk.bytes.count
            } else {
                result.append(Burst(start: chunk.at, bytes: chunk.bytes.count))
            }
            lastAt = chunk.at
        }
        return result
    }
}

/// A benchmark that could not run (not a missed goal).
struct TerminalBenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Sleeps the calling thread (the figures drive other processes and wait on the wall clock).
func sleepSeconds(_ seconds: Double) {
    guard seconds > 0 else { return }
    usleep(UInt32(min(seconds, 4000) * 1_000_000))
}
