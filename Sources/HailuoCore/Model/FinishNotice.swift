/// How a finished job is announced in the terminal UI (`on_finish` under `[notify]` in the config file).
public enum FinishNotice: String, Sendable, CaseIterable {
    /// The terminal bell.
    case bell
    /// An OSC 9 desktop notification (iTerm2, WezTerm, Windows Terminal…).
    case osc9
    /// An OSC 777 desktop notification (rxvt-unicode, foot, VTE terminals).
    case osc777
    /// No notice.
    case none
}
