import Foundation
import HailuoCore

/// Writes to stdout and stderr. Text from outside (prompts, server messages) must already be
/// made inert by the caller; these functions only format.
enum Console {
    /// A line on stdout.
    static func out(_ line: String) {
        print(line)
    }

    /// One `hailuo: ...` sentence on stderr.
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("hailuo: \(message)\n".utf8))
    }

    /// Several lines on stderr, as given (ArgumentParser's usage text).
    static func errorBlock(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// A message from the engine (an error's description, a job's stored error, a connection note)
    /// ready for the terminal. The engine makes the outside text in such messages inert where it
    /// puts it in, so a message is shown as it is; one that still holds a control or invisible
    /// formatting character (outside text that reached it some other way) is made inert on one
    /// line. Rendering it again regardless would show every escape twice (`\\e` for `\e`).
    static func message(_ text: String) -> String {
        InertText.display(text)
    }

    /// A progress line on stderr (kept off stdout so scripts can read results).
    static func progress(_ line: String) {
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }
}
