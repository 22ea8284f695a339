import ArgumentParser
import Foundation
import HailuoEngine

/// `hailuo show ID`: every detail of one job and its history.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one job: parameters, ids, status history, error, URL, file.")

    @Argument(help: ArgumentHelp("Local id, generation id, or an unambiguous id prefix.", valueName: "id"))
    var id: String

    @Flag(help: "Print the job as one JSON object (with its history).")
    var json = false

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try StoreAccess.open(global)
        let job = try StoreAccess.resolve(id) { try store?.resolve($0) }
        let events = try store?.history(jobID: job.id) ?? []
        if json {
            let history = events.map { event -> [String: Any] in
                [
                    "at": JobJSON.iso(event.at), "phase": event.phase.rawValue,
                    "provider_status": event.providerStatus.map { $0 as Any } ?? NSNull(),
                    "note": event.note.map { $0 as Any } ?? NSNull(),
                ]
            }
            Console.out(JobJSON.line(job, extra: ["history": history]))
        } else {
            for line in JobText.details(job, events: events) { Console.out(line) }
        }
    }
}
