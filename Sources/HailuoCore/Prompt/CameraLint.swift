/// Checks the camera commands in a prompt: every `[...]` is one bracket, its commands split on
/// commas. Pure; positions are `Character` offsets into the prompt (what the prompt editor's
/// cursor counts), so the screen can point at a finding.
///
/// Only a bracket left open is an error (``CameraFinding/Severity/error``; ``Validator`` refuses
/// it before anything is sent). The rest are warnings: the prompt is sent as written.
public enum CameraLint {
    /// One `[...]` of a prompt.
    public struct Bracket: Sendable, Equatable {
        /// From the `[` to the `]`, both included.
        public var range: Range<Int>
        /// The commands written in it, trimmed, empty ones left out.
        public var items: [Item]
    }

    /// One comma-separated command of a bracket, as written.
    public struct Item: Sendable, Equatable {
        /// The text, trimmed.
        public var text: String
        /// Where the trimmed text is.
        public var range: Range<Int>
        /// The command it names, or `nil`.
        public var command: CameraCommand? { CameraCommand(matching: text) }
    }

    /// The brackets of a prompt, and the `[` and `]` that make no bracket.
    public struct Scan: Sendable, Equatable {
        public var brackets: [Bracket] = []
        /// Offsets of each `[` with no `]` after it before the next `[` or the end.
        public var unclosed: [Int] = []
        /// Offsets of each `]` with no open `[` before it.
        public var stray: [Int] = []
    }

    /// Finds the brackets of `prompt`. A `[` that meets another `[` before any `]` is left open.
    public static func scan(_ prompt: String) -> Scan {
        let characters = Array(prompt)
        var result = Scan()
        var open: Int?
        for (index, character) in characters.enumerated() {
            switch character {
            case "[":
                if let open { result.unclosed.append(open) }
                open = index
            case "]":
                guard let start = open else {
                    result.stray.append(index)
                    continue
                }
                result.brackets.append(
                    Bracket(range: start..<index + 1, items: items(characters, from: start + 1, to: index)))
                open = nil
            default: break
            }
        }
        if let open { result.unclosed.append(open) }
        return result
    }

    /// Every finding in `prompt`, in order of position. `model`: the model the prompt is for; when
    /// it does not follow camera commands (``CameraCommand/honouredBy``) each bracket holding a
    /// command says so instead of being checked; `nil` checks the brackets as MiniMax's list.
    public static func findings(in prompt: String, model: ModelID? = nil) -> [CameraFinding] {
        let scan = scan(prompt)
        let characters = Array(prompt)
        var found: [CameraFinding] = scan.unclosed.map { unclosedFinding(at: $0, in: characters) }
        found += scan.stray.map { offset in
            CameraFinding(
                kind: .strayClose, range: offset..<offset + 1,
                message: "prompt: the \"]\" at position \(offset + 1) closes no camera bracket; remove it or add \"[\"")
        }
        let honoured = model.map(CameraCommand.isHonoured(by:)) ?? true
        // `[sim:…]` is the project's simulator's own marker (demo mode, tests), not a camera bracket.
        for bracket in scan.brackets where bracket.items.first?.text.lowercased().hasPrefix("sim:") != true {
            let shown = InertText.render(String(characters[bracket.range]), limit: 60)
            if !honoured, let model {
                guard bracket.items.contains(where: { $0.command != nil }) else { continue }
                found.append(
                    CameraFinding(
                        kind: .notFollowed(model), range: bracket.range,
                        message:
                            "prompt: \(model) does not follow camera commands, so \(shown) is read as plain text; "
                            + "describe the camera move in words, or choose Hailuo-02 or 2.3"))
                continue
            }
            found += bracketFindings(bracket, shown: shown)
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The warnings only: what a prompt that passes validation may still carry.
    public static func warnings(in prompt: String, model: ModelID? = nil) -> [CameraFinding] {
        findings(in: prompt, model: model).filter { $0.severity == .warning }
    }

    // MARK: Helpers

    private static func bracketFindings(_ bracket: Bracket, shown: String) -> [CameraFinding] {
        var found: [CameraFinding] = []
        if bracket.items.isEmpty {
            found.append(
                CameraFinding(
                    kind: .empty, range: bracket.range,
                    message: "prompt: \(shown) holds no camera command; write one, e.g. [Pan left], or remove it"))
            return found
        }
        if bracket.items.count > CameraCommand.maxPerBracket {
            found.append(
                CameraFinding(
                    kind: .tooMany(bracket.items.count), range: bracket.range,
                    message:
                        "prompt: \(shown) combines \(bracket.items.count) camera commands; MiniMax recommends at "
                        + "most \(CameraCommand.maxPerBracket) in one bracket"))
        }
        for item in bracket.items where item.command == nil {
            let suggestions = CameraCommand.suggestions(for: item.text)
            let name = "[\(InertText.render(item.text, limit: 40))]"
            var message = "prompt: \(name) is not a camera command MiniMax knows"
            if !suggestions.isEmpty {
                let list = suggestions.map(\.bracketed)
                let words =
                    list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " or " + list[list.count - 1]
                message += "; did you mean \(words)?"
            }
            found.append(
                CameraFinding(
                    kind: .unknownCommand(item.text, suggestions: suggestions), range: item.range, message: message))
        }
        return found
    }

    private static func unclosedFinding(at offset: Int, in characters: [Character]) -> CameraFinding {
        let following = String(characters[offset...].prefix(24))
        let end = characters[(offset + 1)...].firstIndex(of: "[") ?? characters.count
        return CameraFinding(
            kind: .unclosed, range: offset..<end,
            message:
                "prompt: the camera bracket opened at position \(offset + 1) "
                + "(\(InertText.quoted(following, limit: 20))) is never closed; end it with \"]\" or remove the \"[\"")
    }

    /// The comma-separated items between `start` and `end`, trimmed, empty ones left out.
    private static func items(_ characters: [Character], from start: Int, to end: Int) -> [Item] {
        var items: [Item] = []
        var itemStart = start
        for index in start...end where index == end || characters[index] == "," {
            var lower = itemStart
            var upper = index
            while lower < upper, characters[lower].isWhitespace { lower += 1 }
            while upper > lower, characters[upper - 1].isWhitespace { upper -= 1 }
            if lower < upper { items.append(Item(text: String(characters[lower..<upper]), range: lower..<upper)) }
            itemStart = index + 1
        }
        return items
    }
}

/// Something ``CameraLint`` found in a prompt: what, where, and one sentence about it.
public struct CameraFinding: Sendable, Equatable, CustomStringConvertible {
    /// What was found.
    public enum Kind: Sendable, Equatable {
        /// A bracket's text is no command MiniMax knows; maybe one of `suggestions` was meant.
        case unknownCommand(String, suggestions: [CameraCommand])
        /// More than ``CameraCommand/maxPerBracket`` commands in one bracket.
        case tooMany(Int)
        /// `[]`, or a bracket of commas and spaces.
        case empty
        /// A `[` never closed: the only error.
        case unclosed
        /// A `]` with no `[` before it.
        case strayClose
        /// The model does not follow camera commands.
        case notFollowed(ModelID)
    }

    /// A warning leaves the prompt sendable; an error stops it before anything is sent.
    public enum Severity: Sendable, Equatable {
        case warning
        case error
    }

    public var kind: Kind
    /// Where, in `Character` offsets into the prompt.
    public var range: Range<Int>
    /// One sentence starting with `prompt: `; outside text in it is made inert.
    public var message: String

    public init(kind: Kind, range: Range<Int>, message: String) {
        self.kind = kind
        self.range = range
        self.message = message
    }

    /// Only a bracket left open is an error.
    public var severity: Severity { kind == .unclosed ? .error : .warning }

    /// The message.
    public var description: String { message }
}
