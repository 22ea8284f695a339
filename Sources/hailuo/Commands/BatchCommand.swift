import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo batch FILE`: many jobs from one file, checked as a whole, sent at a pace, never twice.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Submit the jobs of a batch file (JSON Lines, CSV or TOML), at most N at once.",
        discussion: """
            The fields are the `submit` options' names: prompt, image, last_image (or last-image), \
            model, duration, resolution, prompt_optimizer (true or false). A field left out takes \
            the config's default. An image path that is not absolute is relative to the batch \
            file's folder.

            Every row is checked before anything is sent (as `submit` checks one job); problems \
            are listed by row and field, and nothing is sent (exit 2). The whole batch must fit \
            the [budget] caps. Rows wait their turn in the job store (`hailuo jobs` shows them as \
            waiting) and are sent while fewer than --max-in-flight of the batch are pending.

            Running the same file again sends only the rows never sent (after Ctrl-C, a crash or \
            a lost link); an unconfirmed row counts as sent. Editing one row sends only that row.

            JSON Lines (.jsonl: one object per line; blank lines and # lines are skipped):
              {"prompt": "a paper boat in the rain", "image": "boat.png"}
              {"prompt": "a kite over the sea", "duration": 10}

            CSV (.csv: a header row names the fields; quote a field holding a comma):
              prompt,image,duration,resolution
              "a paper boat, in the rain",boat.png,6,1080P
              a kite over the sea,,10,768P

            TOML (.toml: the [matrix] lists multiply out; each [[job]] adds one job):
              [matrix]
              prompts = ["a paper boat in the rain", "a kite over the sea"]
              images = ["boat.png", "kite.png"]
              durations = [6, 10]
              [[job]]
              prompt = "one more, in 1080P"
              resolution = "1080P"
            """)

    @Argument(help: ArgumentHelp("The batch file: .jsonl, .csv or .toml.", valueName: "file"))
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Check and price every row, print the jobs and the total; send nothing.")
    var dryRun = false

    @Option(
        name: .customLong("max-in-flight"),
        help: ArgumentHelp(
            "At most this many jobs of the batch pending at once (default [batch] max_in_flight, else 4).",
            valueName: "n"))
    var maxInFlight: Int?

    @Flag(help: "Wait until every job of the batch completes or fails (progress on stderr).")
    var wait = false

    @Flag(help: "Download each video when it completes (implies --wait).")
    var download = false

    @Flag(help: "Print one JSON object per job, one per line.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if dryRun && (wait || download) {
            throw ValidationError("--dry-run sends nothing, so it takes no --wait or --download")
        }
        if let maxInFlight, !(1...100).contains(maxInFlight) {
            throw ValidationError("--max-in-flight must be between 1 and 100 (got \(maxInFlight))")
        }
    }

    func run() async throws {
        let session = try await EngineSession.open(global)
        let settings = session.settings
        let defaults = BatchDefaults(
            model: settings.defaultModel, duration: settings.defaultDuration, resolution: settings.defaultResolution,
            promptOptimizer: settings.defaultPromptOptimizer)
        let plan: BatchPlan
        switch await session.engine.planBatch(path: file, defaults: defaults, maxJobs: settings.batchMaxJobs) {
        case .success(let value):
            plan = value
            CameraNotes.warn(plan)
        case .failure(let problems):
            await session.close()
            throw CLIFailure(.usage, problems.sentences.joined(separator: "\n") + "\n(nothing was sent)")
        }
        if dryRun {
            await session.close()
            printDryRun(plan, demo: settings.isDemo)
            return
        }
        let outcome: Result<[Job], any Error> = await Result {
            try await SignalTrap.run { try await send(plan, session: session) }
        }
        await session.close()
        let jobs: [Job]
        do {
            jobs = try outcome.get()
        } catch is CancellationError {
            throw CLIFailure(.interrupted, interruptedSentence(session: session, plan: plan))
        }
        report(jobs, plan: plan)
        switch Waiter.status(for: jobs, download: download) {
        case .jobFailed:
            let failed = jobs.filter { $0.phase == .failed || $0.phase == .dismissed }.count
            throw CLIFailure(.jobFailed, "\(failed) job\(failed == 1 ? "" : "s") of the batch failed")
        case .api where wait || download:
            throw CLIFailure(.api, "some jobs of the batch are unconfirmed or their videos were not saved")
        default: return
        }
    }

    /// Stores the rows, paces them out, and (with --wait) waits for them. Returns the file's jobs.
    private func send(_ plan: BatchPlan, session: EngineSession) async throws -> [Job] {
        let engine = session.engine
        let stored: Result<BatchStart, SubmitError>
        do throws(SubmitError) {
            stored = .success(try await engine.storeBatch(plan))
        } catch {
            stored = .failure(error)
        }
        let start = try stored.mapError { SubmitCommand.failure(for: $0) }.get()
        Console.progress(
            "batch \(InertText.oneLine(start.group.name)) (group \(start.group.id)): \(plan.rows.count) rows — "
                + "\(start.added) new, \(start.resumed) left waiting by an earlier run, \(start.alreadySent) already sent"
        )
        let limit = maxInFlight ?? session.settings.batchMaxInFlight
        let line = BatchProgressLine(enabled: !json && isatty(STDERR_FILENO) == 1)
        do {
            try await engine.runBatch(groupID: start.group.id, maxInFlight: limit) { line.show($0) }
        } catch let error as SubmitError {
            line.finish()
            throw SubmitCommand.failure(for: error)
        }
        line.finish()
        if wait || download {
            let waiter = Waiter(session: session, timeout: nil, download: download, quiet: json)
            return try await waiter.wait(for: start.jobIDs)
        }
        return try start.jobIDs.compactMap { try engine.job(id: $0) }
    }

    private func interruptedSentence(session: EngineSession, plan: BatchPlan) -> String {
        let waiting =
            (try? session.engine.groups().first { $0.source == plan.source })
            .flatMap { group in try? session.engine.jobs(phases: [.waiting], includeHidden: true, groupID: group.id) }?
            .count ?? 0
        return "stopped: \(waiting) row\(waiting == 1 ? "" : "s") still waiting, never sent; jobs already sent go on "
            + "upstream. Run `hailuo batch \(InertText.oneLine(file))` again to continue."
    }

    private func report(_ jobs: [Job], plan: BatchPlan) {
        // The jobs come in the file's order, one per row.
        let positions =
            jobs.count == plan.rows.count
            ? Dictionary(zip(jobs.map(\.id), plan.rows.map(\.position.description))) { first, _ in first } : [:]
        for job in jobs {
            if json {
                Console.out(
                    JobJSON.line(
                        job, extra: ["group_id": job.groupID ?? NSNull(), "row": positions[job.id] ?? NSNull()]))
            } else {
                Console.out(
                    "\(job.id)  \(InertText.oneLine(job.displayStatus))  \(positions[job.id] ?? "")"
                        + (job.filePath.map { "  \($0)" } ?? ""))
            }
        }
    }
}
