import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A program running on a pseudo-terminal this process opened (`posix_openpt`), with the slave as
/// its standard input, output and error and as its controlling terminal. A reader thread drains
/// the master and keeps every byte the program wrote, each chunk stamped with the time it arrived,
/// so the bytes a screen update costs can be counted exactly.
final class PtyProcess: @unchecked Sendable {
    /// What arrived on the master in one `read`.
    struct Chunk: Sendable {
        /// Wall-clock seconds since 1970 when the read returned.
        var at: Double
        var bytes: [UInt8]
    }

    /// Why the program could not be started.
    struct LaunchError: Error, CustomStringConvertible {
        var description: String
    }

    let pid: pid_t
    /// When `posix_spawn` was called (wall clock, seconds since 1970).
    let startedAt: Double
    private let master: Int32
    private let lock = NSLock()
    private var received: [Chunk] = []
    private var exited = false
    private let readerDone = DispatchSemaphore(value: 0)

    /// Starts `arguments[0]` with exactly `environment` on a new `columns` x `rows` terminal.
    init(arguments: [String], environment: [String: String], columns: Int, rows: Int) throws {
        let pty = PseudoTerminalCalls.shared
        master = pty.openMaster(O_RDWR | O_NOCTTY | O_CLOEXEC)
        var name = [CChar](repeating: 0, count: 128)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0,
            pty.slaveName(master, &name, name.count) == 0
        else {
            if master >= 0 { close(master) }
            throw LaunchError(description: "cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        startedAt = Self.now()
        do {
            pid = try Self.spawn(arguments, environment: environment, terminal: slavePath)
        } catch {
            close(master)
            throw error
        }
        let thread = Thread { [self] in readUntilHangup() }
        thread.name = "pty-reader"
        thread.start()
    }

    deinit {
        stop()
        close(master)
    }

    /// Wall-clock seconds since 1970 (the same clock as ``Chunk/at``).
    static func now() -> Double { Date().timeIntervalSince1970 }

    /// Every chunk so far.
    var chunks: [Chunk] { lock.withLock { received } }

    /// Bytes received so far.
    var byteCount: Int { lock.withLock { received.reduce(0) { $0 + $1.bytes.count } } }

    /// Sends bytes to the program as if typed.
    func type(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// The first chunk (index into ``chunks``) at which the output so far contains `text`, waiting
    /// up to `timeout` seconds; nil on timeout or when the program exits first.
    func waitFor(_ text: String, from start: Int = 0, timeout: Double) -> Int? {
        let needle = Array(text.utf8)
        let deadline = Self.now() + timeout
        while Self.now() < deadline {
            let (copy, gone) = lock.withLock { (received, exited) }
            var joined: [UInt8] = []
            for (index, chunk) in copy.enumerated() where index >= start {
                joined += chunk.bytes
                if Self.contains(joined, needle) { return index }
            }
            if gone { return nil }
            usleep(5_000)
        }
        return nil
    }

    /// Ends the program: SIGTERM, then SIGKILL after two seconds. Idempotent.
    func stop() {
        let alreadyGone = lock.withLock { exited }
        guard !alreadyGone else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<200 {
            if waitpid(pid, &status, WNOHANG) == pid {
                markExited()
                return
            }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        markExited()
    }

    private func markExited() {
        lock.withLock { exited = true }
    }

    private func readUntilHangup() {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                let chunk = Chunk(at: Self.now(), bytes: Array(buffer[0..<count]))
                lock.withLock { received.append(chunk) }
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break  // EIO: every holder of the slave closed it (the program ended)
            }
        }
        readerDone.signal()
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }

    /// `posix_spawn` in a new session whose controlling terminal is `terminal` (opened as fd 0
    /// after `setsid`, then duplicated to 1 and 2).
    private static func spawn(_ arguments: [String], environment: [String: String], terminal: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // POSIX_SPAWN_SETSID (glibc 2.26): setsid() runs before the file actions, so opening the
        // slave makes it the controlling terminal (SIGWINCH, job control, hangup all work).
        let setsid: Int32 = 0x80
        let flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF) | setsid
        posix_spawnattr_setflags(&attributes, Int16(flags))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.sorted { $0.key < $1.key }.map {
            strdup("\($0.key)=\($0.value)")
        }
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, &attributes, argv + [nil], envp + [nil])
        guard result == 0 else {
            throw LaunchError(description: "cannot start \(arguments[0]): \(String(cString: strerror(result)))")
        }
        return pid
    }
}

/// `posix_openpt`, `grantpt`, `unlockpt` and `ptsname_r` from the C library. Glibc declares them only
/// under `_XOPEN_SOURCE`, which Swift's Glibc module does not define, so they are looked up by name.
struct PseudoTerminalCalls: @unchecked Sendable {
    typealias Open = @convention(c) (Int32) -> Int32
    typealias OnMaster = @convention(c) (Int32) -> Int32
    typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    let openMaster: Open
    let grant: OnMaster
    let unlock: OnMaster
    let slaveName: Name

    static let shared = PseudoTerminalCalls()

    private init() {
        let library = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as type: T.Type) -> T {
            guard let address = dlsym(library, name) else { fatalError("the C library has no \(name)") }
            return unsafeBitCast(address, to: type)
        }
        openMaster = symbol("posix_openpt", as: Open.self)
        grant = symbol("grantpt", as: OnMaster.self)
        unlock = symbol("unlockpt", as: OnMaster.self)
        slaveName = symbol("ptsname_r", as: Name.self)
    }
}
