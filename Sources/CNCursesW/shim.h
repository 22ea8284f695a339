// The one C header hailuo includes from ncursesw. SwiftPM drops the -D flags of ncursesw.pc,
// so the wide-character API is switched on here, and the macros and mutable globals Swift
// cannot import are exposed as small inline functions.
//
// Signal handlers live here too, because they must be async-signal-safe C. Their state is kept
// in `__attribute__((weak))` globals: Swift emits the functions of this header into every object
// file that uses them (one per Swift file in debug builds), so `static` state would exist once per
// file; weak globals are merged by the linker into one copy per process. Every one of them needs an
// initializer: without one Swift emits only an undefined weak reference, whose address is 0.
#ifndef HAILUO_CNCURSESW_SHIM_H
#define HAILUO_CNCURSESW_SHIM_H

// No _XOPEN_SOURCE here: it changes glibc's struct definitions (fd_set's field names), and a
// file importing both Foundation and this module then fails to build. NCURSES_WIDECHAR turns the
// wide API on without it; wcwidth, hidden by glibc without _XOPEN_SOURCE, is declared below.
#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

int wcwidth(wchar_t c);

// MARK: - Mutable globals (Swift 6 rejects them) and standard streams

static inline WINDOW *hailuo_stdscr(void) { return stdscr; }
static inline int hailuo_lines(void) { return LINES; }
static inline int hailuo_cols(void) { return COLS; }
static inline int hailuo_colors(void) { return COLORS; }
static inline int hailuo_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *hailuo_stdin(void) { return stdin; }
static inline FILE *hailuo_stdout(void) { return stdout; }
static inline int hailuo_errno(void) { return errno; }

// MARK: - Macros (never hard-code their bits)

static inline attr_t hailuo_a_normal(void) { return A_NORMAL; }
static inline attr_t hailuo_a_bold(void) { return A_BOLD; }
static inline attr_t hailuo_a_dim(void) { return A_DIM; }
static inline attr_t hailuo_a_underline(void) { return A_UNDERLINE; }
static inline attr_t hailuo_a_reverse(void) { return A_REVERSE; }
static inline attr_t hailuo_a_italic(void) { return A_ITALIC; }
static inline int hailuo_color_pair(int pair) { return (int)COLOR_PAIR(pair); }

static inline int hailuo_ok(void) { return OK; }
static inline int hailuo_err(void) { return ERR; }
static inline int hailuo_key_code_yes(void) { return KEY_CODE_YES; }
static inline int hailuo_key_resize(void) { return KEY_RESIZE; }
static inline int hailuo_key_f(int n) { return KEY_F(n); }
static inline int hailuo_key_up(void) { return KEY_UP; }
static inline int hailuo_key_down(void) { return KEY_DOWN; }
static inline int hailuo_key_left(void) { return KEY_LEFT; }
static inline int hailuo_key_right(void) { return KEY_RIGHT; }
static inline int hailuo_key_home(void) { return KEY_HOME; }
static inline int hailuo_key_end(void) { return KEY_END; }
static inline int hailuo_key_ppage(void) { return KEY_PPAGE; }
static inline int hailuo_key_npage(void) { return KEY_NPAGE; }
static inline int hailuo_key_dc(void) { return KEY_DC; }
static inline int hailuo_key_ic(void) { return KEY_IC; }
static inline int hailuo_key_btab(void) { return KEY_BTAB; }
static inline int hailuo_key_backspace(void) { return KEY_BACKSPACE; }
static inline int hailuo_key_enter(void) { return KEY_ENTER; }
static inline int hailuo_key_sr(void) { return KEY_SR; }
static inline int hailuo_key_sf(void) { return KEY_SF; }
static inline int hailuo_key_sleft(void) { return KEY_SLEFT; }
static inline int hailuo_key_sright(void) { return KEY_SRIGHT; }
static inline int hailuo_key_shome(void) { return KEY_SHOME; }
static inline int hailuo_key_send(void) { return KEY_SEND; }
static inline int hailuo_key_sdc(void) { return KEY_SDC; }
static inline int hailuo_key_a1(void) { return KEY_A1; }
static inline int hailuo_key_a3(void) { return KEY_A3; }
static inline int hailuo_key_c1(void) { return KEY_C1; }
static inline int hailuo_key_c3(void) { return KEY_C3; }
static inline int hailuo_key_beg(void) { return KEY_BEG; }
static inline int hailuo_key_mouse(void) { return KEY_MOUSE; }
static inline int hailuo_ccharw_max(void) { return CCHARW_MAX; }

/// A terminfo string capability, or NULL when the terminal lacks it (hides the (char *)-1 case).
static inline const char *hailuo_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == (char *)-1) ? NULL : value;
}

/// One cell for `wadd_wchnstr`: `count` wide characters (the first spacing, the rest combining),
/// attributes and an extended colour pair. Returns OK or ERR.
static inline int hailuo_setcchar(cchar_t *cell, const wchar_t *chars, attr_t attrs, int pair) {
    return setcchar(cell, chars, attrs, 0, &pair);
}

// MARK: - Signal state (one copy per process, see the top of the file)

__attribute__((weak)) volatile int hailuo_terminal_wake_fd = -1;
__attribute__((weak)) volatile int hailuo_termination_wake_fd = -1;
__attribute__((weak)) volatile sig_atomic_t hailuo_stop_requested = 0;
__attribute__((weak)) volatile sig_atomic_t hailuo_continued = 0;
__attribute__((weak)) volatile sig_atomic_t hailuo_termination_signal = 0;
__attribute__((weak)) volatile sig_atomic_t hailuo_termination_count = 0;
__attribute__((weak)) volatile sig_atomic_t hailuo_termination_owned_mask = 0;
__attribute__((weak)) struct sigaction hailuo_chained_winch = {0};
__attribute__((weak)) struct sigaction hailuo_chained_cont = {0};
// Dispositions saved by each installer, indexed by signal number, so each can put back its own.
__attribute__((weak)) struct sigaction hailuo_saved_by_terminal[65] = {{0}};
__attribute__((weak)) struct sigaction hailuo_saved_by_termination[65] = {{0}};
__attribute__((weak)) struct sigaction hailuo_saved_by_crash[65] = {{0}};

// What the emergency restore writes (bracketed paste off, attributes, cursor, keypad, alternate
// screen) and the termios of the shell, captured before curses started.
__attribute__((weak)) volatile sig_atomic_t hailuo_emergency_armed = 0;
__attribute__((weak)) int hailuo_emergency_fd = -1;
__attribute__((weak)) char hailuo_emergency_bytes[512] = {0};
__attribute__((weak)) int hailuo_emergency_length = 0;
__attribute__((weak)) struct termios hailuo_emergency_termios = {0};

/// Writes one byte to `fd` (async-signal-safe, keeps errno).
static inline void hailuo_signal_wake(int fd) {
    if (fd < 0) return;
    int saved = errno;
    char byte = 1;
    ssize_t ignored = write(fd, &byte, 1);
    (void)ignored;
    errno = saved;
}

/// Puts the terminal back the way the shell had it, from a signal handler or a crash: only
/// write(2) and tcsetattr(3), both async-signal-safe. Runs at most once per arming.
static inline void hailuo_emergency_restore(void) {
    if (!hailuo_emergency_armed) return;
    hailuo_emergency_armed = 0;
    int saved = errno;
    if (hailuo_emergency_fd >= 0) {
        ssize_t ignored = write(hailuo_emergency_fd, hailuo_emergency_bytes, (size_t)hailuo_emergency_length);
        (void)ignored;
        tcsetattr(hailuo_emergency_fd, TCSANOW, &hailuo_emergency_termios);
    }
    errno = saved;
}

/// Arms the emergency restore: `fd` is the terminal, `shell` its modes before curses, `bytes` the
/// reset sequence (truncated to the buffer).
static inline void hailuo_emergency_arm(int fd, const struct termios *shell, const char *bytes, int length) {
    hailuo_emergency_armed = 0;
    if (length > (int)sizeof(hailuo_emergency_bytes)) length = (int)sizeof(hailuo_emergency_bytes);
    if (length < 0) length = 0;
    memcpy(hailuo_emergency_bytes, bytes, (size_t)length);
    hailuo_emergency_length = length;
    hailuo_emergency_termios = *shell;
    hailuo_emergency_fd = fd;
    hailuo_emergency_armed = 1;
}

static inline void hailuo_emergency_disarm(void) { hailuo_emergency_armed = 0; }

/// Calls a saved handler the way it was installed.
static inline void hailuo_call_chained(
    const struct sigaction *action, int signal_number, siginfo_t *info, void *context) {
    if (action->sa_flags & SA_SIGINFO) {
        if (action->sa_sigaction != NULL) action->sa_sigaction(signal_number, info, context);
    } else if (action->sa_handler != SIG_DFL && action->sa_handler != SIG_IGN && action->sa_handler != NULL) {
        action->sa_handler(signal_number);
    }
}

/// SIGWINCH: ncurses' own handler first (it records the resize for KEY_RESIZE), then wake the loop.
static inline void hailuo_on_winch(int signal_number, siginfo_t *info, void *context) {
    hailuo_call_chained(&hailuo_chained_winch, signal_number, info, context);
    hailuo_signal_wake(hailuo_terminal_wake_fd);
}

/// SIGCONT: the process was stopped and resumed; the UI thread repaints.
static inline void hailuo_on_cont(int signal_number, siginfo_t *info, void *context) {
    hailuo_call_chained(&hailuo_chained_cont, signal_number, info, context);
    hailuo_continued = 1;
    hailuo_signal_wake(hailuo_terminal_wake_fd);
}

/// SIGTSTP from outside (`kill -TSTP`): the UI thread suspends, so curses runs on one thread.
static inline void hailuo_on_tstp(int signal_number) {
    (void)signal_number;
    hailuo_stop_requested = 1;
    hailuo_signal_wake(hailuo_terminal_wake_fd);
}

/// SIGHUP, SIGTERM, SIGINT: record and wake the loop. A third one means the loop is stuck: the
/// terminal is restored and the signal's default action runs.
static inline void hailuo_on_termination(int signal_number) {
    hailuo_termination_count += 1;
    if (hailuo_termination_signal == 0) hailuo_termination_signal = signal_number;
    if (hailuo_termination_count >= 3) {
        hailuo_emergency_restore();
        signal(signal_number, SIG_DFL);
        raise(signal_number);
        return;
    }
    hailuo_signal_wake(hailuo_termination_wake_fd);
}

/// Crashes (SIGSEGV, SIGILL from a Swift trap, SIGABRT, ...): restore the terminal, put back the
/// previous handler (the Swift backtracer, or the default) and let it run.
static inline void hailuo_on_crash(int signal_number, siginfo_t *info, void *context) {
    (void)context;
    hailuo_emergency_restore();
    if (signal_number > 0 && signal_number < 65) sigaction(signal_number, &hailuo_saved_by_crash[signal_number], NULL);
    // A signal sent by kill/raise is not raised again by returning; a fault re-executes.
    if (info == NULL || info->si_code <= 0) raise(signal_number);
}

static inline int hailuo_saved_index_ok(int signal_number) { return signal_number > 0 && signal_number < 65; }

/// Saves the current disposition of `signal_number` into `table` (one of the hailuo_saved_by_*).
static inline int hailuo_save_action(struct sigaction *table, int signal_number) {
    if (!hailuo_saved_index_ok(signal_number)) return -1;
    return sigaction(signal_number, NULL, &table[signal_number]);
}

/// Puts back the disposition saved in `table`.
static inline int hailuo_restore_saved(const struct sigaction *table, int signal_number) {
    if (!hailuo_saved_index_ok(signal_number)) return -1;
    return sigaction(signal_number, &table[signal_number], NULL);
}

static inline int hailuo_install_plain_handler(int signal_number, void (*handler)(int));

/// Before curses starts: saves what the terminal will change (SIGINT, SIGTERM, SIGTSTP, SIGCONT
/// and SIGWINCH), then sets SIGWINCH to SIG_DFL so ncurses installs its own resize handler.
///
/// SIGTSTP gets hailuo's handler now, before `newterm`: ncurses then leaves SIGTSTP alone for
/// good. Finding it at SIG_DFL, it would take it and swap it with SIG_IGN and back around every
/// `doupdate` (two system calls a frame, every tick of an idle screen).
static inline int hailuo_prepare_terminal_signals(void) {
    const int signals[5] = {SIGINT, SIGTERM, SIGTSTP, SIGCONT, SIGWINCH};
    for (int index = 0; index < 5; index++) {
        if (hailuo_save_action(hailuo_saved_by_terminal, signals[index]) != 0) return -1;
    }
    hailuo_stop_requested = 0;
    if (hailuo_install_plain_handler(SIGTSTP, hailuo_on_tstp) != 0) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGWINCH, &action, NULL);
}

static inline int hailuo_install_info_handler(int signal_number, void (*handler)(int, siginfo_t *, void *), int flags) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = handler;
    action.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&action.sa_mask);
    return sigaction(signal_number, &action, NULL);
}

static inline int hailuo_install_plain_handler(int signal_number, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    return sigaction(signal_number, &action, NULL);
}

/// After initscr/newterm: wraps ncurses' SIGWINCH handler (and any SIGCONT handler) so the loop
/// wakes, and takes SIGTSTP so an outside stop is handled on the UI thread. `wake_fd` is the
/// write end of the terminal's nonblocking wake pipe.
static inline int hailuo_install_terminal_signals(int wake_fd) {
    hailuo_terminal_wake_fd = wake_fd;
    hailuo_stop_requested = 0;
    hailuo_continued = 0;
    if (sigaction(SIGWINCH, NULL, &hailuo_chained_winch) != 0) return -1;
    if (sigaction(SIGCONT, NULL, &hailuo_chained_cont) != 0) return -1;
    if (hailuo_install_info_handler(SIGWINCH, hailuo_on_winch, SA_RESTART) != 0) return -1;
    if (hailuo_install_info_handler(SIGCONT, hailuo_on_cont, SA_RESTART) != 0) return -1;
    if (hailuo_install_plain_handler(SIGTSTP, hailuo_on_tstp) != 0) return -1;
    return 0;
}

/// After endwin: puts back the dispositions saved by `hailuo_prepare_terminal_signals`, except the
/// ones the termination handlers own (those learn the pre-curses disposition for their own
/// uninstall instead), and stops waking the terminal's pipe.
static inline void hailuo_restore_terminal_signals(void) {
    const int signals[5] = {SIGINT, SIGTERM, SIGTSTP, SIGCONT, SIGWINCH};
    hailuo_terminal_wake_fd = -1;
    for (int index = 0; index < 5; index++) {
        int number = signals[index];
        if (hailuo_termination_owned_mask & (1 << number)) {
            hailuo_saved_by_termination[number] = hailuo_saved_by_terminal[number];
        } else {
            hailuo_restore_saved(hailuo_saved_by_terminal, number);
        }
    }
}

/// While suspending: SIGTSTP back to its default action so raise(SIGTSTP) stops the process.
static inline int hailuo_default_stop_action(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    return sigaction(SIGTSTP, &action, NULL);
}

/// After resuming: SIGTSTP handled on the UI thread again.
static inline int hailuo_handle_stop_action(void) { return hailuo_install_plain_handler(SIGTSTP, hailuo_on_tstp); }

/// Reads and clears the "SIGTSTP arrived" flag.
static inline int hailuo_take_stop_request(void) {
    int value = hailuo_stop_requested;
    hailuo_stop_requested = 0;
    return value;
}

/// Reads and clears the "SIGCONT arrived" flag.
static inline int hailuo_take_continued(void) {
    int value = hailuo_continued;
    hailuo_continued = 0;
    return value;
}

/// Installs the termination handlers for SIGHUP, SIGTERM and SIGINT, saving what was there.
static inline int hailuo_install_termination_signals(int wake_fd) {
    const int signals[3] = {SIGHUP, SIGTERM, SIGINT};
    hailuo_termination_wake_fd = wake_fd;
    hailuo_termination_signal = 0;
    hailuo_termination_count = 0;
    for (int index = 0; index < 3; index++) {
        if (hailuo_termination_owned_mask & (1 << signals[index])) continue;  // already ours
        if (hailuo_save_action(hailuo_saved_by_termination, signals[index]) != 0) return -1;
        if (hailuo_install_plain_handler(signals[index], hailuo_on_termination) != 0) return -1;
        hailuo_termination_owned_mask |= (1 << signals[index]);
    }
    return 0;
}

/// Puts back what was there before `hailuo_install_termination_signals`.
static inline void hailuo_uninstall_termination_signals(void) {
    const int signals[3] = {SIGHUP, SIGTERM, SIGINT};
    for (int index = 0; index < 3; index++) {
        if (hailuo_termination_owned_mask & (1 << signals[index])) {
            hailuo_restore_saved(hailuo_saved_by_termination, signals[index]);
        }
        hailuo_termination_owned_mask &= ~(1 << signals[index]);
    }
    hailuo_termination_wake_fd = -1;
}

/// Whether the termination handlers own `signal_number` (the terminal then leaves it alone).
static inline int hailuo_termination_owns(int signal_number) {
    return (hailuo_termination_owned_mask & (1 << signal_number)) != 0;
}

static inline int hailuo_termination_signal_number(void) { return hailuo_termination_signal; }

__attribute__((weak)) volatile sig_atomic_t hailuo_crash_handlers_installed = 0;

/// Installs the crash handlers (each signal's previous handler is saved and chained).
static inline void hailuo_install_crash_handlers(void) {
    const int signals[6] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
    if (hailuo_crash_handlers_installed) return;
    hailuo_crash_handlers_installed = 1;
    for (int index = 0; index < 6; index++) {
        if (hailuo_save_action(hailuo_saved_by_crash, signals[index]) == 0) {
            hailuo_install_info_handler(signals[index], hailuo_on_crash, SA_ONSTACK);
        }
    }
}

/// Puts back the handlers saved by `hailuo_install_crash_handlers`.
static inline void hailuo_uninstall_crash_handlers(void) {
    const int signals[6] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
    if (!hailuo_crash_handlers_installed) return;
    hailuo_crash_handlers_installed = 0;
    for (int index = 0; index < 6; index++) hailuo_restore_saved(hailuo_saved_by_crash, signals[index]);
}

// MARK: - atexit

__attribute__((weak)) volatile sig_atomic_t hailuo_curses_active = 0;
__attribute__((weak)) volatile sig_atomic_t hailuo_atexit_registered = 0;

/// At exit: if curses is still on (a path that skipped `restore()`), turn paste off and endwin.
static inline void hailuo_restore_at_exit(void) {
    if (!hailuo_curses_active) return;
    hailuo_curses_active = 0;
    static const char disable_paste[] = "\033[?2004l";
    ssize_t ignored = write(STDOUT_FILENO, disable_paste, sizeof disable_paste - 1);
    (void)ignored;
    endwin();
    hailuo_emergency_disarm();
}

static inline void hailuo_set_curses_active(int active) {
    hailuo_curses_active = active;
    if (active && !hailuo_atexit_registered) {
        hailuo_atexit_registered = 1;
        atexit(hailuo_restore_at_exit);
    }
}

#endif
