import Foundation
import Synchronization

/// One status line on a terminal's stderr, rewritten in place, with ordinary lines printed
/// above it. On a pipe or a file it prints only the ordinary lines.
final class LiveLine: Sendable {
    private let enabled: Bool
    private let current = Mutex("")

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Replaces the status line with `text` (cut to the terminal width); empty text clears it.
    func show(_ text: String) {
        guard enabled else { return }
        current.withLock { current in
            guard text != current else { return }
            current = text
            Self.write("\r\u{1B}[K" + Self.fitted(text))
        }
    }

    /// Prints `line` as a permanent line, keeping the status line below it.
    func print(_ line: String) {
        current.withLock { current in
            guard enabled else {
                Self.write(line + "\n")
                return
            }
            Self.write("\r\u{1B}[K" + line + "\n" + Self.fitted(current))
        }
    }

    /// Removes the status line so that other output can follow.
    func clear() {
        guard enabled else { return }
        current.withLock { current in
            guard !current.isEmpty else { return }
            current = ""
            Self.write("\r\u{1B}[K")
        }
    }

    private static func fitted(_ text: String) -> String {
        let width = terminalWidth()
        return text.count < width ? text : String(text.prefix(max(0, width - 2))) + "…"
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
