import TUIKit

/// One item of the hint line: keys (written together) and a word.
public struct HintItem: Sendable, Equatable {
    public var keys: [Key]
    public var word: String

    init(_ keys: Key..., word: String) {
        self.keys = keys
        self.word = word
    }
}

extension KeyMap {
    /// The hint line's items for each focused part, most useful first.
    static let hintItems: [Focus: [HintItem]] = [
        .prompt: [
            HintItem(.ctrl("s"), word: "submit"), HintItem(.tab, word: "next"), HintItem(.ctrl("p"), word: "history"),
            HintItem(.ctrl("_"), word: "undo"), HintItem(.function(1), word: "help"),
            HintItem(.ctrl("c"), word: "quit"),
        ],
        .firstFrame: imageFieldHints,
        .lastFrame: imageFieldHints,
        .references: imageFieldHints,
        .options: [
            HintItem(.left, .right, word: "choose"), HintItem(.character(" "), word: "change"),
            HintItem(.ctrl("s"), word: "submit"), HintItem(.tab, word: "next"), HintItem(.character("?"), word: "help"),
        ],
        .jobs: [
            HintItem(.enter, word: "details"), HintItem(.character("/"), word: "filter"),
            HintItem(.character("f"), word: "status"), HintItem(.character("s"), word: "sort"),
            HintItem(.character("p"), word: "pause"), HintItem(.character("d"), word: "download"),
            HintItem(.character("?"), word: "help"), HintItem(.character("q"), word: "quit"),
        ],
    ]

    private static let imageFieldHints = [
        HintItem(.ctrl("s"), word: "submit"), HintItem(.tab, word: "complete"), HintItem(.enter, word: "next"),
        HintItem(.function(1), word: "help"), HintItem(.ctrl("c"), word: "quit"),
    ]

    /// The scopes a focused part's keys are looked up in.
    static func scopes(for focus: Focus) -> [KeyScope] {
        [.always, .everywhere, KeyScope.focused(focus)]
    }

    /// The hint line for `focus`: `Ctrl-S submit · Tab next · …`. An item whose keys the map
    /// does not bind there is left out (a test keeps every item bound).
    public static func hintLine(for focus: Focus) -> String {
        hintLines[focus] ?? ""
    }

    /// Every focus's hint line, made once: the key map does not change while the program runs, and
    /// resolving each item's keys on every frame cost a sixth of drawing one.
    private static let hintLines: [Focus: String] = Dictionary(
        uniqueKeysWithValues: Focus.allCases.map { ($0, makeHintLine(for: $0)) })

    private static func makeHintLine(for focus: Focus) -> String {
        let scopes = scopes(for: focus)
        return (hintItems[focus] ?? [])
            .filter { item in item.keys.allSatisfy { resolve($0, in: scopes) != nil } }
            .map { item in item.keys.map(\.name).joined() + " " + item.word }
            .joined(separator: " · ")
    }
}
