import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo jobs`: list jobs from the shared store, newest first.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "List jobs, newest first (every hailuo process's jobs).")

    @Option(
        help: ArgumentHelp(
            "Only jobs in this state: submitting, unconfirmed, pending, completed, failed, dismissed.",
            valueName: "status"))
    var status: [String] = []

    @Flag(help: "Include hidden jobs.")
    var all = false

    @Option(help: ArgumentHelp("Show at most this many jobs.", valueName: "n"))
    var limit: Int?

    @Flag(help: "Print one JSON object per job, one per line.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        for word in status where JobPhase(rawValue: word.lowercased()) == nil {
            throw ValidationError(
                "unknown --status \(InertText.oneLine(word)); use one of: \(JobPhase.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    func run() async throws {
        let store = try StoreAccess.open(global)
        let phases = status.isEmpty ? nil : Set(status.compactMap { JobPhase(rawValue: $0.lowercased()) })
        let jobs = try store.jobs(phases: phases, includeHidden: all, limit: limit)
        if json {
            for job in jobs { Console.out(JobJSON.line(job)) }
        } else if jobs.isEmpty {
            Console.progress("no jobs yet; try: hailuo submit --prompt \"a paper boat in the rain\"")
        } else {
            for line in JobText.table(jobs) { Console.out(line) }
        }
    }
}

/// Read-only access to the store for commands that neither send nor poll.
enum StoreAccess {
    static func open(_ options: GlobalOptions) throws -> JobStore {
        let settings = try options.loadSettings()
        do {
            _ = try settings.paths.createStateDirectory()
            let store = try JobStore(url: settings.paths.databaseFile(demo: settings.isDemo))
            try store.recoverAbandoned()  // a submission whose process died shows as unconfirmed
            return store
        } catch {
            throw CLIFailure(.api, "could not open the job store: \(error)")
        }
    }

    static func resolve(_ reference: String, in store: JobStore) throws -> Job {
        do {
            guard let job = try store.resolve(reference) else {
                throw CLIFailure(.usage, "no job matches \(InertText.quoted(reference)) (see `hailuo jobs`)")
            }
            return job
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure(.usage, String(describing: error))
        }
    }
}
