/// One of MiniMax's camera movement commands, written in a prompt in square brackets
/// (`[Pan left]`); several in one bracket happen together (`[Pan left, Pedestal up]`), at most
/// ``maxPerBracket`` recommended, and brackets later in the prompt happen later.
///
/// The list, its spelling and the limit are MiniMax's (its video generation API docs, "15 camera
/// movement instructions"); docs/PROVIDER.md, *Camera commands*, names the sources. The raw value
/// is the canonical spelling; matching ignores case and runs of spaces.
public enum CameraCommand: String, CaseIterable, Sendable, Hashable {
    case truckLeft = "Truck left"
    case truckRight = "Truck right"
    case panLeft = "Pan left"
    case panRight = "Pan right"
    case pushIn = "Push in"
    case pullOut = "Pull out"
    case pedestalUp = "Pedestal up"
    case pedestalDown = "Pedestal down"
    case tiltUp = "Tilt up"
    case tiltDown = "Tilt down"
    case zoomIn = "Zoom in"
    case zoomOut = "Zoom out"
    case shake = "Shake"
    case trackingShot = "Tracking shot"
    case staticShot = "Static shot"

    /// The most commands MiniMax recommends in one bracket.
    public static let maxPerBracket = 3

    /// The models whose prompts follow bracketed camera commands: Hailuo-02, 2.3 and 2.3 Fast
    /// (MiniMax documents the 15 commands for them). Not `video-01` and `video-01-live2d`
    /// (MiniMax documents the commands for the Director variants only, which this provider does
    /// not serve under these ids), nor H3 and H3 Max (their prompt guide describes camera moves
    /// in words inside `[Shot N]` sections; brackets there mark shots).
    public static let honouredBy: Set<ModelID> = [
        "minimax/hailuo-02", "minimax/hailuo-2.3", "minimax/hailuo-2.3-fast",
    ]

    /// Whether `model`'s prompts follow bracketed camera commands.
    public static func isHonoured(by model: ModelID) -> Bool { honouredBy.contains(model) }

    /// The canonical spelling: `Pan left`.
    public var name: String { rawValue }

    /// The command in brackets, as it goes in a prompt: `[Pan left]`.
    public var bracketed: String { "[\(rawValue)]" }

    /// The first word (`Pan`), shared by a command and its opposite.
    public var family: String { String(rawValue.prefix { $0 != " " }) }

    /// The command `text` names, ignoring case, surrounding spaces and runs of spaces
    /// (`pan  LEFT` is ``panLeft``); `nil` when it names none.
    public init?(matching text: String) {
        let key = Self.normalized(text)
        guard let found = Self.allCases.first(where: { $0.rawValue.lowercased() == key }) else { return nil }
        self = found
    }

    /// The commands offered while `fragment` is typed after `[` or `,`, in MiniMax's order:
    /// those whose name starts with it, then those with a later word starting with it (`le`
    /// offers `Truck left` and `Pan left`). Every command for an empty fragment.
    public static func completions(for fragment: String) -> [CameraCommand] {
        let key = normalized(fragment)
        guard !key.isEmpty else { return allCases }
        let starting = allCases.filter { $0.rawValue.lowercased().hasPrefix(key) }
        let inside = allCases.filter { command in
            !starting.contains(command)
                && command.rawValue.lowercased().split(separator: " ").dropFirst().contains { $0.hasPrefix(key) }
        }
        return starting + inside
    }

    /// Commands `text` (not a command) may have meant: a near spelling (at most a few letters
    /// off), else the commands of the family its first word names (`Pan sideways`: `Pan left`,
    /// `Pan right`), else a few common synonyms (`Dolly in`: `Push in`). Empty when nothing is close.
    public static func suggestions(for text: String) -> [CameraCommand] {
        let key = normalized(text)
        guard !key.isEmpty else { return [] }
        let distances = allCases.map { ($0, editDistance(key, $0.rawValue.lowercased())) }
        if let best = distances.map(\.1).min(), best <= max(1, min(3, key.count / 3)) {
            return distances.filter { $0.1 == best }.map(\.0)
        }
        let words = key.split(separator: " ").map(String.init)
        guard let first = words.first else { return [] }
        if let synonym = synonyms[key] ?? synonyms[first] { return synonym }
        let family = allCases.filter { $0.family.lowercased() == first }
        if !family.isEmpty {
            // A direction that matches narrows the family: `Pan leftwards` means `Pan left`.
            let direction = family.filter { command in
                let last = command.rawValue.lowercased().split(separator: " ").last ?? ""
                return words.dropFirst().contains { last.hasPrefix($0.prefix(2)) }
            }
            return direction.count == 1 ? direction : family
        }
        return []
    }

    /// Words people use for a move MiniMax names otherwise.
    private static let synonyms: [String: [CameraCommand]] = [
        "dolly in": [.pushIn], "dolly out": [.pullOut], "dolly": [.pushIn, .pullOut],
        "crane up": [.pedestalUp], "crane down": [.pedestalDown], "crane": [.pedestalUp, .pedestalDown],
        "boom up": [.pedestalUp], "boom down": [.pedestalDown], "boom": [.pedestalUp, .pedestalDown],
        "pan up": [.tiltUp], "pan down": [.tiltDown], "push out": [.pullOut], "pull in": [.pushIn],
        "follow": [.trackingShot], "track": [.trackingShot], "fixed": [.staticShot], "locked": [.staticShot],
        "handheld": [.shake],
    ]

    /// Lowercased, trimmed, with runs of spaces made one.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Levenshtein distance between `a` and `b`, by `Character`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
