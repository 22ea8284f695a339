import Foundation

/// Figures 1, 11, 6, 7 and 8: polling economy, early failures, large image, many jobs, settling lost
/// answers (engine and simulator only).
enum EngineFigures {
    /// Provider seconds per real second for figure 1. At most 60: the engine's shortest poll
    /// interval (3 s) divided by it must stay above ``PollPolicy``'s floor of 0.05 s. The full run
    /// uses 20 so that a 10 ms hiccup of a loaded machine costs only 0.2 simulated seconds.
    static func economyTimeScale(_ options: BenchOptions) -> Double { options.short ? 60 : 20 }

    /// Every engine figure, or with `pollingOnly` figures 1 and 11 alone (`--only polling`).
    static func measure(_ options: BenchOptions, pollingOnly: Bool = false) async throws -> [Figure] {
        var figures: [Figure] = []
        let economy = try await EngineBench(timeScale: economyTimeScale(options))
        do {
            figures += try await PollingEconomy(bench: economy, jobs: options.short ? 20 : 200).measure()
            figures += try await EarlyFailures(bench: economy, jobs: options.short ? 20 : 200).measure()
            if !pollingOnly {
                figures += try LargeImage(folder: economy.folder, rounds: options.short ? 1 : 10).measure()
            }
        } catch {
            await economy.close()
            throw error
        }
        await economy.close()
        if pollingOnly { return figures }

        figures += try await ManyJobs(
            jobs: options.short ? 100 : 1000, sliceSeconds: options.short ? 4 : 20, timeScale: options.short ? 60 : 20
        ).measure()
        figures += try await SettleFigure(
            jobs: options.short ? 5 : 20, lags: options.short ? [0, 120] : [0, 60, 180, 300], timeScale: 60
        ).measure()
        return figures
    }
}
