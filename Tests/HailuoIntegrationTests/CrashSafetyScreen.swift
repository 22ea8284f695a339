import Foundation

/// Drives the real `hailuo` screen in tmux to one submission, then kills the program with SIGKILL.
enum CrashSafetyScreen {
    /// Opens the screen with `runner`'s environment, types `prompt`, presses Ctrl-S, waits `delay`
    /// seconds and kills the program (pane) with SIGKILL; returns once tmux has reaped it.
    static func submitAndKill(prompt: String, runner: CLIRunner, delay: Double) async throws -> CrashSafetyEnding {
        var environment = runner.environment
        if environment["TERM"] == nil { environment["TERM"] = "xterm-256color" }
        let tmux = try TmuxSession(
            columns: 100, rows: 30, environment: environment, command: [CLIRunner.binary.path])
        defer { tmux.kill() }
        try await tmux.waitFor("No jobs yet", timeout: .seconds(30))
        let pid = try tmux.panePID
        try tmux.type(prompt)
        try tmux.sendKeys("C-s")
        try await Task.sleep(for: .seconds(delay))
        if try !tmux.isPaneDead { kill(pid, SIGKILL) }
        let status = try await tmux.waitForExit(timeout: .seconds(20))
        switch status {
        case 128 + SIGKILL: return .killed
        case 0..<128: return .exited(status)
        default: return .signalled(status - 128)
        }
    }
}
