import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo history --remote`: video jobs the provider's request logs list and the store does not
/// hold (made on the provider's website, by another program or machine); `--import` adds them.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List (and import) video jobs made elsewhere, from the provider's request logs.",
        discussion: """
            With --remote, reads the provider's request logs (GET /v2/logs) for the MiniMax video \
            models and lists the jobs this store does not hold: created, model, status, cost, \
            generation id, origin (api or playground). --import adds each as a pending job (its \
            prompt is unknown), so it is polled for a fresh link and downloaded like the rest; \
            importing twice adds nothing twice. The logs lag behind by a few minutes.
            """)

    @Flag(help: "Read the provider's request logs (required; local jobs are listed by `hailuo jobs`).")
    var remote = false

    @Option(help: ArgumentHelp("How far back: 7d, 24h or YYYY-MM-DD (default 7d, at most 92 days).", valueName: "when"))
    var since = "7d"

    @Flag(name: .customLong("import"), help: "Add the listed jobs to the store.")
    var importJobs = false

    @Flag(help: "Print one JSON object per job, one per line.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard remote else { throw ValidationError("history needs --remote (local jobs: `hailuo jobs`)") }
        guard Self.start(since, now: Date()) != nil else {
            throw ValidationError("unknown --since \(InertText.oneLine(since)); use 7d, 24h or YYYY-MM-DD")
        }
    }

    func run() async throws {
        let start = Self.start(since, now: Date()) ?? Date()
        let session = try await EngineSession.open(global)
        let outcome: Result<([RemoteJob], [Job]), any Error> = await Result {
            let remote = try await session.engine.remoteJobs(since: start)
            let added = importJobs ? try await session.engine.importRemote(remote) : []
            return (remote, added)
        }
        await session.close()
        let (remote, added) = try outcome.mapError { error -> any Error in
            CLIFailure(.api, Console.message("\(error)"))
        }.get()
        for item in remote {
            let imported = added.first { $0.generationID == item.inferenceID }
            if json {
                Console.out(Self.json(item, importedAs: imported?.id))
            } else {
                Console.out(Self.line(item) + (imported.map { "  imported as \($0.id)" } ?? ""))
            }
        }
        if !json {
            Console.error(
                remote.isEmpty
                    ? "no jobs made elsewhere since \(start.formatted(.iso8601))"
                    : importJobs
                        ? "imported \(added.count) of \(remote.count)"
                        : "\(remote.count) made elsewhere; --import adds them")
        }
    }

    /// `2026-12-05T00:12:03Z  minimax/hailuo-02  succeeded  $0.28  349865017168125  playground`.
    static func line(_ item: RemoteJob) -> String {
        let cost = item.costUSD.map { String(format: "$%.2f", $0) } ?? "-"
        return [
            item.created.formatted(.iso8601), item.model, InertText.oneLine(item.status), cost,
            InertText.oneLine(item.inferenceID), item.origin,
        ].joined(separator: "  ")
    }

    static func json(_ item: RemoteJob, importedAs: String?) -> String {
        let object: [String: Any] = [
            "created": item.created.formatted(.iso8601), "model": item.model, "status": item.status,
            "cost_usd": item.costUSD ?? NSNull(), "generation_id": item.inferenceID, "origin": item.origin,
            "client_request_id": item.clientRequestID ?? NSNull(), "imported_as": importedAs ?? NSNull(),
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The window's start: `7d` and `24h` back from `now`, or midnight UTC of a `YYYY-MM-DD`.
    static func start(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, unit == "d" || unit == "h", let count = Int(trimmed.dropLast()), count > 0,
            count <= (unit == "d" ? 92 : 92 * 24)
        {
            return now.addingTimeInterval(-Double(count) * (unit == "d" ? 86_400 : 3600))
        }
        guard let day = try? Date.ISO8601FormatStyle().year().month().day().parse(trimmed), day <= now,
            now.timeIntervalSince(day) <= 92 * 86_400
        else { return nil }
        return day
    }
}
