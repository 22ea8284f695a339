import Foundation

/// Figures 1, 11, 6, 7, 8 and 10: polling economy, early failures, large image, many jobs, settling
/// lost answers and batches (engine and simulator only).
enum EngineFigures {
    /// Provider seconds per real second for figure 1. At most 60: the engine's shortest poll
    /// interval (3 s) divided by it must stay above ``PollPolicy``'s floor of 0.05 s. The full run
    /// uses 20 so that a 10 ms hiccup of a loaded machine costs only 0.2 simulated seconds.
    static func economyTimeScale(_ options: BenchOptions) -> Double { options.short ? 60 : 20 }

    /// Provider seconds per real second for figure 10. A batch is rounds of whole clips (4-9
    /// simulated minutes each), so the full run uses figure 1's short-pass limit of 60 (200 jobs,
    /// 8 at once: about 3 minutes). The short pass goes past it to 120 to stay within CI's time:
    /// the engine's 3 s shortest poll interval is then held at ``PollPolicy``'s 0.05 s floor (6
    /// simulated seconds), one more reason its figures are not the ones to quote.
    static func batchTimeScale(_ options: BenchOptions) -> Double { options.short ? 120 : 60 }

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
        figures += try await batches(options)
        return figures
    }

    /// Figure 10 alone: a batch file of 200 jobs (short: 40), 8 in flight (short: 4).
    static func batches(_ options: BenchOptions) async throws -> [Figure] {
        try await BatchFigure(
            jobs: options.short ? 40 : 200, maxInFlight: options.short ? 4 : 8, timeScale: batchTimeScale(options)
        ).measure()
    }
}
