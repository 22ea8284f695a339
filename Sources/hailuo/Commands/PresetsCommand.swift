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
              hailuo presets delete "rainy street"
            """,
        subcommands: [PresetsList.self, PresetsShow.self, PresetsDelete.self],
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
