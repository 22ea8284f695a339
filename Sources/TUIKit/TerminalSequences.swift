import Foundation

/// Escape sequences written around ncurses: clipboard (OSC 52) and desktop notifications
/// (OSC 9, OSC 777), wrapped for tmux's passthrough when running inside tmux.
public enum TerminalSequences {
    /// Wraps `sequence` in tmux's DCS passthrough (`ESC P tmux; ... ESC \`, inner ESCs doubled).
    public static func tmuxPassthrough(_ sequence: String) -> String {
        "\u{1B}Ptmux;" + sequence.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
    }

    /// OSC 52: put `text` on the clipboard of the terminal the user sits at (works over SSH).
    ///
    /// Inside tmux the sequence goes twice: as is, which tmux takes into its buffers and passes
    /// on to the outer terminal when `set-clipboard` is `on`, and wrapped for passthrough, which
    /// reaches the outer terminal when `allow-passthrough` is on. Either setting is enough.
    public static func copyToClipboard(_ text: String, insideTmux: Bool) -> String {
        let sequence = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
        return insideTmux ? sequence + tmuxPassthrough(sequence) : sequence
    }

    /// OSC 9: a desktop notification (iTerm2, WezTerm, Windows Terminal, kitty).
    public static func notifyOSC9(_ message: String, insideTmux: Bool) -> String {
        let sequence = "\u{1B}]9;" + printable(message) + "\u{07}"
        return insideTmux ? tmuxPassthrough(sequence) : sequence
    }

    /// OSC 777: a desktop notification with a title (urxvt, foot, Ghostty, VTE terminals).
    public static func notifyOSC777(title: String, body: String, insideTmux: Bool) -> String {
        let sequence =
            "\u{1B}]777;notify;" + printable(title).replacingOccurrences(of: ";", with: ",") + ";"
            + printable(body) + "\u{07}"
        return insideTmux ? tmuxPassthrough(sequence) : sequence
    }

    /// Bracketed paste on (`ESC [?2004h`).
    public static let enableBracketedPaste = "\u{1B}[?2004h"
    /// Bracketed paste off (`ESC [?2004l`).
    public static let disableBracketedPaste = "\u{1B}[?2004l"

    /// `text` with every control character removed, so it cannot end or alter the sequence.
    private static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { $0.value >= 0x20 && !(0x7F..<0xA0).contains($0.value) }))
    }
}
