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
            "Only jobs in this state: waiting, submitting, unconfirmed, pending, completed, failed, dismissed.",
            valueName: "status"))
    var status: [String] = []

    @Flag(help: "Include hidden jobs.")
    var all = false

    @Flag(help: "Only jobs picked as favourites (`hailuo favourite ID`).")
    var favourites = false

    @Option(help: ArgumentHelp("Only the jobs of this group (a batch or a set of variants).", valueName: "id"))
    var group: String?

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
        let phases = status.isEmpty ? nil : Set(status.compactMap { JobPhase(rawValue: $0.lowercased()) })
        let store = try StoreAccess.open(global)
        var groupID: String?
        if let group {
            guard let found = try store?.group(id: group) ?? store?.groups().first(where: { $0.id.hasPrefix(group) })
            else { throw CLIFailure(.usage, "no group matches \(InertText.quoted(group))") }
            groupID = found.id
        }
        let jobs =
            try store?.jobs(
                phases: phases, includeHidden: all || groupID != nil, limit: limit, groupID: groupID,
                favouritesOnly: favourites) ?? []
        if json {
            for job in jobs { Console.out(JobJSON.line(job)) }
        } else if jobs.isEmpty {
            Console.progress("no jobs yet; try: hailuo submit --prompt \"a paper boat in the rain\"")
        } else {
            for line in JobText.table(jobs) { Console.out(line) }
        }
    }
}

/// The job store for commands that only read it (`jobs`, `show`), and finding a job by what a user
/// typed, for every command.
enum StoreAccess {
    /// The store, opened read-only: a listing creates, migrates and changes nothing. `nil` when
    /// no job was ever stored. The one write: when a submission was left half-way by a process
    /// that is gone, it is marked unconfirmed first (so it shows as what it is), through a
    /// writable store opened for that alone.
    static func open(_ options: GlobalOptions) throws -> JobStore? {
        let settings = try options.loadSettings()
        let url = settings.paths.databaseFile(demo: settings.isDemo)
        do {
            guard let store = try JobStore.openReadOnly(url: url) else { return nil }
            if try store.hasAbandonedSubmissions() {
                try JobStore(url: url).recoverAbandoned()
            }
            return store
        } catch {
            throw CLIFailure(.api, "could not open the job store: \(error)")
        }
    }

    /// The job `reference` names (local id, generation id or id prefix), found by `lookup`
    /// (the store's or the engine's `resolve`); a usage failure when none or several match.
    static func resolve(_ reference: String, with lookup: (String) throws -> Job?) throws -> Job {
        let found: Job?
        do {
            found = try lookup(reference)
        } catch {
            throw CLIFailure(.usage, String(describing: error))
        }
        guard let job = found else {
            throw CLIFailure(.usage, "no job matches \(InertText.quoted(reference)) (see `hailuo jobs`)")
        }
        return job
    }
}
