import ArgumentParser
import Foundation
import HailuoSimulator

/// `hailuo simulate`: run the provider simulator in the foreground.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run the built-in simulator of the AI/ML API on 127.0.0.1 (for scripts and testing).",
        discussion: """
            Point hailuo (or anything else) at it:
              AIML_API_BASE_URL=http://127.0.0.1:PORT AIML_API_KEY=anything hailuo submit --prompt "..."
            Prompt markers choose an outcome: [sim:fail], [sim:fail-early] (fails 2-5 s after \
            acceptance), [sim:error-detail], [sim:error-text], \
            [sim:unknown-status], [sim:no-url], [sim:lost]. Faults: --fault NAME (every request) \
            or POST /__sim/faults with {"fault": NAME, "on": "create|poll|download|catalogue|billing|logs|any", "count": N}.
            Fault names: \(SimulatorFault.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

    @Option(help: ArgumentHelp("Port to listen on (0 picks a free one).", valueName: "n"))
    var port: Int = 0

    @Option(
        name: .customLong("time-scale"),
        help: ArgumentHelp("How much faster than the real provider jobs finish (1 = 4-5 min for 6 s).", valueName: "x"))
    var timeScale: Double = 1

    @Option(help: ArgumentHelp("Inject this fault into every matching request (repeatable).", valueName: "name"))
    var fault: [String] = []

    @Option(
        name: .customLong("fault-on"),
        help: ArgumentHelp(
            "Which requests --fault applies to: create, poll, download, catalogue, billing, logs, any.",
            valueName: "kind"))
    var faultOn: String = "any"

    @Option(
        name: .customLong("unlist-model"),
        help: ArgumentHelp("Leave this model (id or alias) out of GET /v1/models (repeatable).", valueName: "id"))
    var unlistModel: [String] = []

    @Option(
        name: .customLong("add-model"),
        help: ArgumentHelp("List a new MiniMax video model in GET /v1/models (repeatable).", valueName: "id"))
    var addModel: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535") }
        guard timeScale > 0 else { throw ValidationError("--time-scale must be more than 0") }
        guard RequestKind(rawValue: faultOn) != nil else {
            throw ValidationError("--fault-on must be create, poll, download, catalogue, billing, logs or any")
        }
        for name in fault where SimulatorFault(rawValue: name) == nil {
            throw ValidationError(
                "unknown fault \(name); known: \(SimulatorFault.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() async throws {
        let kind = RequestKind(rawValue: faultOn) ?? .any
        var configuration = SimulatorConfiguration()
        configuration.port = port
        configuration.timeScale = timeScale
        configuration.faults = fault.compactMap { SimulatorFault(rawValue: $0) }.map {
            FaultRule(fault: $0, on: kind, count: nil)
        }
        configuration.catalogue.removeAll { model in unlistModel.contains { model.isNamed($0) } }
        for id in addModel {
            configuration.catalogue.append(
                SimulatorCatalogueModel(id: id, name: id, pricing: .fixed([SimulatorRate(price: 0.5)])))
        }
        let simulator = Simulator(configuration: configuration)
        let bound = try await simulator.start()
        // Written straight to the descriptor: scripts read the port from this line at once.
        FileHandle.standardOutput.write(
            Data("simulator listening on http://127.0.0.1:\(bound) (time scale \(timeScale)); Ctrl-C stops it\n".utf8))
        do {
            try await SignalTrap.run {
                while true { try await Task.sleep(for: .seconds(3600)) }
            }
        } catch {}
        await simulator.stop()
    }
}
