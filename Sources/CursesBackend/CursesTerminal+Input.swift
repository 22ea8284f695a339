import CNCursesW
import TUIKit

#if canImport(Glibc)
    import Glibc
#endif

/// Why ``CursesTerminal/waitForInput(until:wakeFD:)`` returned.
public enum WaitResult: Sendable, Equatable {
    /// Keys are waiting: call ``CursesTerminal/readEvents()``.
    case input
    /// The wake pipe, a signal (resize, continue, termination) or an interrupted wait.
    case woken
    /// The deadline passed.
    case timeout
    /// The terminal is gone (POLLHUP, POLLERR or POLLNVAL on standard input): save and exit.
    case hangup
}

extension CursesTerminal {
    /// Everything the terminal has sent since the last call, decoded: keys, ONE event per
    /// bracketed paste, resizes with the new size. Never blocks (except ncurses' 25 ms wait after
    /// a lone ESC). A stop requested from outside (`kill -TSTP`) suspends here, on the UI thread,
    /// and a resume (SIGCONT) repaints; both end with a `.resize` so the app redraws.
    public func readEvents() -> [InputEvent] {
        guard isOpen else { return [] }
        var events: [InputEvent] = []
        if hailuo_take_stop_request() != 0 {
            suspend()
            events.append(.resize(size))
        } else if hailuo_take_continued() != 0 {
            resumeAfterOutsideStop()
            events.append(.resize(size))
        }
        let window = hailuo_stdscr()
        while true {
            var character: wint_t = 0
            let status = wget_wch(window, &character)
            let input: RawInput
            if status == hailuo_key_code_yes() {
                let code = Int32(bitPattern: character)
                if code == hailuo_key_resize() {
                    needsClear = true
                    input = .resize(size)
                } else {
                    input = .keyCode(code)
                }
            } else if status == hailuo_ok() {
                input = .character(character)
            } else {
                break  // ERR: nothing more waiting
            }
            events += decoder.feed(input)
        }
        events += decoder.finish()
        return events
    }

    /// Sleeps in `poll()` on standard input, `wakeFD` (the inbox's pipe; -1 for none) and the
    /// terminal's signal pipe until one is ready or `deadline` passes (`nil`: no deadline).
    /// No busy loop: an interrupted wait (EINTR) returns `.woken`; a dead terminal `.hangup`.
    public func waitForInput(until deadline: ContinuousClock.Instant?, wakeFD: Int32) -> WaitResult {
        let inboxFD = wakeFD == ignoredWakeFD ? -1 : wakeFD
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: signalPipe.readFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: inboxFD, events: Int16(POLLIN), revents: 0),
        ]
        let status = poll(&descriptors, nfds_t(descriptors.count), Self.pollTimeout(until: deadline))
        if status < 0 {
            let code = errno
            return code == EINTR || code == EAGAIN || code == ENOMEM ? .woken : .hangup
        }
        if status == 0 { return .timeout }
        let failure = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
        if descriptors[0].revents & failure != 0 { return .hangup }
        if descriptors[2].revents & Int16(POLLNVAL) != 0 {
            ignoredWakeFD = wakeFD  // a closed descriptor would make every poll return at once
        }
        let signalled = descriptors[1].revents & Int16(POLLIN) != 0
        if signalled { signalPipe.drain() }
        if descriptors[0].revents & Int16(POLLIN) != 0 { return .input }
        return .woken
    }

    /// Milliseconds until `deadline`, rounded up so the wait never ends early; -1 for none.
    static func pollTimeout(until deadline: ContinuousClock.Instant?) -> Int32 {
        guard let deadline else { return -1 }
        let remaining = ContinuousClock.now.duration(to: deadline)
        if remaining <= .zero { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
