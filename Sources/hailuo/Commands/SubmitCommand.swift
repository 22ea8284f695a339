import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo submit`: validate, store, send one job; optionally wait and download.
struct SubmitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit one video job.",
        discussion: """
            Everything is checked before anything is sent: prompt length (2000 UTF-16 units; \
            H3 7000), duration and resolution for the model (1080P allows 6 s only; H3 takes 4 to \
            15 s at 2K, H3 Max 5 to 15 s at 480P or 768P), ratio and references, and local images \
            (PNG or JPEG by content, shorter side over 300 px, aspect ratio between 2:5 and 5:2, \
            at most 20 MiB). A local image is sent inline; an http(s) URL is passed as is.

            Prints the job's local id (stdout). Without --wait the job keeps going upstream; \
            `hailuo wait ID` (or any later hailuo process) picks it up.

            The price comes from the provider's model catalogue (cached for a day), else a \
            built-in table. With --dry-run the request is checked and priced but not sent. A job \
            that would pass a [budget] cap from the config is refused before anything is sent \
            (exit 2).

            With --preset NAME the saved preset fills the prompt and parameters (see \
            `hailuo presets`); every flag given on the command line overrides it, and \
            --image "" or --last-image "" leaves out the preset's image.
            """)

    @Option(
        help: ArgumentHelp(
            "Start from a saved preset (presets.toml); flags given here override it.", valueName: "name"))
    var preset: String?

    @Option(help: ArgumentHelp("The prompt text.", valueName: "text"))
    var prompt: String?

    @Option(
        name: .customLong("prompt-file"),
        help: ArgumentHelp("Read the prompt from a file (- for stdin).", valueName: "file"))
    var promptFile: String?

    @Option(help: ArgumentHelp("First frame: a PNG/JPEG path or an http(s) URL.", valueName: "path|url"))
    var image: String?

    @Option(
        name: .customLong("last-image"),
        help: ArgumentHelp("Last frame: a PNG/JPEG path or an http(s) URL.", valueName: "path|url"))
    var lastImage: String?

    @Option(
        help: ArgumentHelp(
            "Model id (see `hailuo models`; default from config, else minimax/hailuo-02).", valueName: "id"))
    var model: String?

    @Option(help: ArgumentHelp("Clip length in seconds: 6 or 10 (H3: 4-15, H3 Max: 5-15).", valueName: "seconds"))
    var duration: Int?

    @Option(
        help: ArgumentHelp(
            "768P or 1080P (1080P allows 6 s only); H3: 2K; H3 Max: 480P or 768P.", valueName: "resolution"))
    var resolution: String?

    @OptionGroup(title: "H3 and H3 Max") var inputs: ModelInputOptions

    @Flag(name: .customLong("no-prompt-optimizer"), help: "Follow the prompt strictly (prompt_optimizer=false).")
    var noPromptOptimizer = false

    @Flag(
        name: .customLong("prompt-optimizer"),
        help: "Let the model rewrite the prompt (prompt_optimizer=true), over a preset or the config.")
    var promptOptimizerOn = false

    @Flag(help: "Wait until the job completes or fails (progress on stderr).")
    var wait = false

    @Flag(help: "Download the video when it completes (implies --wait).")
    var download = false

    @Option(help: ArgumentHelp("With --wait: give up waiting after this many seconds (exit 4).", valueName: "seconds"))
    var timeout: Double?

    @Flag(help: "Print the job as one JSON object.")
    var json = false

    @Flag(
        name: .customLong("dry-run"),
        help: "Check and price the request, print what would be sent and its price; send and store nothing.")
    var dryRun = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if dryRun && (wait || download) {
            throw ValidationError("--dry-run sends nothing, so it takes no --wait or --download")
        }
        if prompt != nil && promptFile != nil { throw ValidationError("give --prompt or --prompt-file, not both") }
        if prompt == nil && promptFile == nil && preset == nil {
            throw ValidationError("a prompt is required: --prompt TEXT, --prompt-file FILE or --preset NAME")
        }
        if noPromptOptimizer && promptOptimizerOn {
            throw ValidationError("give --prompt-optimizer or --no-prompt-optimizer, not both")
        }
        if let resolution, Resolution(named: resolution) == nil {
            let names = Resolution.allCases.map(\.rawValue)
            throw ValidationError(
                "--resolution must be \(names.dropLast().joined(separator: ", ")) or \(names.last ?? "") "
                    + "(got \(InertText.oneLine(resolution)))")
        }
    }

    func run() async throws {
        let text = try readPrompt()
        let session = try await EngineSession.open(global)
        let parameters: GenerationParameters
        do {
            parameters = try self.parameters(prompt: text, settings: session.settings)
        } catch {
            await session.close()
            throw error
        }
        CameraNotes.warn(parameters)
        if dryRun {
            try await runDryRun(parameters, session: session)
            return
        }
        let connectionNotes = Task { await ConnectionNotes.print(session.engine.events()) }
        let transfers = TransferBoard()
        defer { connectionNotes.cancel() }
        let outcome: Result<[Job], any Error> = await Result {
            try await SignalTrap.run {
                let job: Job
                do {
                    job = try await session.engine.submit(parameters)
                } catch let error as SubmitError {
                    throw Self.failure(for: error)
                }
                guard wait || download, job.phase.isActive else { return [job] }
                if !json { Console.progress("\(job.id)  submitted (generation \(job.generationID ?? "?"))") }
                let waiter = Waiter(
                    session: session, timeout: timeout, download: download, quiet: json, transfers: transfers)
                return try await waiter.wait(for: [job.id])
            }
        }
        await session.close()
        let jobs = try outcome.get()
        guard let job = jobs.first else { return }
        report(job)
        try finish(job, downloadFailure: transfers.lastFailure(job.id))
    }

    static func failure(for error: SubmitError) -> CLIFailure {
        switch error {
        case .invalid(let invalid):
            let lines = invalid.issues.map(\.message)
            return CLIFailure(.usage, lines.joined(separator: "\n        ") + "\n        (nothing was sent)")
        case .local(let message):
            return CLIFailure(.api, message)
        case .budget(let sentence):
            return CLIFailure(.usage, "refused: \(sentence) (nothing was sent)")
        }
    }

    /// The prompt given with --prompt or --prompt-file, or `nil` when neither was given.
    private func readPrompt() throws -> String? {
        if let prompt { return prompt }
        guard let promptFile else { return nil }
        if promptFile == "-" {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        let path = NSString(string: promptFile).expandingTildeInPath
        func refuse(_ reason: String) -> CLIFailure {
            CLIFailure(.usage, "cannot read the prompt file \(InertText.oneLine(promptFile)): \(reason)")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw refuse("it does not exist")
        }
        if isFolder.boolValue { throw refuse("it is a folder, not a text file") }
        guard access(path, R_OK) == 0 else { throw refuse(String(cString: strerror(errno)).lowercased()) }
        guard let data = FileManager.default.contents(atPath: path) else { throw refuse("it could not be read") }
        guard let text = String(data: data, encoding: .utf8) else { throw refuse("it is not UTF-8 text") }
        return text.trimmingCharacters(in: .newlines)
    }

    private func report(_ job: Job) {
        if json {
            Console.out(JobJSON.line(job))
        } else if let file = job.filePath {
            Console.out(file)
        } else {
            Console.out(
                "\(job.id)  \(InertText.oneLine(job.displayStatus))"
                    + (job.generationID.map { "  generation \($0)" } ?? ""))
        }
    }

    private func finish(_ job: Job, downloadFailure: String?) throws {
        switch job.phase {
        case .completed where download && job.filePath == nil:
            throw CLIFailure(.api, Waiter.notSaved(job, reason: downloadFailure))
        case .failed where job.generationID == nil:
            throw CLIFailure(
                .api, "job \(job.id) was not accepted: \(Console.message(job.errorMessage ?? "no reason given"))")
        case .failed, .dismissed:
            throw CLIFailure(
                .jobFailed, "job \(job.id) failed: \(Console.message(job.errorMessage ?? "no reason given"))")
        case .unconfirmed:
            throw CLIFailure(
                .api,
                "job \(job.id) is unconfirmed: \(Console.message(job.errorMessage ?? "the answer was lost")). Check the dashboard, then `hailuo resubmit \(job.id)` or `hailuo dismiss \(job.id)`."
            )
        default:
            return
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
