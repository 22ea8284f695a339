import ArgumentParser
import Foundation
import HailuoCore
import HailuoEngine

/// `hailuo presets`: the saved presets (list, show, delete).
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List, show or delete saved presets (prompt and parameters under a name).",
        discussion: """
            Presets live in $XDG_CONFIG_HOME/hailuo/presets.toml (default \
            ~/.config/hailuo/presets.toml), one [presets."NAME"] table each, with the keys model, \
            prompt, duration, resolution, prompt_optimizer, first_frame and last_frame (each \
            optional; a key left out takes the config's default). The screen saves one with F8 and \
            recalls one with F7; `hailuo submit --preset NAME` sends one, any flag overriding it.

            Examples:
              hailuo presets
              hailuo presets show "rainy street"
              hailuo submit --preset "rainy street" --duration 10
              hailuo presets save "rainy street" --prompt "A paper boat on a rainy street" --duration 10
              hailuo presets save wide --from "rainy street" --resolution 1080P --duration 6
              hailuo presets delete "rainy street"
            """,
        subcommands: [PresetsList.self, PresetsShow.self, PresetsSave.self, PresetsDelete.self],
        defaultSubcommand: PresetsList.self)
}

/// Options shared by the `presets` subcommands.
struct PresetsOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    /// The presets file, with the config's defaults; the API key is not looked up (nothing is sent).
    func file() throws -> PresetFile {
        var overrides = global.overrides
        overrides.demo = true
        do {
            let settings = try SettingsLoader.load(
                overrides: overrides, environment: ProcessInfo.processInfo.environment)
            return settings.presetFile
        } catch {
            throw CLIFailure(.usage, String(describing: error))
        }
    }

    /// `body` with the presets file; a broken file or an unknown name exits 2 with its sentence.
    func run<Value>(_ body: (PresetFile) throws(PresetError) -> Value) throws -> Value {
        let file = try file()
        do {
            return try body(file)
        } catch {
            throw CLIFailure(.usage, error.description)
        }
    }
}

/// `hailuo presets [list]`.
struct PresetsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the presets: name and a one-line summary (the default).")

    @Flag(help: "Print each preset as one JSON object per line.")
    var json = false

    @OptionGroup var options: PresetsOptions

    func run() throws {
        let presets = try options.run { file throws(PresetError) in try file.load() }
        if json {
            for preset in presets { Console.out(PresetJSON.line(preset)) }
        } else if presets.isEmpty {
            Console.progress("no presets yet; save one with F8 on the screen")
        } else {
            let width = min(32, presets.map { InertText.oneLine($0.name).count }.max() ?? 0)
            for preset in presets {
                let name = InertText.oneLine(preset.name)
                let padded = name.count < width ? name + String(repeating: " ", count: width - name.count) : name
                Console.out("\(padded)  \(preset.summary)")
            }
        }
    }
}

/// `hailuo presets show NAME`.
struct PresetsShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print one preset as it is written in presets.toml.")

    @Argument(help: ArgumentHelp("The preset's name.", valueName: "name"))
    var name: String

    @Flag(help: "Print it as one JSON object.")
    var json = false

    @OptionGroup var options: PresetsOptions

    func run() throws {
        let preset = try options.run { file throws(PresetError) in try file.preset(named: name) }
        if json {
            Console.out(PresetJSON.line(preset))
        } else {
            // TOML escapes every control character, so each line is safe to print as it is.
            for line in PresetFile.text(for: preset).split(separator: "\n") {
                Console.out(InertText.display(String(line)))
            }
        }
    }
}

/// `hailuo presets save NAME [--from PRESET] [flags]`.
struct PresetsSave: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Save a prompt and parameters as a preset (the others are kept).",
        discussion: """
            The values are the flags given, else those of --from PRESET, else the config's \
            defaults. A preset of the same name is kept unless --replace is given.
            """)

    @Argument(help: ArgumentHelp("The preset's name: 1-64 characters, no control characters.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("Start from this saved preset.", valueName: "preset"))
    var from: String?

    @Option(help: ArgumentHelp("The prompt text.", valueName: "text"))
    var prompt: String?

    @Option(
        help: ArgumentHelp("First frame: a PNG/JPEG path or an http(s) URL (\"\" for none).", valueName: "path|url"))
    var image: String?

    @Option(
        name: .customLong("last-image"),
        help: ArgumentHelp("Last frame: a PNG/JPEG path or an http(s) URL (\"\" for none).", valueName: "path|url"))
    var lastImage: String?

    @Option(help: ArgumentHelp("Model id (see `hailuo models`).", valueName: "id"))
    var model: String?

    @Option(help: ArgumentHelp("Clip length in seconds.", valueName: "seconds"))
    var duration: Int?

    @Option(help: ArgumentHelp("Output resolution (768P, 1080P).", valueName: "resolution"))
    var resolution: String?

    @Flag(name: .customLong("no-prompt-optimizer"), help: "Follow the prompt strictly (prompt_optimizer=false).")
    var noPromptOptimizer = false

    @Flag(name: .customLong("prompt-optimizer"), help: "Let the model rewrite the prompt (prompt_optimizer=true).")
    var promptOptimizerOn = false

    @Flag(help: "Replace a preset of the same name.")
    var replace = false

    @OptionGroup var options: PresetsOptions

    func validate() throws {
        if noPromptOptimizer && promptOptimizerOn {
            throw ValidationError("give --prompt-optimizer or --no-prompt-optimizer, not both")
        }
        if let resolution, Resolution(rawValue: resolution.uppercased()) == nil {
            throw ValidationError(
                "--resolution must be one of \(Resolution.allCases.map(\.rawValue).joined(separator: ", ")) "
                    + "(got \(InertText.oneLine(resolution)))")
        }
        if let model, ModelCatalog.model(ModelID(model)) == nil {
            throw ValidationError(
                "--model \(InertText.oneLine(model)) is not a known model; known models: "
                    + ModelCatalog.ids.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let replaced = try options.run { file throws(PresetError) in
            var parameters =
                try from.map { name throws(PresetError) in try file.preset(named: name).parameters }
                ?? file.defaults
            if let prompt { parameters.prompt = prompt }
            parameters.override(
                model: model, promptOptimizer: noPromptOptimizer ? false : (promptOptimizerOn ? true : nil),
                duration: duration, resolution: resolution, firstFrame: image, lastFrame: lastImage)
            return try file.save(Preset(name: name, parameters: parameters), replace: replace)
        }
        Console.progress("\(replaced ? "replaced" : "saved") preset \(InertText.quoted(name, limit: 70))")
    }
}

/// `hailuo presets delete NAME`.
struct PresetsDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Remove one preset (the others are kept).")

    @Argument(help: ArgumentHelp("The preset's name.", valueName: "name"))
    var name: String

    @OptionGroup var options: PresetsOptions

    func run() throws {
        try options.run { file throws(PresetError) in try file.delete(named: name) }
        Console.progress("deleted preset \(InertText.quoted(name, limit: 70))")
    }
}

/// The `--json` form of a preset: its name and the parameters as jobs write them.
enum PresetJSON {
    static func line(_ preset: Preset) -> String {
        var object = JobJSON.parameters(preset.parameters)
        object["name"] = preset.name
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
