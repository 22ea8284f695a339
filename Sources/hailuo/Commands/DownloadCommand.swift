import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo download ID`: save a completed job's video (resumes a partial download).
struct DownloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download",
        abstract: "Download a completed job's video (and a JSON sidecar beside it).",
        discussion: "Links expire about 9 hours after completion; an expired link is reported as such.")

    @Argument(help: ArgumentHelp("Local id, generation id, or an unambiguous id prefix.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("Folder to save into (default: the configured download folder).", valueName: "dir"))
    var to: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await EngineSession.open(global, announceDemo: false)
        let folder = to.map { URL(fileURLWithPath: NSString(string: $0).expandingTildeInPath) }
        let outcome: Result<Job, any Error> = await Result {
            try await SignalTrap.run {
                let job = try StoreAccess.resolve(id, with: session.engine.resolve)
                return try await session.engine.download(job.id, to: folder)
            }
        }
        await session.close()
        do {
            let job = try outcome.get()
            Console.out(job.filePath ?? "")
        } catch let failure as CLIFailure {
            throw failure
        } catch let error as EngineError {
            throw CLIFailure(.usage, error.description)
        } catch {
            throw CLIFailure(.api, Console.message(String(describing: error)))
        }
    }
}
