import ArgumentParser
import HailuoCore
import HailuoEngine

/// `hailuo resubmit ID`: the explicit user action that sends an unconfirmed job again.
struct ResubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit",
        abstract: "Send an unconfirmed or failed job's request again (may be billed again).",
        discussion: """
            An unconfirmed job's first request may have reached the provider and may be billed. \
            Check your dashboard first, unless `hailuo show ID` says the provider's request logs \
            do not list it (not found upstream). The job keeps its local id; the image files must be unchanged.
            """)

    @Argument(help: ArgumentHelp("Local id or prefix of the job.", valueName: "id"))
    var id: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await EngineSession.open(global)
        if let job = try? session.engine.resolve(id), job.phase == .unconfirmed {
            if job.settleState == .notFoundUpstream {
                Console.error("note: \(job.id) is not in the provider's request logs; sending it again")
            } else {
                Console.error(
                    "warning: \(job.id)'s first request may have reached the provider and may be billed; "
                        + "sending it again may pay twice")
            }
        }
        let outcome: Result<Job, any Error> = await Result { try await session.engine.resubmit(id) }
        await session.close()
        do {
            let job = try outcome.get()
            Console.out("\(job.id)  \(job.displayStatus)" + (job.generationID.map { "  generation \($0)" } ?? ""))
            if job.phase == .failed { throw CLIFailure(.jobFailed, Console.message(job.errorMessage ?? "failed")) }
            if job.phase == .unconfirmed {
                throw CLIFailure(.api, Console.message(job.errorMessage ?? "answer lost again"))
            }
        } catch let error as EngineError {
            throw CLIFailure(.usage, error.description)
        } catch let error as SubmitError {
            throw SubmitCommand.failure(for: error)
        }
    }
}

/// `hailuo dismiss ID`: mark an unconfirmed job as dealt with (kept, never deleted).
struct DismissCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dismiss", abstract: "Mark an unconfirmed job as dismissed (it stays in the store).")

    @Argument(help: ArgumentHelp("Local id or prefix of the job.", valueName: "id"))
    var id: String

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await EngineSession.open(global, announceDemo: false)
        let outcome: Result<Job, any Error> = await Result { try await session.engine.dismiss(id) }
        await session.close()
        do {
            let job = try outcome.get()
            Console.out("\(job.id)  \(job.displayStatus)")
        } catch let error as EngineError {
            throw CLIFailure(.usage, error.description)
        }
    }
}
