import ArgumentParser
import HailuoCore
import HailuoEngine

/// `hailuo models`: the models this client knows, their rules, whether the provider still lists
/// them, and the MiniMax video models the provider lists that hailuo does not know yet.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "List the models, their rules and whether the provider still lists them.",
        discussion: """
            The provider's catalogue (GET /v1/models, no key sent) is asked at most once a day; the \
            answer is cached in the job store with its ETag. A model the catalogue no longer lists \
            is not offered and a submission of it is refused. A new MiniMax video model is listed \
            but not offered until hailuo knows its rules. Offline, the built-in table is the answer.
            """)

    @Flag(help: "Print one JSON object.")
    var json = false

    @Flag(help: "Ask the catalogue now, whatever the age of the cached answer.")
    var refresh = false

    @Flag(help: "Use the built-in table only: nothing is asked or read.")
    var offline = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if refresh && offline { throw ValidationError("--refresh and --offline cannot be used together") }
    }

    func run() async throws {
        let roster: ModelRoster
        var isDemo = false
        if offline {
            roster = .builtIn(reason: "--offline")
        } else {
            let session = try await EngineSession.open(global, announceDemo: false)
            isDemo = session.settings.isDemo
            roster = await session.engine.modelRoster(refresh: refresh)
            await session.close()
        }
        if json {
            Console.out(ModelsReport.json(roster, isDemo: isDemo))
        } else {
            for line in ModelsReport.text(roster, isDemo: isDemo) { Console.out(line) }
        }
    }
}
