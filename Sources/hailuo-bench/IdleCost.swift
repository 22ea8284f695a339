import Foundation

/// Figure 3: what the real `hailuo` screen costs while nobody types, with 100 pending jobs (leased
/// to another holder, so its engine only watches the store; polling is figure 1's subject). CPU time
/// (`/proc/PID/stat` utime + stime) and wake-ups (context switches of all its threads) over the same
/// window, beside `htop` on its own pseudo-terminal of the same size, measured the same way.
enum IdleCost {
    /// What one program used over the window.
    struct Sample {
        /// Percent of one core: from the scheduler's nanoseconds when read, else from clock ticks.
        var cpuPercent: Double
        /// The same from `/proc/PID/stat`'s clock ticks, when the nanoseconds were read as well.
        var ticksCPUPercent: Double? = nil
        var wakeupsPerSecond: Double
        var threads: Int
    }

    static func measure(_ options: BenchOptions, sandbox: TerminalSandbox) throws -> [Figure] {
        let marker = "BENCHMARK-IDLE-NEWEST"
        try sandbox.seed(count: 100, pending: 100, newestPrompt: marker)
        let screen = try sandbox.startScreen(options.hailuoBinary)
        defer { screen.stop() }
        guard screen.waitFor(marker, timeout: 30) != nil else {
            throw TerminalBenchError("the screen never showed the seeded jobs")
        }
        let htop = htopPath().flatMap { path in
            try? PtyProcess(
                arguments: [path], environment: sandbox.environment, columns: TerminalSandbox.columns,
                rows: TerminalSandbox.rows)
        }
        defer { htop?.stop() }
        if let htop { _ = htop.waitFor("PID", timeout: 10) }
        sleepSeconds(2)
        let window = options.short ? 5.0 : 60.0
        let threadsBefore = ProcessUsage.switchesByThread(screen.pid)
        let runBefore = (
            ProcessUsage.runNanosecondsByThread(screen.pid), htop.map { ProcessUsage.runNanosecondsByThread($0.pid) }
        )
        let before = (ProcessUsage.read(screen.pid), htop.flatMap { ProcessUsage.read($0.pid) })
        let start = PtyProcess.now()
        sleepSeconds(window)
        let after = (ProcessUsage.read(screen.pid), htop.flatMap { ProcessUsage.read($0.pid) })
        let runAfter = (
            ProcessUsage.runNanosecondsByThread(screen.pid), htop.map { ProcessUsage.runNanosecondsByThread($0.pid) }
        )
        let elapsed = PtyProcess.now() - start
        if ProcessInfo.processInfo.environment["HAILUO_BENCH_DEBUG"] != nil {
            let threadsAfter = ProcessUsage.switchesByThread(screen.pid)
            let tick = Double(sysconf(Int32(_SC_CLK_TCK)))
            let lines = threadsAfter.keys.sorted().map { key in
                let change = threadsAfter[key, default: 0] - threadsBefore[key, default: 0]
                let id = String(key.split(separator: "/").last ?? "")
                let run = Double((runAfter.0[id] ?? 0) - (runBefore.0[id] ?? 0)) / 1e9
                return String(
                    format: "  %@ %.2f /s, %.4f %% of a core (ticks %.3f %%)", key,
                    Double(change / 1_000_000) / elapsed,
                    run / elapsed * 100, Double(change % 1_000_000) / tick / elapsed * 100)
            }
            FileHandle.standardError.write(
                Data(("idle wake-ups by thread:\n" + lines.joined(separator: "\n") + "\n").utf8))
        }
        guard var hailuo = sample(before.0, after.0, elapsed) else {
            throw TerminalBenchError("hailuo's /proc entries could not be read (did it exit?)")
        }
        var reference = sample(before.1, after.1, elapsed)
        // CPU from the scheduler's nanoseconds where it has them: clock ticks of 10 ms are 0.017 % of
        // a core over a minute, a third of the goal.
        if !runAfter.0.isEmpty {
            hailuo.ticksCPUPercent = hailuo.cpuPercent
            hailuo.cpuPercent = ProcessUsage.runSeconds(from: runBefore.0, to: runAfter.0) / elapsed * 100
        }
        if let htopBefore = runBefore.1, let htopAfter = runAfter.1, !htopAfter.isEmpty, var htop = reference {
            htop.ticksCPUPercent = htop.cpuPercent
            htop.cpuPercent = ProcessUsage.runSeconds(from: htopBefore, to: htopAfter) / elapsed * 100
            reference = htop
        }
        let seconds = "\(Int(window.rounded())) s"
        let cpuRatio = reference.map { $0.cpuPercent > 0 ? hailuo.cpuPercent / $0.cpuPercent : 0 }
        let wakeRatio = reference.map { $0.wakeupsPerSecond > 0 ? hailuo.wakeupsPerSecond / $0.wakeupsPerSecond : 0 }
        return [
            Figure(
                group: "3 idle cost", name: "CPU, 100 pending jobs, idle \(seconds)",
                value: TerminalFormat.percent(hailuo.cpuPercent) + " of a core"
                    + (hailuo.ticksCPUPercent.map { " (ticks: " + TerminalFormat.percent($0) + ")" } ?? ""),
                baseline: reference.map { TerminalFormat.percent($0.cpuPercent) + " (htop)" } ?? "htop missing",
                ratio: cpuRatio, goal: "≤ 0.05 % of a core", met: hailuo.cpuPercent <= 0.05),
            Figure(
                group: "3 idle cost", name: "wake-ups/s, 100 pending jobs, idle \(seconds)",
                value: String(format: "%.1f /s (%d threads)", hailuo.wakeupsPerSecond, hailuo.threads),
                baseline: reference.map { String(format: "%.1f /s (htop)", $0.wakeupsPerSecond) } ?? "htop missing",
                ratio: wakeRatio, goal: "≤ htop's",
                met: reference.map { hailuo.wakeupsPerSecond <= $0.wakeupsPerSecond }),
        ]
    }

    static func sample(_ before: ProcessUsage?, _ after: ProcessUsage?, _ elapsed: Double) -> Sample? {
        guard let before, let after, elapsed > 0 else { return nil }
        return Sample(
            cpuPercent: (after.cpuSeconds - before.cpuSeconds) / elapsed * 100,
            wakeupsPerSecond: Double(after.contextSwitches - before.contextSwitches) / elapsed,
            threads: after.threads)
    }

    /// `htop` on the usual paths, if installed.
    static func htopPath() -> String? {
        ["/usr/bin/htop", "/usr/local/bin/htop", "/bin/htop"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
