import Foundation
import HailuoTestSupport
import Testing

/// `hailuo submit --preset` and `hailuo presets`, through the real binary in demo mode.
@Suite("Presets on the command line", .serialized, .sharesTheMachine)
struct PresetCLITests {
    static let presets = """
        [presets."rainy street"]
        model = "minimax/hailuo-02"
        prompt = "A paper boat on a rainy street"
        duration = 10
        resolution = "768P"
        prompt_optimizer = false

        [presets.kite]
        prompt = "A kite over the sea"
        """

    /// A home whose config folder holds `text` as presets.toml.
    func home(presets text: String) throws -> URL {
        let home = try TemporaryFolder("hailuo-presets").url
        let folder = home.appendingPathComponent("config/hailuo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("presets.toml"), atomically: true, encoding: .utf8)
        return home
    }

    func json(_ text: String) throws -> [String: Any] {
        let line = try #require(text.split(separator: "\n").first)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func thePresetFillsTheParameters() async throws {
        let home = try home(presets: Self.presets)
        defer { TemporaryFolder.remove(home) }
        let outcome = try await CLIRunner(home: home).run(["submit", "--preset", "rainy street", "--dry-run", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try json(outcome.stdout)
        #expect(object["prompt"] as? String == "A paper boat on a rainy street")
        #expect(object["duration"] as? Int == 10)
        #expect(object["prompt_optimizer"] as? Bool == false)
        #expect(object["model"] as? String == "minimax/hailuo-02")
    }

    @Test func aFlagOverridesThePreset() async throws {
        let home = try home(presets: Self.presets)
        defer { TemporaryFolder.remove(home) }
        let outcome = try await CLIRunner(home: home).run([
            "submit", "--preset", "rainy street", "--duration", "6", "--prompt", "A new prompt", "--prompt-optimizer",
            "--dry-run", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try json(outcome.stdout)
        #expect(object["prompt"] as? String == "A new prompt")
        #expect(object["duration"] as? Int == 6)
        #expect(object["prompt_optimizer"] as? Bool == true)
        #expect(object["resolution"] as? String == "768P")
    }

    @Test func theSubmittedJobKeepsThePresetsValues() async throws {
        let home = try home(presets: Self.presets)
        defer { TemporaryFolder.remove(home) }
        let outcome = try await CLIRunner(home: home).run(["submit", "--preset", "kite", "--json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try json(outcome.stdout)
        #expect(object["prompt"] as? String == "A kite over the sea")
        #expect(object["duration"] as? Int == 6)
    }

    @Test func anUnknownPresetExitsTwoWithTheNames() async throws {
        let home = try home(presets: Self.presets)
        defer { TemporaryFolder.remove(home) }
        let outcome = try await CLIRunner(home: home).run(["submit", "--preset", "sunny", "--dry-run"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("There is no preset \"sunny\""))
        #expect(outcome.stderr.contains("known presets: \"kite\", \"rainy street\""))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func aBrokenFileExitsTwoWithTheSentence() async throws {
        let home = try home(presets: "[presets.kite]\nprompt = \"a kite\"\nmodel = \"minimax/hailuo-99\"\n")
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let unknownModel = try await cli.run(["submit", "--preset", "kite", "--dry-run"])
        #expect(unknownModel.status == 2)
        #expect(unknownModel.stderr.contains("preset \"kite\" names the unknown model \"minimax/hailuo-99\""))

        let notTOML = try self.home(presets: "[presets.kite\nprompt = 1\n")
        defer { TemporaryFolder.remove(notTOML) }
        let broken = try await CLIRunner(home: notTOML).run(["presets"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("presets.toml is not valid TOML at line 1"))
    }

    @Test func aPresetWithoutAPromptNeedsOneAndAnEmptyImageFlagDropsItsImage() async throws {
        let home = try home(presets: "[presets.look]\nduration = 10\nfirst_frame = \"~/missing.png\"\n")
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let bare = try await cli.run(["submit", "--preset", "look", "--dry-run"])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("preset \"look\" has no prompt; give --prompt or --prompt-file"))
        let given = try await cli.run([
            "submit", "--preset", "look", "--prompt", "A heron at dawn", "--image", "", "--dry-run", "--json",
        ])
        #expect(given.status == 0, "\(given.stderr)")
        let object = try json(given.stdout)
        #expect(object["duration"] as? Int == 10)
        #expect(object["first_frame"] is NSNull)
    }

    @Test func presetsSaveKeepsTheOthersAndAsksForReplace() async throws {
        let home = try home(presets: Self.presets)
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let saved = try await cli.run(["presets", "save", "wide", "--from", "rainy street", "--duration", "6"])
        #expect(saved.status == 0, "\(saved.stderr)")
        let again = try await cli.run(["presets", "save", "wide", "--prompt", "other"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("A preset \"wide\" already exists"))
        let replaced = try await cli.run(["presets", "save", "wide", "--from", "wide", "--prompt", "Wide", "--replace"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let badName = try await cli.run(["presets", "save", "", "--prompt", "x"])
        #expect(badName.status == 2)
        #expect(badName.stderr.contains("is empty"))

        let list = try await cli.run(["presets"])
        #expect(list.stdout.split(separator: "\n").map { String($0.prefix(4)) } == ["kite", "rain", "wide"])
        let dryRun = try await cli.run(["submit", "--preset", "wide", "--dry-run", "--json"])
        let object = try json(dryRun.stdout)
        #expect(object["prompt"] as? String == "Wide")
        #expect(object["duration"] as? Int == 6)
        #expect(object["prompt_optimizer"] as? Bool == false, "kept from the preset it started from")
    }

    @Test func presetsListsShowsAndDeletes() async throws {
        let home = try home(presets: Self.presets)
        defer { TemporaryFolder.remove(home) }
        let cli = CLIRunner(home: home)
        let list = try await cli.run(["presets"])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("kite") == true)
        #expect(lines.last?.contains("minimax/hailuo-02 · 10 s · 768P") == true)

        let json = try await cli.run(["presets", "--json"])
        #expect(try self.json(json.stdout)["name"] as? String == "kite")

        let show = try await cli.run(["presets", "show", "rainy street"])
        #expect(show.stdout.contains("[presets.\"rainy street\"]\nmodel = \"minimax/hailuo-02\""))

        let delete = try await cli.run(["presets", "delete", "kite"])
        #expect(delete.status == 0, "\(delete.stderr)")
        let after = try await cli.run(["presets"])
        #expect(after.stdout.split(separator: "\n").count == 1)
        let missing = try await cli.run(["presets", "delete", "kite"])
        #expect(missing.status == 2)
    }
}
