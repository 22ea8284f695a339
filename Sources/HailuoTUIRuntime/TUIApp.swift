import CursesBackend
import Foundation
import HailuoCore
import HailuoTUI
import HailuoWorkers
import TUIKit

/// The interactive terminal UI: one thread owns ncurses and the model; the engine's work and
/// events arrive as messages through the inbox's wake pipe.
public enum TUIApp {
    /// Why the screen closed.
    public enum Exit: Sendable, Equatable {
        /// The user quit.
        case quit
        /// SIGHUP, SIGTERM, or the terminal went away.
        case terminated
    }

    /// Runs the screen until the user quits or the terminal goes away. The caller starts the engine
    /// (at the latest in `onJobsShown`) and shuts it down afterwards (unfinished jobs resume at the
    /// next start). `notes` (config warnings, for example) are shown at the bottom when the screen
    /// opens. An unsent draft is kept in `draftFile` when the screen closes and put back when it opens.
    /// `onJobsShown` runs once, on the screen's thread, right after the first frame that shows the
    /// store's jobs: the caller starts there what need not delay that frame. Presets (F7 / F8) are
    /// read and written through `presets`.
    public static func run(
        engine: any ScreenEngine, environment: AppEnvironment, notes: [String] = [], draftFile: DraftFile? = nil,
        presets: PresetStore = .inMemory(), onJobsShown: (@Sendable () -> Void)? = nil
    ) async throws -> Exit {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                ThreadName.set("hailuo-ui")
                // Started from a Swift task, this thread inherits the pool's mask, which blocks
                // most signals; the terminal's thread must receive SIGWINCH, SIGTSTP and SIGCONT.
                var none = sigset_t()
                sigemptyset(&none)
                pthread_sigmask(SIG_SETMASK, &none, nil)
                do {
                    let terminal = try CursesTerminal(options: TerminalOptions())
                    let loop = EventLoop(
                        terminal: terminal, engine: engine, environment: environment, notes: notes,
                        draftFile: draftFile, presets: presets, signals: TerminationSignals(),
                        variables: ProcessInfo.processInfo.environment, onJobsShown: onJobsShown)
                    continuation.resume(returning: loop.run())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// The glyph set for this terminal: ASCII where Unicode symbols would show as garbage.
    public static func glyphs(utf8: Bool, term: String?) -> Glyphs {
        guard utf8 else { return .ascii }
        switch term ?? "" {
        case "vt100", "vt102", "vt220", "linux", "dumb": return .ascii
        default: return .unicode
        }
    }
}
