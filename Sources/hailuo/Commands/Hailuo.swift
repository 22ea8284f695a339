import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine
import HailuoWorkers

/// `hailuo`: make videos with MiniMax Hailuo-02 through the AI/ML API.
@main
struct Hailuo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hailuo",
        abstract: "Make videos with MiniMax Hailuo-02 through the AI/ML API, from a terminal.",
        discussion: """
            Run with no subcommand on a terminal for the interactive screen: write a prompt, \
            pick an image and parameters, submit with Ctrl-S, and watch the jobs table (F1 lists \
            every key).

            With no API key configured, every command runs in DEMO mode against a built-in \
            simulator: nothing is sent to the real API and no credits are spent.

            Key: env AIML_API_KEY, or api_key_file / api_key_command in the config \
            (hailuo config --sample). Jobs live in one store shared by every hailuo process \
            ($XDG_STATE_HOME/hailuo); quitting never loses a job.

            Exit codes: 0 done, 1 the job failed, 2 usage or validation error (nothing sent), \
            3 API or network error, 4 timeout, 130 interrupted (jobs go on upstream).

            Examples:
              hailuo submit --prompt "A paper boat on a rainy street" --wait --download
              hailuo submit --prompt-file scene.txt --image first.png --duration 10
              hailuo submit --preset "rainy street" --duration 10
              hailuo batch scenes.csv --dry-run
              hailuo jobs --status pending
              hailuo spend --since 7d
              hailuo wait k3f9x2ab --timeout 900
              hailuo frame k3f9x2ab --last
              hailuo history --remote --since 24h --import
            """,
        version: HailuoVersion.string,
        subcommands: [
            SubmitCommand.self, BatchCommand.self, JobsCommand.self, ShowCommand.self, WaitCommand.self,
            DownloadCommand.self, FrameCommand.self, ResubmitCommand.self, DismissCommand.self, FavouriteCommand.self,
            HistoryCommand.self,
            SpendCommand.self, SimulateCommand.self, ConfigCommand.self, ModelsCommand.self, PresetsCommand.self,
        ]
    )

    /// Parses, runs, and maps every failure to the documented exit codes (see ``ExitStatus``).
    static func main() async {
        // Before any task: the global executor's threads sleep while hailuo is idle.
        GlobalExecutor.install(environment: ProcessInfo.processInfo.environment)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch is CancellationError {
            Console.error("interrupted; unfinished jobs go on upstream (see `hailuo jobs`, `hailuo wait ID`)")
            Foundation.exit(130)
        } catch let failure as CLIFailure {
            Console.error(failure.message)
            Foundation.exit(failure.status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            if code == .validationFailure {
                Console.errorBlock(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            Console.error(Console.message(String(describing: error)))
            Foundation.exit(ExitStatus.api.rawValue)
        }
    }

    @OptionGroup var options: GlobalOptions

    /// No subcommand: the interactive screen on a terminal, the help otherwise.
    mutating func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            print(Hailuo.helpMessage())
            return
        }
        try await InteractiveScreen.run(options)
    }
}
