import CNCursesW
import TUIKit

#if canImport(Glibc)
    import Glibc
#endif

extension CursesTerminal {
    /// Ctrl-Z: bracketed paste off, leave curses, stop the process (SIGTSTP at its default
    /// action); when the shell continues it, curses' modes and paste come back and the last frame
    /// is repainted in full. Returns at once when the process cannot be stopped (an orphaned
    /// process group). The app should draw its view afterwards (the size may have changed).
    public func suspend() {
        guard isOpen else { return }
        if options.bracketedPaste { writeRaw(TerminalSequences.disableBracketedPaste) }
        _ = def_prog_mode()
        _ = endwin()
        _ = hailuo_default_stop_action()
        // raise(), not kill(getpid()): a signal to this thread is delivered before raise returns,
        // while one to the process may reach another thread after the handler is back in place,
        // and then nothing stops. The owning thread must not block SIGTSTP (see TUIApp.run).
        _ = raise(SIGTSTP)
        // ... stopped until SIGCONT ...
        _ = hailuo_handle_stop_action()
        _ = hailuo_take_continued()
        _ = hailuo_take_stop_request()
        resume()
    }

    /// After an outside SIGSTOP/SIGCONT: the shell may have changed the terminal's modes.
    func resumeAfterOutsideStop() {
        _ = hailuo_take_continued()
        resume()
    }

    private func resume() {
        _ = reset_prog_mode()
        invalidate()
        let window = hailuo_stdscr()
        _ = clearok(window, true)
        _ = wrefresh(window)  // back on the alternate screen, showing the last frame
        needsClear = false
        if options.bracketedPaste { writeRaw(TerminalSequences.enableBracketedPaste) }
    }
}
