import CNCursesW
import Synchronization

/// SIGHUP, SIGTERM and SIGINT (sent by `kill`; in raw mode Ctrl-C is a key) as a flag the UI loop
/// reads after each wake-up: the C handler only records the signal and writes one byte to the
/// wake pipe (async-signal-safe), so the loop saves and exits within a second, with no CPU spin.
///
/// A third termination signal means the loop is stuck: the terminal is restored and the signal's
/// default action ends the process (a hang-up often brings two: the kernel's and the shell's).
/// The handlers are process-wide: install one instance at a time.
public final class TerminationSignals: Sendable {
    private let wakePipe = Mutex<WakePipe?>(nil)

    public init() {}

    deinit { uninstall() }

    /// Installs the handlers; each signal writes `wake` (kept alive until ``uninstall()``).
    public func install(wake: WakePipe) {
        wakePipe.withLock { $0 = wake }
        _ = hailuo_install_termination_signals(wake.writeFD)
    }

    /// Puts back the previous dispositions. Called by `deinit` too.
    public func uninstall() {
        let installed = wakePipe.withLock { pipe in
            defer { pipe = nil }
            return pipe != nil
        }
        if installed { hailuo_uninstall_termination_signals() }
    }

    /// Whether SIGHUP, SIGTERM or SIGINT has arrived.
    public var terminationRequested: Bool { hailuo_termination_signal_number() != 0 }

    /// The first termination signal that arrived, if any.
    public var signal: Int32? {
        let number = hailuo_termination_signal_number()
        return number == 0 ? nil : number
    }
}
