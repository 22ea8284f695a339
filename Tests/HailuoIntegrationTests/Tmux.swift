import Foundation

/// A program running in the only pane of its own private tmux server, driven the way a person would
/// drive it: keys in, screen text out. For end-to-end tests of the TUI.
///
/// Each session has its own server (`tmux -L <unique socket> -f /dev/null`), so tests never see the
/// user's tmux or each other. The pane is exactly `columns` x `rows` (no status line) and stays after
/// the program exits (`remain-on-exit`), so a crash can still be read with ``capture()``.
/// ``kill()`` ends the server; it is idempotent and also runs on `deinit`.
final class TmuxSession: @unchecked Sendable {
    // `size` and `killed` are guarded by `lock`; everything else is set once in `init`.

    /// Why a tmux step failed.
    enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case tmuxFailed(arguments: [String], status: Int32, stderr: String)
        case timedOut(waitingFor: String, after: Duration, screen: String)
        case programExited(waitingFor: String, screen: String)

        var description: String {
            switch self {
            case .tmuxMissing:
                return "tmux is not installed (apt-get install tmux; .ci/run installs it)"
            case .tmuxFailed(let arguments, let status, let stderr):
                return "tmux \(arguments.joined(separator: " ")) exited \(status): \(stderr)"
            case .timedOut(let text, let after, let screen):
                return "timed out after \(after) waiting for \"\(text)\"; last screen:\n\(screen)"
            case .programExited(let text, let screen):
                return "the program exited while waiting for \"\(text)\"; last screen:\n\(screen)"
            }
        }
    }

    /// The private server's socket name (`tmux -L`).
    let socketName: String
    private let tmux: URL
    private let environment: [String: String]
    private let lock = NSLock()
    private var size: (columns: Int, rows: Int)
    private var killed = false

    /// Starts a private tmux server whose one pane (`columns` x `rows`) runs `command` (an argument
    /// vector, not a shell line).
    ///
    /// `environment` is the whole environment of the server and so of the program, nothing is
    /// inherited from the test process; `PATH` defaults to `/usr/bin:/bin`, `LANG` to `C.UTF-8`, and
    /// the program's `TERM` is `environment["TERM"]` or `xterm-256color`.
    init(columns: Int, rows: Int, environment: [String: String], command: [String]) throws {
        guard let tmux = Self.executable else { throw Failure.tmuxMissing }
        self.tmux = tmux
        var environment = environment
        if environment["PATH"] == nil { environment["PATH"] = "/usr/bin:/bin" }
        if environment["LANG"] == nil && environment["LC_ALL"] == nil { environment["LANG"] = "C.UTF-8" }
        self.environment = environment
        socketName = "hailuo-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        size = (columns, rows)
        let term = environment["TERM"] ?? "xterm-256color"
        // One client command: the options are set before the pane starts (new-session starts the server).
        // set-clipboard on: an OSC 52 copy from the program lands in tmux's paste buffer.
        try run(
            ["set-option", "-g", "status", "off", ";", "set-option", "-g", "-w", "remain-on-exit", "on", ";"]
                + ["set-option", "-g", "set-clipboard", "on", ";"]
                + ["new-session", "-d", "-s", Self.session, "-x", "\(columns)", "-y", "\(rows)", "--"]
                + ["/usr/bin/env", "TERM=\(term)"] + command)
    }

    deinit { kill() }

    /// Whether the program rang the bell (tmux's `window_bell_flag`).
    var bellRang: Bool {
        get throws { try format("#{window_bell_flag}") == "1" }
    }

    /// The process id of the program in the pane (it runs under `env`, which execs it).
    var programPID: pid_t {
        get throws { pid_t(try format("#{pane_pid}")) ?? -1 }
    }

    /// The newest paste buffer: what the program last copied with OSC 52 (empty when none).
    func pasteBuffer() throws -> String {
        (try? run(["show-buffer"])) ?? ""
    }

    /// The tmux executable on the usual paths, or `nil` when tmux is not installed.
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return folders.map { URL(fileURLWithPath: $0).appendingPathComponent("tmux") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private static let session = "test"

    /// The pane's current size.
    var columns: Int { lock.withLock { size.columns } }
    var rows: Int { lock.withLock { size.rows } }

    // MARK: Input

    /// Sends keys by tmux name, one argument each: `"C-s"`, `"Enter"`, `"Tab"`, `"BTab"`, `"Escape"`,
    /// `"Up"`, `"F1"`, `"M-b"`, or plain characters (`"q"`).
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", Self.session] + keys)
    }

    /// Types text literally (`send-keys -l`): CJK, emoji and combining marks arrive as typed; a `\n` in
    /// the text arrives as Ctrl-J, not Enter.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", Self.session, "-l", "--", text])
    }

    /// Resizes the pane (and window) to `columns` x `rows`; the program gets SIGWINCH.
    func resize(columns: Int, rows: Int) throws {
        try run(["resize-window", "-t", Self.session, "-x", "\(columns)", "-y", "\(rows)"])
        lock.withLock { size = (columns, rows) }
    }

    // MARK: Output

    /// The screen as plain text, one line per row (trailing spaces trimmed by tmux), after the last
    /// `scrollback` lines that scrolled off its top.
    func capture(scrollback: Int = 0) throws -> String {
        try run(["capture-pane", "-t", Self.session, "-p"] + (scrollback > 0 ? ["-S", "-\(scrollback)"] : []))
    }

    /// The screen with SGR escape sequences (`capture-pane -e -N`: colours and attributes, cells
    /// written with trailing spaces kept), as `scripts/ansi2png.py` reads it.
    func captureStyled() throws -> String {
        try run(["capture-pane", "-t", Self.session, "-p", "-e", "-N"])
    }

    /// Polls the screen every 100 ms until it contains `text`, and returns that screen. Fails with the
    /// last screen in the error when `timeout` passes or the program has exited without showing it.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen every 100 ms until `condition` holds for it, and returns that screen.
    /// `description` names what is awaited in the error.
    @discardableResult
    func waitUntil(
        _ description: String, timeout: Duration = .seconds(10), _ condition: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = ""
        while true {
            screen = try capture()
            if condition(screen) { return screen }
            if try isPaneDead {
                // The program may have ended just after the check above, in the state awaited.
                let last = try capture()
                if condition(last) { return last }
                // tmux scrolls the screen up one line to write "Pane is dead": show that line too.
                throw Failure.programExited(waitingFor: description, screen: Self.framed(try capture(scrollback: 1)))
            }
            if clock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure.timedOut(waitingFor: description, after: timeout, screen: Self.framed(screen))
    }

    /// Like `waitUntil`, but returns only a screen that has finished drawing: `condition` holds and
    /// a second capture 250 ms later is the same. A capture can land in the middle of a frame being
    /// written (a slow machine shows a half-drawn layout); a settled screen cannot.
    @discardableResult
    func waitUntilSettled(
        _ description: String, timeout: Duration = .seconds(10), _ condition: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            let first = try await waitUntil(description, timeout: max(deadline - clock.now, .zero), condition)
            try await Task.sleep(for: .milliseconds(250))
            let second = try capture()
            if second == first || clock.now >= deadline { return second }
        }
    }

    // MARK: The program

    /// The process id of the program in the pane.
    var panePID: Int32 {
        get throws { Int32(try format("#{pane_pid}")) ?? -1 }
    }

    /// Whether the program in the pane has exited. The pane stays (`remain-on-exit`) with a "Pane is
    /// dead" line at the bottom, for which tmux scrolls the screen up one line (see `capture(scrollback:)`).
    var isPaneDead: Bool {
        get throws { try format("#{pane_dead}") == "1" }
    }

    /// The exit status of the program once it has exited (`128 + n` after signal `n`), else `nil`.
    ///
    /// The pane can be dead a moment before tmux has reaped the program, and tmux sometimes misses
    /// the SIGCHLD of a pane that exits early (a race with libutempter's handler): then the server is
    /// sent SIGCHLD again until it records the status, for at most 2 s.
    var exitStatus: Int32? {
        get throws {
            if let status = try recordedExitStatus() { return status }
            guard try isPaneDead, let server = Int32(try format("#{pid}")) else { return nil }
            for _ in 0..<100 {
                Foundation.kill(server, SIGCHLD)
                usleep(20_000)
                if let status = try recordedExitStatus() { return status }
            }
            return nil
        }
    }

    /// Polls every 100 ms until the program has exited and returns its exit status. Fails with the last
    /// screen when `timeout` passes first.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(10)) async throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if let status = try exitStatus { return status }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure.timedOut(waitingFor: "the program to exit", after: timeout, screen: Self.framed(try capture()))
    }

    private func recordedExitStatus() throws -> Int32? {
        let fields = try format("#{pane_dead_status}:#{pane_dead_signal}")
            .split(separator: ":", omittingEmptySubsequences: false)
        if let status = Int32(fields[0]) { return status }
        if fields.count > 1, let signal = Int32(fields[1]) { return 128 + signal }
        return nil
    }

    /// Closes the pane (its terminal goes away under the program); the server ends with it.
    func closePane() throws {
        try run(["kill-pane", "-t", Self.session])
    }

    /// Ends the server and the program in it (SIGHUP). Safe to call more than once.
    func kill() {
        let first = lock.withLock {
            defer { killed = true }
            return !killed
        }
        guard first else { return }
        _ = try? run(["kill-server"])
    }

    // MARK: Running tmux

    private func format(_ text: String) throws -> String {
        try run(["display-message", "-p", "-t", Self.session, text]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs one tmux client command against the private server and returns its standard output.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outcome = try ChildProcess.run(
            tmux.path, ["-L", socketName, "-f", "/dev/null"] + arguments, environment: environment)
        guard outcome.status == 0 else {
            throw Failure.tmuxFailed(arguments: arguments, status: outcome.status, stderr: outcome.stderr)
        }
        return outcome.stdout
    }

    /// A screen between rules, for error messages.
    private static func framed(_ screen: String) -> String {
        let rule = String(repeating: "-", count: 40)
        return "\(rule)\n\(screen)\(screen.hasSuffix("\n") ? "" : "\n")\(rule)"
    }
}

extension TmuxSession {
    /// The built `hailuo` (see ``CLIRunner/binary``) with `arguments` (none: the TUI), in DEMO mode on
    /// a private store under `home` (the environment of ``CLIRunner``), in a `columns` x `rows` pane.
    static func hailuo(
        columns: Int = 80, rows: Int = 24, home: URL, arguments: [String] = [], extra: [String: String] = [:]
    ) throws -> TmuxSession {
        var environment = CLIRunner(home: home, extra: extra).environment
        if environment["TERM"] == nil { environment["TERM"] = "xterm-256color" }
        return try TmuxSession(
            columns: columns, rows: rows, environment: environment, command: [CLIRunner.binary.path] + arguments)
    }
}

/// Runs a short-lived program to its end with `posix_spawn`, for the tmux client.
///
/// Not `Process`: a tmux client may start the long-lived server, which must not inherit the test
/// runner's blocked signal mask (the server and the program in its pane would never see SIGCHLD,
/// SIGWINCH or SIGTERM) nor other tests' pipes (their readers would wait for an end of file that only
/// comes when the server dies). So the child gets an empty signal mask, default dispositions, and
/// every descriptor above 2 closed.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        case timedOut(String, Duration)

        var description: String {
            switch self {
            case .spawn(let path, let code): return "could not start \(path): \(String(cString: strerror(code)))"
            case .timedOut(let path, let limit): return "\(path) did not finish within \(limit)"
            }
        }
    }

    static func run(
        _ path: String, _ arguments: [String], environment: [String: String], timeout: Duration = .seconds(10)
    ) throws -> Outcome {
        var out: [Int32] = [-1, -1]
        var err: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { throw Failure.spawn(path, errno) }
        guard pipe(&err) == 0 else {
            close(out[0])
            close(out[1])
            throw Failure.spawn(path, errno)
        }
        for descriptor in out + err { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let pid: pid_t
        do {
            defer {
                close(out[1])
                close(err[1])
            }
            pid = try spawn(path, arguments, environment: environment, stdout: out[1], stderr: err[1])
        } catch {
            close(out[0])
            close(err[0])
            throw error
        }
        let deadline = ContinuousClock.now.advanced(by: timeout)
        let streams = drain([out[0], err[0]], until: deadline)
        var status: Int32 = 0
        if streams == nil { kill(pid, SIGKILL) }
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno != EINTR) { break }  // reaped (or not ours any more)
            if result == 0 && ContinuousClock.now >= deadline { kill(pid, SIGKILL) }
            usleep(2_000)
        }
        guard let streams else { throw Failure.timedOut(path, timeout) }
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(
            status: exitCode, stdout: String(decoding: streams[0], as: UTF8.self),
            stderr: String(decoding: streams[1], as: UTF8.self))
    }

    private static func spawn(
        _ path: String, _ arguments: [String], environment: [String: String], stdout: Int32, stderr: Int32
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        closeInheritedDescriptors(&actions)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGCHLD, SIGWINCH, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map { strdup("\($0)=\($1)") }
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv + [nil], envp + [nil])
        guard code == 0 else { throw Failure.spawn(path, code) }
        return pid
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Closes every descriptor above 2 in the child: glibc's `posix_spawn_file_actions_addclosefrom_np`
    /// (2.34+, not in Swift's Glibc module, so looked up), else each descriptor open now.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            let closeFrom = unsafeBitCast(symbol, to: CloseFrom.self)
            if closeFrom(&actions, 3) == 0 { return }
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// Reads the descriptors until they all close (then closes them); `nil` when the deadline passed.
    private static func drain(_ descriptors: [Int32], until deadline: ContinuousClock.Instant) -> [[UInt8]]? {
        defer { for descriptor in descriptors { close(descriptor) } }
        var bytes = [[UInt8]](repeating: [], count: descriptors.count)
        var open = Set(descriptors)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return nil }
            var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), 100)
            if ready < 0 && errno != EINTR { return nil }
            for entry in polled where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0, let index = descriptors.firstIndex(of: entry.fd) {
                    bytes[index] += buffer[0..<count]
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.remove(entry.fd)
                }
            }
        }
        return bytes
    }
}
