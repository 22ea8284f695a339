import HailuoCore
import TUIKit

/// Which keys an entry of a binding matches.
public enum KeyPattern: Sendable, Hashable {
    case key(Key)
    /// Any printable character (typing into a text field).
    case anyCharacter
    /// Any key not matched otherwise (every key edits the `/` filter).
    case anyKey

    /// Whether `key` matches.
    func matches(_ key: Key) -> Bool {
        switch self {
        case .key(let own): own == key
        case .anyCharacter:
            if case .character = key { true } else { false }
        case .anyKey: true
        }
    }
}

/// Why an action on a job cannot happen now, in words.
public struct Refusal: Sendable, Equatable {
    public var text: String
    /// Shown as an error (else as a note).
    public var isError: Bool

    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Keys and a few words in the details pane's key lines: `d download`, `c u copy id, URL`.
public struct DetailsHint: Sendable, Equatable {
    public var keys: String
    public var words: String

    public init(_ keys: String, _ words: String) {
        self.keys = keys
        self.words = words
    }
}

/// One line of the help: the keys, what they do, and the action each key performs where.
/// Dispatch, the help, the hint line and the details pane's key lines all read these.
public struct KeyBinding: Sendable {
    /// One key (or pattern) of the binding and what it does.
    public struct Entry: Sendable {
        public var pattern: KeyPattern
        public var action: KeyAction
        /// Where it applies.
        public var scopes: Set<KeyScope>
        /// For actions on the selected job: why it cannot act on `job`, or `nil` when it can.
        public var unavailable: (@Sendable (Job) -> Refusal?)?
    }

    /// The help section the line is listed in.
    public var section: KeySection
    /// The keys as the help writes them (every key of ``entries`` is named here).
    public var keys: String
    /// What they do.
    public var summary: String
    public var entries: [Entry]
    /// For actions on the selected job: what the details pane lists for `job` (empty when nothing
    /// applies to it).
    public var details: (@Sendable (Job) -> [DetailsHint])?

    init(
        _ section: KeySection, _ keys: String, _ summary: String, _ entries: [Entry],
        details: (@Sendable (Job) -> [DetailsHint])? = nil
    ) {
        self.section = section
        self.keys = keys
        self.summary = summary
        self.entries = entries
        self.details = details
    }
}

extension KeyBinding.Entry {
    /// `key` does `action` in the section's scope (or in `scopes`).
    static func on(
        _ key: Key, _ action: KeyAction, in scopes: Set<KeyScope>? = nil,
        unavailable: (@Sendable (Job) -> Refusal?)? = nil
    ) -> Self {
        Self(pattern: .key(key), action: action, scopes: scopes ?? [], unavailable: unavailable)
    }

    /// Every key of `keys` does `action`.
    static func each(_ keys: [Key], _ action: KeyAction, in scopes: Set<KeyScope>? = nil) -> [Self] {
        keys.map { on($0, action, in: scopes) }
    }

    /// Keys matching `pattern` do `action`.
    static func matching(_ pattern: KeyPattern, _ action: KeyAction, in scopes: Set<KeyScope>? = nil) -> Self {
        Self(pattern: pattern, action: action, scopes: scopes ?? [], unavailable: nil)
    }
}

/// The help's sections, in order; each has a default scope for its bindings.
public enum KeySection: String, Sendable, CaseIterable {
    case everywhere = "Everywhere"
    case prompt = "Prompt editor"
    case imageField = "Image fields"
    case options = "Options"
    case table = "Jobs table"
    /// The filter, the help, questions and the compare view (each entry says which).
    case overlays = "Filter, help, questions, compare"

    /// Where its bindings apply unless an entry says otherwise.
    var scope: KeyScope {
        switch self {
        case .everywhere: .everywhere
        case .prompt: .prompt
        case .imageField: .imageField
        case .options: .options
        case .table: .table
        case .overlays: .help
        }
    }

    /// The section of the focused part.
    static func focused(_ focus: Focus) -> KeySection {
        allCases.first { $0.scope == KeyScope.focused(focus) } ?? .everywhere
    }
}
