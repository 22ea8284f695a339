import Foundation

extension BadInputCase {
    private static func prompt(
        _ name: String, _ text: String, _ expected: BadInputExpectation, _ summary: String
    ) -> BadInputCase {
        BadInputCase(name: name, expected: expected, summary: summary) { box in
            Invocation(box.submit(prompt: text))
        }
    }

    /// A prompt given through `--prompt-file` (for bytes an argument cannot hold, or a long paste).
    private static func promptFile(
        _ name: String, _ bytes: @escaping @Sendable () -> [UInt8], _ expected: BadInputExpectation, _ summary: String
    ) -> BadInputCase {
        BadInputCase(name: name, expected: expected, summary: summary) { box in
            let file = try box.write("prompt-\(abs(name.hashValue)).txt", bytes())
            return Invocation(["submit", "--prompt-file", file, "--base-url", box.baseURL])
        }
    }

    /// Prompt cases: emptiness, length in UTF-16 units, control characters, scripts and marks.
    static let prompts: [BadInputCase] = [
        prompt("empty prompt", "", .refused(mentions: ["prompt", "empty"]), "refused: must not be empty"),
        prompt("blanks only", "  \t  ", .refused(mentions: ["blank"]), "refused: must not be blank"),
        prompt(
            "2001 UTF-16 units", String(repeating: "a", count: 2001), .refused(mentions: ["2000", "2001"]),
            "refused: at most 2000 UTF-16 units, has 2001"),
        prompt(
            "2001 units ending in an emoji", String(repeating: "a", count: 1999) + "🚣",
            .refused(mentions: ["2001"]), "refused: the emoji counts 2 units"),
        prompt("exactly 2000 units of emoji", String(repeating: "🚣", count: 1000), .accepted(), "accepted"),
        promptFile(
            "NUL in the prompt", { Array("before\u{0}after".utf8) }, .refused(mentions: ["U+0000"]),
            "refused: control character U+0000"),
        prompt("BEL in the prompt", "ring\u{07}ring", .refused(mentions: ["U+0007"]), "refused: control character"),
        prompt("bare CR in the prompt", "one\rtwo", .refused(mentions: ["U+000D"]), "refused: control character"),
        prompt(
            "ANSI escape sequence", "\u{1B}[31mred\u{1B}[0m text", .refused(mentions: ["U+001B", "\\e"]),
            "refused: control character, shown as \\e"),
        prompt(
            "C1 control (U+009B)", "csi\u{9B}31m", .refused(mentions: ["U+009B"]), "refused: control character"),
        prompt("newlines and tabs", "line one\n\tline two", .accepted(), "accepted (allowed)"),
        prompt("right-to-left text", "قارب ورقي في المطر — סירת נייר", .accepted(), "accepted"),
        prompt(
            "right-to-left override character", "boat \u{202E}gnp.exe", .accepted(),
            "accepted (not a control character); shown inert"),
        prompt(
            "combining marks", "Z\u{351}\u{36B}a\u{33E}\u{357}l\u{344}g\u{34C}o e\u{301}", .accepted(), "accepted"),
        promptFile(
            "a 100 KB paste", { Array(String(repeating: "x", count: 100 * 1024).utf8) },
            .refused(mentions: ["102400"]), "refused: length, message stays short"),
        promptFile(
            "prompt file that is not UTF-8", { [0x66, 0xFF, 0xFE, 0x80] }, .refused(mentions: ["not UTF-8 text"]),
            "refused: the prompt file is not UTF-8 text"),
        BadInputCase(
            name: "missing prompt file",
            expected: .refused(mentions: ["cannot read the prompt file", "does not exist"]),
            summary: "refused: the prompt file does not exist"
        ) { box in Invocation(["submit", "--prompt-file", box.path("nope.txt"), "--base-url", box.baseURL]) },
        BadInputCase(
            name: "prompt file that is a folder",
            expected: .refused(mentions: ["cannot read the prompt file", "is a folder"]),
            summary: "refused: the prompt file is a folder"
        ) { box in Invocation(["submit", "--prompt-file", box.folder.path, "--base-url", box.baseURL]) },
        BadInputCase(
            name: "--prompt and --prompt-file", expected: .refused(mentions: ["not both"]), summary: "refused: usage"
        ) { box in Invocation(box.submit(["--prompt-file", box.path("x.txt")])) },
    ]

    /// Parameter cases the model table decides.
    static let parameters: [BadInputCase] =
        [
            BadInputCase(
                name: "duration 7", expected: .refused(mentions: ["duration", "7 s"]), summary: "refused: 6 or 10"
            ) { box in Invocation(box.submit(["--duration", "7"])) },
            BadInputCase(
                name: "unknown model", expected: .refused(mentions: ["unknown model", "minimax/hailuo-02"]),
                summary: "refused: lists the known models"
            ) { box in Invocation(box.submit(["--model", "minimax/hailuo-99"])) },
            BadInputCase(
                name: "resolution 720P", expected: .refused(mentions: ["720P", "768P", "2K"]), summary: "refused: usage"
            ) { box in Invocation(box.submit(["--resolution", "720P"])) },
        ] + h3

    private static func refs(_ flag: String, _ count: Int, _ stem: String) -> [String] {
        (0..<count).flatMap { [flag, "https://example.com/\(stem)\($0)"] }
    }

    /// H3's rules at their boundaries, through the CLI: refused before anything is sent, or sent
    /// (to the unified endpoint, whatever the configured family).
    static let h3: [BadInputCase] = [
        BadInputCase(
            name: "H3 audio as the only reference",
            expected: .refused(mentions: ["reference audio", "only reference"]),
            summary: "refused: add an image or video"
        ) { box in
            Invocation(box.submit(["--model", "minimax/h3", "--reference-audio", "https://example.com/voice.mp3"]))
        },
        BadInputCase(
            name: "H3 with 10 reference images",
            expected: .refused(mentions: ["reference images", "at most 9", "got 10"]), summary: "refused: 9 at most"
        ) { box in Invocation(box.submit(["--model", "minimax/h3"] + refs("--reference-image", 10, "i"))) },
        BadInputCase(
            name: "H3 with 9 reference images and 15 s", expected: .accepted(), summary: "accepted (unified endpoint)"
        ) { box in
            Invocation(box.submit(["--model", "minimax/h3", "--duration", "15"] + refs("--reference-image", 9, "i")))
        },
        BadInputCase(
            name: "H3 duration 16", expected: .refused(mentions: ["duration", "4 to 15 s", "16 s"]),
            summary: "refused: 4 to 15 s"
        ) { box in Invocation(box.submit(["--model", "minimax/h3", "--duration", "16"])) },
        BadInputCase(
            name: "H3 duration 3", expected: .refused(mentions: ["duration", "4 to 15 s", "3 s"]),
            summary: "refused: 4 to 15 s"
        ) { box in Invocation(box.submit(["--model", "minimax/h3", "--duration", "3"])) },
        BadInputCase(
            name: "H3 adaptive with no image", expected: .refused(mentions: ["ratio", "adaptive", "16:9"]),
            summary: "refused: nothing to adapt to"
        ) { box in Invocation(box.submit(["--model", "minimax/h3", "--ratio", "adaptive"])) },
        BadInputCase(
            name: "ratio 2:1", expected: .refused(mentions: ["--ratio", "2:1", "9:16"]), summary: "refused: usage"
        ) { box in Invocation(box.submit(["--model", "minimax/h3", "--ratio", "2:1"])) },
        BadInputCase(
            name: "a ratio for Hailuo-02", expected: .refused(mentions: ["ratio", "takes no ratio"]),
            summary: "refused: H3 only"
        ) { box in Invocation(box.submit(["--ratio", "16:9"])) },
    ]

    private static func config(
        _ name: String, _ text: @escaping @Sendable (BadInputSandbox) throws -> String, _ expected: BadInputExpectation,
        _ summary: String, keyFromConfig: Bool = false, limit: Double = 30
    ) -> BadInputCase {
        BadInputCase(name: name, expected: expected, summary: summary) { box in
            let arguments = try box.submit(config: try text(box), name: "config-\(abs(name.hashValue)).toml")
            return Invocation(arguments, withoutEnvironmentKey: keyFromConfig, limit: limit)
        }
    }

    /// Config cases: the file's syntax and types, and every way a key source can fail.
    static let configs: [BadInputCase] = [
        config(
            "malformed TOML", { _ in "[defaults\nduration = 6\n" }, .refused(mentions: ["not valid TOML", "line"]),
            "refused: names file, line and column"),
        config(
            "wrong type", { _ in "[defaults]\nduration = \"six\"\n" }, .refused(mentions: ["duration", "must be"]),
            "refused: says what was expected"),
        config(
            "unknown key", { _ in "[defaults]\ncolour = \"blue\"\n" }, .accepted(mentions: ["colour"]),
            "accepted with a warning naming the key"),
        config(
            "API key written into the config", { _ in "[profiles.default]\napi_key = \"sk-in-config-1234\"\n" },
            .refused(mentions: ["api_key"]), "refused without echoing the key"),
        config(
            "key file readable by others",
            { box in
                let file = try box.write("open-key", Array("sk-open-key-0001\n".utf8), mode: 0o644)
                return "[profiles.default]\napi_key_file = \"\(file)\"\n"
            }, .refused(mentions: ["other users", "chmod 600"]), "refused: mode 0644, run chmod 600",
            keyFromConfig: true),
        config(
            "missing key file", { box in "[profiles.default]\napi_key_file = \"\(box.path("no-key"))\"\n" },
            .refused(mentions: ["does not exist"]), "refused: the key file does not exist", keyFromConfig: true),
        config(
            "key command that fails",
            { _ in
                "[profiles.default]\napi_key_command = \"echo vault locked >&2; exit 3\"\n"
            }, .refused(mentions: ["failed", "vault locked"]), "refused: quotes its error", keyFromConfig: true),
        config(
            "key command that hangs", { _ in "[profiles.default]\napi_key_command = \"sleep 600\"\n" },
            .refused(mentions: ["did not finish within 10 s"]), "refused after the 10 s limit, no hang",
            keyFromConfig: true, limit: 40),
        BadInputCase(
            name: "base URL with credentials", expected: .refused(mentions: ["base URL"]),
            summary: "refused without echoing the password"
        ) { box in
            let file = try box.write(
                "creds.toml", Array("[profiles.default]\nbase_url = \"https://user:pw@api.example.com\"\n".utf8))
            return Invocation(["submit", "--prompt", "A calm lake", "--config", file])
        },
        BadInputCase(
            name: "--config path holding an escape sequence",
            expected: .refused(mentions: ["\\e[31m", "does not exist"]),
            summary: "refused, the path shown inert (was raw before the fix)"
        ) { box in Invocation(box.submit(["--config", box.path("\u{1B}[31mred.toml")])) },
        BadInputCase(
            name: "open key file under a path holding an escape sequence",
            expected: .refused(mentions: ["\\e[2J", "other users"]),
            summary: "refused, the path shown inert (was raw before the fix)"
        ) { box in
            let folder = box.path("k\u{1B}[2J")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let key = try box.write("k\u{1B}[2J/key", Array("sk-open-key-0001\n".utf8), mode: 0o644)
            let escaped = key.replacingOccurrences(of: "\u{1B}", with: "\\u001B")  // TOML's escape
            let config = try box.write(
                "escaped.toml", Array("[profiles.default]\napi_key_file = \"\(escaped)\"\n".utf8))
            return Invocation(
                ["submit", "--prompt", "A calm lake", "--base-url", box.baseURL, "--config", config],
                withoutEnvironmentKey: true)
        },
        BadInputCase(
            name: "--config naming a missing file", expected: .refused(mentions: ["does not exist"]),
            summary: "refused: the config file does not exist"
        ) { box in Invocation(box.submit(["--config", box.path("missing.toml")])) },
    ]

    /// The whole table.
    static let all: [BadInputCase] = images + prompts + parameters + configs
}
