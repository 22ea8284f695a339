import Foundation

/// Figure 3: what the real `hailuo` screen costs while nobody types, with 100 pending jobs (leased
/// to another holder, so its engine only watches the store; polling is figure 1's subject). CPU time
/// (`/proc/PID/stat` utime + stime) and wake-ups (context switches of all its threads) over the same
/// window, beside `htop` on its own pseudo-terminal of the same size, measured the same way.
enum IdleCost {
    /// What one program used over the window.
    struct Sample {
        var cpuPercent: Double
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
        let before = (ProcessUsage.read(screen.pid), htop.flatMap { ProcessUsage.read($0.pid) })
        let start = PtyProcess.now()
        sleepSeconds(window)
        let after = (ProcessUsage.read(screen.pid), htop.flatMap { ProcessUsage.read($0.pid) })
        let elapsed = PtyProcess.now() - start
        guard let hailuo = sample(before.0, after.0, elapsed) else {
            throw TerminalBenchError("hailuo's /proc entries could not be read (did it exit?)")
        }
        let reference = sample(before.1, after.1, elapsed)
        let seconds = "\(Int(window.rounded())) s"
        let cpuRatio = reference.map { $0.cpuPercent > 0 ? hailuo.cpuPercent / $0.cpuPercent : 0 }
        let wakeRatio = reference.map { $0.wakeupsPerSecond > 0 ? hailuo.wakeupsPerSecond / $0.wakeupsPerSecond : 0 }
        return [
            Figure(
                group: "3 idle cost", name: "CPU, 100 pending jobs, idle \(seconds)",
                value: TerminalFormat.percent(hailuo.cpuPercent) + " of a core",
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
