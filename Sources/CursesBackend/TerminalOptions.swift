/// How ``CursesTerminal`` sets the terminal up.
public struct TerminalOptions: Sendable, Equatable {
    /// Milliseconds ncurses waits after ESC for the rest of a key sequence (its default, 1 s, makes
    /// the Escape key feel dead).
    public var escapeDelayMilliseconds: Int
    /// Turn bracketed paste on, so a paste arrives as one ``InputEvent/paste(_:)``.
    public var bracketedPaste: Bool
    /// Use colours when the terminal has them; `false` forces the monochrome look (e.g. `NO_COLOR`).
    public var colors: Bool
    /// Restore the terminal from the crash signals (SIGSEGV, SIGILL of a Swift trap, SIGABRT, ...)
    /// before the previous handler (the Swift backtracer, or the default action) runs.
    public var restoreOnCrash: Bool

    public init(
        escapeDelayMilliseconds: Int = 25, bracketedPaste: Bool = true, colors: Bool = true,
        restoreOnCrash: Bool = true
    ) {
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.bracketedPaste = bracketedPaste
        self.colors = colors
        self.restoreOnCrash = restoreOnCrash
    }
}

/// Why the terminal could not be opened. The description is a sentence for the user.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, no tty under ssh without -t).
    case notATerminal(stream: String)
    /// ncurses does not know the terminal type (`TERM` unset or missing from terminfo).
    case unknownTerminalType(String?)
    /// Another ``CursesTerminal`` is open in this process.
    case alreadyOpen
    /// A system call needed to set the terminal up failed.
    case systemCall(name: String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            "\(stream) is not a terminal: run hailuo in a terminal (with ssh, use -t), or use a subcommand"
        case .unknownTerminalType(let term?):
            "the terminal type TERM=\(term) is not known to terminfo: try TERM=xterm-256color"
        case .unknownTerminalType(nil):
            "TERM is not set: set it to your terminal type, e.g. TERM=xterm-256color"
        case .alreadyOpen:
            "the terminal is already open in this process"
        case .systemCall(let name, let errno):
            "\(name) failed (errno \(errno)) while setting up the terminal"
        }
    }
}
