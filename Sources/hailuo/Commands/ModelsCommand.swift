import ArgumentParser
import HailuoCore

/// `hailuo models`: the models this client knows and their rules.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "List the models and their rules.")

    func run() throws {
        for model in ModelCatalog.all {
            let marker = model.id == ModelCatalog.defaultModelID ? " (default)" : ""
            Console.out("\(model.id)\(marker)")
            Console.out("  \(model.summary)")
        }
    }
}
