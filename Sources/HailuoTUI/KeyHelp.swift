/// One line of key help: the keys and what they do.
public struct KeyHint: Sendable, Equatable {
    public var keys: String
    public var action: String

    public init(_ keys: String, _ action: String) {
        self.keys = keys
        self.action = action
    }
}

/// Every key the screen answers to, by part: the help overlay lists these, the hint line shows
/// the first few of the focused part. ``update(_:_:)`` implements exactly these.
public enum KeyHelp {
    public static let global: [KeyHint] = [
        KeyHint("Ctrl-S", "submit the composer"),
        KeyHint("Tab / Shift-Tab", "next / previous part (Tab completes in image fields)"),
        KeyHint("F1, ? (outside text)", "this help"),
        KeyHint("F2 F3 F4 F5", "model, duration, resolution, prompt optimizer"),
        KeyHint("Esc", "close help, details, filter, candidates; then go to the jobs table"),
        KeyHint("Ctrl-L", "redraw the screen"),
        KeyHint("Ctrl-Z", "suspend (fg to return)"),
        KeyHint("Ctrl-C, q (in the table)", "quit; jobs go on and resume at the next start"),
    ]

    public static let prompt: [KeyHint] = [
        KeyHint("Enter", "new line (Ctrl-S submits)"),
        KeyHint("← → ↑ ↓ Home End", "move (Ctrl-A / Ctrl-E: line start / end)"),
        KeyHint("Ctrl-← Ctrl-→, Alt-B Alt-F", "word left / right"),
        KeyHint("Ctrl-W, Alt-Backspace / Alt-D", "delete word before / after"),
        KeyHint("Ctrl-K / Ctrl-U", "delete to line end / start"),
        KeyHint("Ctrl-_ or Alt-U / Alt-R", "undo / redo"),
        KeyHint("Ctrl-P / Ctrl-N", "earlier / later prompt"),
    ]

    public static let imageField: [KeyHint] = [
        KeyHint("Tab", "complete the path (~ works); again to list candidates"),
        KeyHint("Enter, ↓ / ↑", "next / previous field"),
        KeyHint("Ctrl-U", "clear the field"),
    ]

    public static let options: [KeyHint] = [
        KeyHint("← →", "choose a toggle"),
        KeyHint("Space, Enter", "change it (forbidden combinations say why)"),
    ]

    public static let jobs: [KeyHint] = [
        KeyHint("↑ ↓ j k PgUp PgDn Home End", "select a job"),
        KeyHint("Enter", "open / close details"),
        KeyHint("/", "filter by text"),
        KeyHint("f", "filter by status: all, active, completed, failed, unconfirmed"),
        KeyHint("s", "sort: newest, oldest, status, model"),
        KeyHint("p", "pause / resume updates"),
        KeyHint("H", "show / hide hidden jobs"),
        KeyHint("n", "poll now (check an unconfirmed job)"),
        KeyHint("d", "download"),
        KeyHint("r", "retry: a new job with the same parameters"),
        KeyHint("e", "edit as new: load into the composer"),
        KeyHint("R / D", "resubmit / dismiss an unconfirmed job"),
        KeyHint("c u y x", "copy id, URL, file path, scp line (OSC 52)"),
        KeyHint("h", "hide / unhide the job"),
    ]

    /// The short hints for the hint line, by focus.
    public static func short(for focus: Focus) -> String {
        switch focus {
        case .prompt: "Ctrl-S submit · Tab next · Ctrl-P history · Ctrl-_ undo · F1 help · Ctrl-C quit"
        case .firstFrame, .lastFrame: "Ctrl-S submit · Tab complete · Enter next · F1 help · Ctrl-C quit"
        case .options: "←→ choose · Space change · Ctrl-S submit · Tab next · ? help"
        case .jobs: "Enter details · / filter · f status · s sort · p pause · d download · ? help · q quit"
        }
    }
}
