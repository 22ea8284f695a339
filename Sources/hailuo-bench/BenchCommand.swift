import ArgumentParser
import Foundation
import HailuoWorkers

/// `hailuo-bench`: measures every figure of docs/PERFORMANCE.md side by side in one run and prints the table.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hailuo-bench",
        abstract: "Measure hailuo's polling economy, terminal bandwidth, idle cost and scale.",
        discussion: """
            Build in release for figures worth quoting: swift run -c release hailuo-bench
            --short is the quick pass CI runs so the benchmarks cannot rot; its figures are not meaningful.
            """
    )

    /// As `hailuo` runs: Swift concurrency on hailuo's own worker pool (HailuoWorkers), so the
    /// in-process figures measure the engine as it ships.
    static func main() async {
        GlobalExecutor.install(environment: ProcessInfo.processInfo.environment)
        await main(nil)
    }

    @Flag(help: "A quick pass with small counts (CI).")
    var short = false

    @Option(
        help:
            "Which groups to run: engine, polling (figures 1 and 11 of engine), terminal, preview (default all); batch runs figure 10 alone."
    )
    var only: [String] = []

    @Option(help: "The hailuo binary to drive (default: the one built beside this program).")
    var hailuo: String?

    func run() async throws {
        let binary = hailuo ?? Self.siblingBinary()
        let options = BenchOptions(short: short, hailuoBinary: binary)
        var figures: [Figure] = []
        if only.isEmpty || only.contains("engine") {
            figures += try await EngineFigures.measure(options)
        } else if only.contains("batch") {
            figures += try await EngineFigures.batches(options)
        } else if only.contains("polling") {
            figures += try await EngineFigures.measure(options, pollingOnly: true)
        }
        if only.isEmpty || only.contains("terminal") {
            figures += try await TerminalFigures.measure(options)
        }
        if only.isEmpty || only.contains("preview") {
            figures += try await onThread { try PreviewFigures.measure(options) }
        }
        print(FigureTable.render(figures))
    }

    /// `hailuo` in the same folder as this executable.
    private static func siblingBinary() -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent("hailuo").path
    }
}
