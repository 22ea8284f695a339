import Foundation
import HailuoCore
import HailuoEngine
import HailuoTestSupport
import Testing

@Suite("Preset file")
struct PresetFileTests {
    static let boat = Preset(
        name: "rainy street",
        parameters: GenerationParameters(
            model: "minimax/hailuo-02", prompt: "A paper boat \"sails\" down a rainy street\n[Push in]\\ slowly",
            promptOptimizer: false, duration: 10, resolution: .p768, firstFrame: "~/img/boat.png",
            lastFrame: "https://example.com/end.jpg"))

    static func file(_ folder: TemporaryFolder) -> PresetFile {
        PresetFile(url: folder.url.appendingPathComponent("hailuo/presets.toml"))
    }

    /// Writes `text` as the presets file and reads it back, expecting an error.
    static func error(reading text: String) throws -> PresetError? {
        let folder = try TemporaryFolder()
        let file = file(folder)
        try FileManager.default.createDirectory(
            at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file.url, atomically: true, encoding: .utf8)
        do {
            _ = try file.load()
            return nil
        } catch {
            return error
        }
    }

    @Test func aMissingFileHoldsNoPresets() throws {
        let folder = try TemporaryFolder()
        #expect(try Self.file(folder).load().isEmpty)
    }

    @Test func aSavedPresetReadsBackTheSame() throws {
        let folder = try TemporaryFolder()
        let file = Self.file(folder)
        #expect(try file.save(Self.boat, replace: false) == false)
        #expect(try file.load() == [Self.boat])
        #expect(try file.preset(named: "rainy street") == Self.boat)
        // The folder was created; the file is private and holds no temporary leftovers.
        let names = try FileManager.default.contentsOfDirectory(atPath: file.url.deletingLastPathComponent().path)
        #expect(names.filter { $0.contains(".tmp") }.isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anH3PresetKeepsItsRatioAndReferences() throws {
        let folder = try TemporaryFolder()
        let file = Self.file(folder)
        let h3 = Preset(
            name: "storm",
            parameters: GenerationParameters(
                model: "minimax/h3", prompt: "A lighthouse in a storm", promptOptimizer: false, duration: 12,
                resolution: .k2, ratio: .r9x16, referenceImages: ["~/look.png", "https://example.com/a.png"],
                referenceVideos: ["https://example.com/storm.mp4"], referenceAudio: ["https://example.com/v.mp3"]))
        _ = try file.save(h3, replace: false)
        #expect(try file.load() == [h3])
        let text = try String(contentsOf: file.url, encoding: .utf8)
        #expect(text.contains(#"reference_images = ["~/look.png", "https://example.com/a.png"]"#))
        #expect(text.contains(#"ratio = "9:16""#))
    }

    @Test func aBadRatioOrReferenceListIsNamed() throws {
        let ratio = try #require(try Self.error(reading: "[presets.a]\nmodel = \"minimax/h3\"\nratio = \"2:1\"\n"))
        #expect(ratio.description.contains("ratio") && ratio.description.contains("2:1"))
        let list = try #require(try Self.error(reading: "[presets.a]\nreference_videos = \"one.mp4\"\n"))
        #expect(list.description.contains("reference_videos") && list.description.contains("a list of strings"))
    }

    @Test func theFileIsSortedByNameAndReadable() throws {
        let folder = try TemporaryFolder()
        let file = Self.file(folder)
        for name in ["zebra", "apple", "Mango"] {
            try file.save(Preset(name: name, parameters: GenerationParameters(prompt: name)), replace: false)
        }
        let text = try String(contentsOf: file.url, encoding: .utf8)
        let headers = text.split(separator: "\n").filter { $0.hasPrefix("[presets.") }
        #expect(headers == ["[presets.\"Mango\"]", "[presets.\"apple\"]", "[presets.\"zebra\"]"])
        #expect(text.contains("prompt = \"apple\"\nduration = 6\nresolution = \"768P\"\nprompt_optimizer = true\n"))
    }

    @Test func savingKeepsTheOtherPresets() throws {
        let folder = try TemporaryFolder()
        let file = Self.file(folder)
        try file.save(Self.boat, replace: false)
        let kite = Preset(name: "kite", parameters: GenerationParameters(prompt: "a kite over the sea"))
        try file.save(kite, replace: false)
        #expect(try file.load() == [kite, Self.boat])
        try file.delete(named: "kite")
        #expect(try file.load() == [Self.boat])
    }

    @Test func anExistingNameIsKeptUnlessReplaced() throws {
        let folder = try TemporaryFolder()
        let file = Self.file(folder)
        try file.save(Self.boat, replace: false)
        var changed = Self.boat
        changed.parameters.prompt = "a new prompt"
        #expect(throws: PresetError.exists(name: "rainy street", path: file.url.path)) {
            try file.save(changed, replace: false)
        }
        #expect(try file.load() == [Self.boat])
        #expect(try file.save(changed, replace: true) == true)
        #expect(try file.load() == [changed])
    }

    @Test func keysLeftOutTakeTheDefaults() throws {
        let defaults = GenerationParameters(
            model: "minimax/hailuo-02", prompt: "", promptOptimizer: false, duration: 10, resolution: .p768)
        let presets = try PresetFile.parse(
            "[presets.short]\nprompt = \"a fox\"\n", path: "presets.toml", defaults: defaults)
        var expected = defaults
        expected.prompt = "a fox"
        #expect(presets == [Preset(name: "short", parameters: expected)])
    }

    @Test func invalidTOMLNamesTheFileAndLine() throws {
        let error = try #require(try Self.error(reading: "[presets.a]\nprompt = \"a fox\"\nduration = = 6\n"))
        guard case .malformedTOML(_, let line, _, _) = error else {
            Issue.record("expected malformed TOML, got \(error)")
            return
        }
        #expect(line == 3)
        #expect(error.description.contains("presets.toml is not valid TOML at line 3"))
    }

    @Test func anUnknownModelListsTheKnownOnes() throws {
        let error = try #require(try Self.error(reading: "[presets.fast]\nmodel = \"minimax/hailuo-99\"\n"))
        #expect(error.description.contains("preset \"fast\" names the unknown model \"minimax/hailuo-99\""))
        for id in ModelCatalog.ids { #expect(error.description.contains(id.rawValue)) }
    }

    @Test func aWrongTypeNamesTheKeyAndPreset() throws {
        let error = try #require(try Self.error(reading: "[presets.fast]\nduration = \"6\"\n"))
        #expect(error.description.hasSuffix("preset \"fast\": duration must be a whole number of seconds, got \"6\"."))
        let flag = try #require(try Self.error(reading: "[presets.fast]\nprompt_optimizer = \"yes\"\n"))
        #expect(flag.description.contains("prompt_optimizer must be true or false"))
    }

    @Test func anUnknownKeyIsNamed() throws {
        let error = try #require(try Self.error(reading: "[presets.fast]\ndurration = 6\n"))
        #expect(error.description.contains("preset \"fast\" has the unknown key \"durration\"; a preset takes model,"))
        let top = try #require(try Self.error(reading: "model = \"minimax/hailuo-02\"\n"))
        #expect(top.description.contains("holds \"model\""))
    }

    @Test func anUnknownResolutionListsTheKnownOnes() throws {
        let error = try #require(try Self.error(reading: "[presets.fast]\nresolution = \"4K\"\n"))
        #expect(error.description.contains("resolution must be one of 480P, 768P, 1080P, 2K, got \"4K\""))
    }

    @Test func namesFollowTheRules() throws {
        let empty = try #require(try Self.error(reading: "[presets.\"\"]\nprompt = \"a fox\"\n"))
        #expect(empty.description.contains("the preset name \"\" is empty"))
        let long = String(repeating: "n", count: 65)
        let tooLong = try #require(try Self.error(reading: "[presets.\(long)]\nprompt = \"a fox\"\n"))
        #expect(tooLong.description.contains("is longer than 64 characters"))
        #expect(try Self.error(reading: "[presets.\(String(repeating: "n", count: 64))]\n") == nil)

        let folder = try TemporaryFolder()
        let file = Self.file(folder)
        for name in ["", "   ", "tab\there", "bell\u{07}", long] {
            #expect(throws: PresetError.self) {
                try file.save(Preset(name: name, parameters: GenerationParameters(prompt: "x")), replace: false)
            }
        }
        #expect(!FileManager.default.fileExists(atPath: file.url.path))
        // Quotes, dots and non-ASCII characters are fine, and read back.
        let odd = Preset(name: "night.\"neon\" 東京 🙂", parameters: GenerationParameters(prompt: "x"))
        try file.save(odd, replace: false)
        #expect(try file.load() == [odd])
    }

    @Test func anUnknownNameListsTheKnownOnes() throws {
        let folder = try TemporaryFolder()
        let file = Self.file(folder)
        try file.save(Self.boat, replace: false)
        #expect(throws: PresetError.unknownPreset(name: "nope", path: file.url.path, known: ["rainy street"])) {
            try file.preset(named: "nope")
        }
        #expect(
            PresetError.unknownPreset(name: "nope", path: "/p.toml", known: ["rainy street"]).description
                == "There is no preset \"nope\" in /p.toml; known presets: \"rainy street\".")
    }

    @Test func thePathFollowsXDGConfigHome() {
        let paths = HailuoPaths(environment: ["HOME": "/home/ana", "XDG_CONFIG_HOME": "/cfg"])
        #expect(paths.presetsFile.path == "/cfg/hailuo/presets.toml")
        let fallback = HailuoPaths(environment: ["HOME": "/home/ana"])
        #expect(fallback.presetsFile.path == "/home/ana/.config/hailuo/presets.toml")
    }
}
