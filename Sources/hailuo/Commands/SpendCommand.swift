import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo spend`: what the jobs cost (the provider's figures), and the balance.
struct SpendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend",
        abstract: "Show what jobs cost today, this month and in all, per model, and the balance.",
        discussion: """
            Amounts are the provider's figures for each job. A completed job the provider has not \
            given a figure for yet counts its estimate, shown apart as "estimated". Days and months \
            follow this machine's calendar. The balance is asked for once (a few seconds at most) \
            and shows "unknown" when it cannot be had.
            """)

    @Option(
        help: ArgumentHelp(
            "Also add up the jobs made since this day (YYYY-MM-DD) or this long ago (7d, 24h); per model covers the same jobs.",
            valueName: "date"))
    var since: String?

    @Flag(help: "Print one JSON object.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        var sinceDate: Date?
        if let since {
            guard let date = SinceDate.parse(since) else {
                throw CLIFailure(
                    .usage,
                    "--since \(InertText.quoted(since)) is not a date: give a day as YYYY-MM-DD (2026-11-01) or a span back from now as a number of days or hours (7d, 24h)"
                )
            }
            sinceDate = date
        }
        let session = try await EngineSession.open(global, announceDemo: false)
        let summary: SpendSummary
        let balance: Balance?
        do {
            summary = try session.engine.spend(since: sinceDate)
            balance = await session.engine.fetchBalance(timeout: 5)
        } catch {
            await session.close()
            throw CLIFailure(.api, "could not read the job store: \(error)")
        }
        let isDemo = session.settings.isDemo
        await session.close()
        if json {
            Console.out(SpendReport.json(summary, balance: balance, isDemo: isDemo))
        } else {
            for line in SpendReport.text(summary, balance: balance, isDemo: isDemo) { Console.out(line) }
        }
    }
}
