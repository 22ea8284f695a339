import ArgumentParser
import HailuoCore
import HailuoEngine

/// `hailuo wait ID...`: wait for jobs to finish, polling them here unless another process is.
struct WaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Wait until jobs complete or fail (progress on stderr).",
        discussion: "Exit 0 when all completed, 1 when one failed, 3 when one is unconfirmed (or, with --download, "
            + "a video could not be saved), 4 on --timeout.")

    @Argument(help: ArgumentHelp("Local ids, generation ids, or id prefixes.", valueName: "id"))
    var ids: [String]

    @Option(
        help: ArgumentHelp("Give up waiting after this many seconds (exit 4); the jobs go on.", valueName: "seconds"))
    var timeout: Double?

    @Flag(help: "Download each video as it completes.")
    var download = false

    @Flag(help: "Print each job as one JSON object per line when done.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await EngineSession.open(global)
        let transfers = TransferBoard()
        let outcome: Result<[Job], any Error> = await Result {
            try await SignalTrap.run {
                let jobs = try ids.map { try StoreAccess.resolve($0, with: session.engine.resolve) }
                let waiter = Waiter(
                    session: session, timeout: timeout, download: download, quiet: json, transfers: transfers)
                return try await waiter.wait(for: jobs.map(\.id))
            }
        }
        await session.close()
        let jobs = try outcome.get()
        for job in jobs {
            Console.out(
                json ? JobJSON.line(job) : "\(job.id)  \(job.displayStatus)" + (job.filePath.map { "  \($0)" } ?? ""))
        }
        let status = Waiter.status(for: jobs, download: download)
        if status != .success {
            var reasons: [String] = []
            for job in jobs where job.phase != .completed {
                let reason = job.errorMessage ?? job.displayStatus
                reasons.append("\(job.id): \(Console.message(reason))")
            }
            for job in jobs where download && job.phase == .completed && job.filePath == nil {
                reasons.append(Waiter.notSaved(job, reason: transfers.lastFailure(job.id)))
            }
            throw CLIFailure(status, reasons.joined(separator: "; "))
        }
    }
}
