import CNCursesW
import Synchronization
import TUIKit

#if canImport(Glibc)
    import Glibc
#endif

/// Whether a ``CursesTerminal`` is open: ncurses has one screen per process here.
private let terminalOpen = Atomic<Bool>(false)

/// The ncursesw terminal: draws ``Canvas`` frames by writing only the changed cells, and reads keys,
/// pastes and resizes as ``InputEvent``s.
///
/// ncurses is not thread-safe and `wget_wch` may refresh the screen, so an instance belongs to ONE
/// thread: create it, draw, read, wait, suspend and restore on that thread only (the type is
/// deliberately not `Sendable`). Other threads talk to that thread through an ``Inbox``.
///
/// The expected loop: `readEvents()` and `inbox.drain()`, update the model, `draw(view)`, then
/// `waitForInput(until: nextTimer, wakeFD: inbox.fileDescriptor)`; on `.hangup` leave at once.
/// Check ``TerminationSignals/terminationRequested`` after every wake-up.
public final class CursesTerminal {
    /// Whether the locale's codeset is UTF-8. When false the app should draw ASCII glyphs; text the
    /// C library cannot print is shown as `?`.
    public let isUTF8: Bool
    /// Whether colours are in use (the terminal has them and the options allow them). When false,
    /// bold, underline and reverse still work, and a background colour is shown as reverse video.
    public let supportsColor: Bool
    /// How many colours the terminal has (0 when monochrome).
    public let colorCount: Int

    let options: TerminalOptions
    let screen: OpaquePointer
    let keyCodes: [Int32: KeyCodeMeaning]
    /// Woken by SIGWINCH, SIGCONT and an outside SIGTSTP.
    let signalPipe = WakePipe()
    var decoder: KeyDecoder
    var colorPairs: ColorPairs
    var previous: Canvas?
    var needsClear = true
    var cursorVisibility: Int32 = -1
    var ignoredWakeFD: Int32 = -1
    var isOpen = true

    /// Opens the terminal on standard input and output: locale, curses in raw mode, keypad, 25 ms
    /// ESC delay, colours, bracketed paste, and the signal handlers for resize, stop/continue and
    /// crashes. Throws when standard input or output is not a terminal or TERM is unknown.
    public init(options: TerminalOptions = TerminalOptions()) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "standard output") }
        guard terminalOpen.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { throw .alreadyOpen }
        self.options = options

        setlocale(LC_ALL, "")
        isUTF8 = Self.localeIsUTF8()
        var shellModes = termios()
        let haveShellModes = tcgetattr(STDIN_FILENO, &shellModes) == 0

        guard hailuo_prepare_terminal_signals() == 0 else {
            let code = hailuo_errno()
            terminalOpen.store(false, ordering: .releasing)
            throw .systemCall(name: "sigaction", errno: code)
        }
        guard let screen = newterm(nil, hailuo_stdout(), hailuo_stdin()) else {
            hailuo_restore_terminal_signals()
            terminalOpen.store(false, ordering: .releasing)
            throw .unknownTerminalType(Self.environment("TERM"))
        }
        self.screen = screen
        _ = set_term(screen)
        hailuo_set_curses_active(1)

        let window = hailuo_stdscr()
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = nodelay(window, true)
        // No look at the keyboard in the middle of each `doupdate` (two polls a frame): the loop
        // reads every key before it draws, and a frame is one write.
        _ = typeahead(-1)
        _ = set_escdelay(Int32(clamping: options.escapeDelayMilliseconds))

        if options.colors && has_colors() {
            _ = start_color()
            let defaultColors = use_default_colors() == hailuo_ok()
            colorCount = Int(hailuo_colors())
            supportsColor = colorCount >= 8
            colorPairs = ColorPairs(
                colors: colorCount, pairLimit: Int(hailuo_color_pairs()), defaultColors: defaultColors)
        } else {
            colorCount = 0
            supportsColor = false
            colorPairs = ColorPairs(colors: 0, pairLimit: 0, defaultColors: false)
        }

        keyCodes = KeyBindings.install()
        decoder = KeyDecoder(keyCodes: keyCodes)

        _ = hailuo_install_terminal_signals(signalPipe.writeFD)
        if haveShellModes { armEmergencyRestore(shellModes: shellModes) }

        // ncurses flushes its output after every cursor move until the screen has once come back
        // from `endwin` (its "initial" state is taken for a terminfo program's), so a frame left
        // as one write per move: 80 writes for the first screen, 6 for a tick. One round trip
        // through `endwin` now, before anything is drawn, makes every later frame one write.
        _ = def_prog_mode()
        _ = endwin()
        _ = wrefresh(window)  // back in, and into the alternate screen, so what follows lands on it
        if options.bracketedPaste { writeRaw(TerminalSequences.enableBracketedPaste) }
    }

    deinit { restore() }

    /// The screen size in cells (ncurses' idea of it, updated on KEY_RESIZE).
    public var size: Size { Size(width: Int(hailuo_cols()), height: Int(hailuo_lines())) }

    /// Leaves curses: bracketed paste off, `endwin`, signal dispositions and crash handlers put
    /// back. Idempotent; also runs from `deinit`, and an `atexit` handler covers exits that skip it.
    public func restore() {
        guard isOpen else { return }
        if options.bracketedPaste { writeRaw(TerminalSequences.disableBracketedPaste) }
        isOpen = false
        _ = endwin()
        hailuo_set_curses_active(0)
        hailuo_emergency_disarm()
        hailuo_uninstall_crash_handlers()
        hailuo_restore_terminal_signals()
        delscreen(screen)
        terminalOpen.store(false, ordering: .releasing)
    }

    /// Forces a full repaint (cleared screen, every cell written) at the next ``draw(_:)``.
    public func invalidate() {
        previous = nil
        needsClear = true
    }

    /// Rings the terminal bell (or flashes, when the terminal has no bell).
    public func bell() {
        guard isOpen else { return }
        _ = beep()
    }

    /// Writes an escape sequence (OSC 52 clipboard, OSC 9/777 notification) straight to the
    /// terminal, after flushing curses' pending output so it lands between frames. Such sequences
    /// do not move the cursor or change cells, so no repaint is needed.
    public func writeRaw(_ sequence: String) {
        guard isOpen else { return }
        _ = doupdate()
        _ = fflush(hailuo_stdout())
        var bytes = Array(sequence.utf8)
        var offset = 0
        var attempts = 0
        while offset < bytes.count && attempts < 1000 {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written > 0 {
                offset += written
            } else if written < 0 && (errno == EINTR || errno == EAGAIN) {
                attempts += 1
            } else {
                return  // the terminal is gone
            }
        }
    }

    /// Arms the async-signal-safe restore used by crash handlers and a stuck loop's third SIGTERM:
    /// paste off, attributes reset, cursor shown, keypad off, alternate screen left, shell modes back.
    private func armEmergencyRestore(shellModes: termios) {
        var sequence = Array(TerminalSequences.disableBracketedPaste.utf8)
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = hailuo_tigetstr(capability) {
                sequence += Array(String(cString: value).utf8)
            }
        }
        var modes = shellModes
        sequence.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                hailuo_emergency_arm(STDOUT_FILENO, &modes, chars.baseAddress, Int32(chars.count))
            }
        }
        if options.restoreOnCrash { hailuo_install_crash_handlers() }
    }

    private static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    private static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
