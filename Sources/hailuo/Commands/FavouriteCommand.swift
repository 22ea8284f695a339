import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo favourite ID [--off]`: pick a job as a favourite (stored), or unpick it.
struct FavouriteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "favourite", abstract: "Mark a job as a favourite (`hailuo jobs --favourites` lists them).")

    @Argument(help: ArgumentHelp("Local id or prefix of the job.", valueName: "id"))
    var id: String

    @Flag(help: "Unmark it.")
    var off = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await EngineSession.open(global, announceDemo: false)
        let outcome: Result<Job, any Error> = await Result {
            try await session.engine.setFavourite(jobID: id, !off)
        }
        await session.close()
        do {
            let job = try outcome.get()
            Console.out("\(job.id)  \(job.favourite ? "favourite" : "not a favourite")")
        } catch let error as EngineError {
            throw CLIFailure(.usage, error.description)
        }
    }
}
