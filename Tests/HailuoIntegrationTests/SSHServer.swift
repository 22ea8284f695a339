import Foundation
import HailuoTestSupport

/// A private OpenSSH server on 127.0.0.1, for running the real TUI over a real SSH link.
///
/// It has its own host key, user key, `authorized_keys` and `sshd_config` in a temporary folder, listens on
/// a free loopback port, and logs to `sshd.log` there. ``stop()`` ends it (and any session it still has) and
/// removes the folder; it is idempotent and also runs on `deinit`.
final class SSHServer: @unchecked Sendable {
    /// Why the server could not start.
    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case failed(String)

        var description: String {
            switch self {
            case .missing(let path): return "\(path) is not installed (apt-get install openssh-server openssh-client)"
            case .failed(let why): return "sshd did not start: \(why)"
            }
        }
    }

    static let daemonPath = "/usr/sbin/sshd"
    static let clientPath = "/usr/bin/ssh"
    static let keygenPath = "/usr/bin/ssh-keygen"

    /// The folder holding keys, config, pid file and log.
    let folder: URL
    /// The loopback port it listens on.
    let port: Int
    /// The listener's process id (our child).
    let pid: pid_t
    private let lock = NSLock()
    private var stopped = false

    private init(folder: URL, port: Int, pid: pid_t) {
        self.folder = folder
        self.port = port
        self.pid = pid
    }

    deinit { stop() }

    /// Generates the keys and config, starts `sshd -D -e` and waits until it accepts connections.
    static func start() async throws -> SSHServer {
        for path in [daemonPath, clientPath, keygenPath] where !FileManager.default.isExecutableFile(atPath: path) {
            throw Failure.missing(path)
        }
        let folder = try TemporaryFolder("hailuo-sshd").url
        do {
            // The privilege separation folder sshd insists on (root only; as another user it is not needed).
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            try generateKey(folder.appendingPathComponent("host_key"))
            try generateKey(folder.appendingPathComponent("user_key"))
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("user_key.pub"),
                to: folder.appendingPathComponent("authorized_keys"))
            var lastFailure = "no attempt"
            // A port found free can be taken before sshd binds it: try again with another.
            for _ in 0..<3 {
                let port = try freeLoopbackPort()
                try config(folder: folder, port: port).write(
                    to: folder.appendingPathComponent("sshd_config"), atomically: true, encoding: .utf8)
                let pid = try LoggedChild.spawn(
                    daemonPath, ["-D", "-e", "-f", folder.appendingPathComponent("sshd_config").path],
                    log: folder.appendingPathComponent("sshd.log"))
                let server = SSHServer(folder: folder, port: port, pid: pid)
                if try await server.waitUntilListening() { return server }
                lastFailure = server.log
                server.stopProcesses()
            }
            throw Failure.failed(lastFailure)
        } catch {
            TemporaryFolder.remove(folder)
            throw error
        }
    }

    /// The user key's private half.
    var userKey: URL { folder.appendingPathComponent("user_key") }

    /// What sshd wrote to its log (`-e`: to standard error, here a file).
    var log: String {
        (try? String(contentsOf: folder.appendingPathComponent("sshd.log"), encoding: .utf8)) ?? ""
    }

    /// The argument vector of an `ssh -tt` client that logs in as the current user and runs `remote`
    /// (a shell command line), trusting the host key without recording it.
    func client(running remote: String) -> [String] {
        let user = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "root"
        let options = [
            "StrictHostKeyChecking=no", "UserKnownHostsFile=/dev/null", "GlobalKnownHostsFile=/dev/null",
            "BatchMode=yes", "IdentitiesOnly=yes", "LogLevel=ERROR", "ConnectTimeout=5",
        ]
        return [Self.clientPath, "-tt", "-F", "/dev/null", "-i", userKey.path, "-p", "\(port)"]
            + options.flatMap { ["-o", $0] } + ["\(user)@127.0.0.1", remote]
    }

    /// Live (not zombie) children of the listener: one per open SSH session.
    func sessionProcesses() -> [pid_t] {
        ProcessStat.all().filter { $0.parent == pid && $0.state != "Z" }.map(\.pid)
    }

    /// Ends the listener and any session left, and removes the folder. Safe to call more than once.
    func stop() {
        let first = lock.withLock {
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        stopProcesses()
        TemporaryFolder.remove(folder)
    }

    private func stopProcesses() {
        for session in sessionProcesses() { kill(session, SIGKILL) }
        kill(pid, SIGTERM)
        LoggedChild.reap(pid, within: .seconds(3))
    }

    /// Polls until a TCP connect to the port succeeds (`true`) or sshd has exited (`false`), for at most 10 s.
    private func waitUntilListening() async throws -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while ContinuousClock.now < deadline {
            if Loopback.accepts(port: port) { return true }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    private static func generateKey(_ url: URL) throws {
        let outcome = try ChildProcess.run(
            keygenPath, ["-q", "-t", "ed25519", "-N", "", "-C", "hailuo-test", "-f", url.path],
            environment: ["PATH": "/usr/bin:/bin"])
        guard outcome.status == 0 else { throw Failure.failed("ssh-keygen: \(outcome.stderr)") }
    }

    private static func config(folder: URL, port: Int) -> String {
        """
        ListenAddress 127.0.0.1
        Port \(port)
        HostKey \(folder.appendingPathComponent("host_key").path)
        AuthorizedKeysFile \(folder.appendingPathComponent("authorized_keys").path)
        PidFile \(folder.appendingPathComponent("sshd.pid").path)
        UsePAM no
        StrictModes no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        PubkeyAuthentication yes
        PermitRootLogin prohibit-password
        PrintMotd no
        PrintLastLog no
        UseDNS no
        X11Forwarding no
        AllowTcpForwarding no

        """
    }

    private static func freeLoopbackPort() throws -> Int {
        let descriptor = try Loopback.listen()
        defer { close(descriptor) }
        return Loopback.port(of: descriptor)
    }
}

/// Quotes `word` for a POSIX shell (single quotes).
func shellQuoted(_ word: String) -> String {
    "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Loopback TCP sockets: a listener on a port the OS picks, a connection test.
enum Loopback {
    /// A socket listening on 127.0.0.1 at a port the OS picked.
    static func listen() throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SSHServer.Failure.failed("socket: \(errno)") }
        var address = address(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, Glibc.listen(descriptor, 64) == 0 else {
            close(descriptor)
            throw SSHServer.Failure.failed("bind/listen on 127.0.0.1: \(errno)")
        }
        return descriptor
    }

    /// The local port of a bound socket.
    static func port(of descriptor: Int32) -> Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A connected socket to 127.0.0.1:`port`, or -1.
    static func connect(port: Int) -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return -1 }
        var address = address(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            return -1
        }
        return descriptor
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let descriptor = connect(port: port)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        return true
    }

    private static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// A long-lived child started with `posix_spawn` whose output goes to a log file, with an empty signal mask
/// and default dispositions (the test runner blocks signals a daemon needs) and no inherited descriptors.
enum LoggedChild {
    static func spawn(_ path: String, _ arguments: [String], log: URL) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
        let envp: [UnsafeMutablePointer<CChar>?] = [strdup("PATH=/usr/bin:/bin:/usr/sbin:/sbin")]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, argv + [nil], envp + [nil])
        guard code == 0 else { throw SSHServer.Failure.failed("could not start \(path): \(code)") }
        return pid
    }

    /// Waits for our child `pid` to exit, killing it after `within`.
    static func reap(_ pid: pid_t, within limit: Duration) {
        let deadline = ContinuousClock.now.advanced(by: limit)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno != EINTR) { return }
            if ContinuousClock.now >= deadline { kill(pid, SIGKILL) }
            usleep(10_000)
        }
    }
}

/// One process as `/proc/PID/stat` shows it.
struct ProcessStat {
    var pid: pid_t
    var parent: pid_t
    /// `R`, `S`, `Z`, ...
    var state: Character
    /// User plus system CPU time, in clock ticks.
    var cpuTicks: Int

    /// Clock ticks per second (`_SC_CLK_TCK`).
    static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// The process `pid`, or `nil` when it is gone.
    static func read(_ pid: pid_t) -> ProcessStat? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // After "pid (comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let state = fields[0].first, let parent = pid_t(fields[1]),
            let user = Int(fields[11]), let system = Int(fields[12])
        else { return nil }
        return ProcessStat(pid: pid, parent: parent, state: state, cpuTicks: user + system)
    }

    /// Every process now.
    static func all() -> [ProcessStat] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.compactMap(read)
    }

    /// Live (not zombie) processes of the built `hailuo` whose environment has `HOME=home`.
    static func hailuo(home: URL) -> [pid_t] {
        all().filter { $0.state != "Z" }.map(\.pid).filter { pid in
            guard let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8),
                command.hasPrefix(CLIRunner.binary.path),
                let environment = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))
            else { return false }
            return environment.split(separator: 0).contains { $0.elementsEqual("HOME=\(home.path)".utf8) }
        }
    }
}

/// `PRAGMA integrity_check` on an SQLite file through the SQLite library the engine links (looked up
/// at run time: the tests do not import SQLite themselves).
enum SQLiteIntegrity {
    private typealias Open =
        @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<OpaquePointer?>?, Int32, UnsafePointer<CChar>?)
        -> Int32
    private typealias Prepare =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<OpaquePointer?>?,
            UnsafeMutablePointer<UnsafePointer<CChar>?>?
        ) -> Int32
    private typealias Step = @convention(c) (OpaquePointer?) -> Int32
    private typealias ColumnText = @convention(c) (OpaquePointer?, Int32) -> UnsafePointer<UInt8>?

    /// The rows `PRAGMA integrity_check` returns, joined by newlines: `"ok"` for a sound file.
    static func check(_ url: URL) throws -> String {
        let library = dlopen(nil, RTLD_NOW)
        func symbol<T>(_ name: String, as: T.Type) throws -> T {
            guard let pointer = dlsym(library, name) ?? dlsym(dlopen("libsqlite3.so.0", RTLD_NOW), name) else {
                throw SSHServer.Failure.failed("no \(name) in the SQLite library")
            }
            return unsafeBitCast(pointer, to: T.self)
        }
        let open = try symbol("sqlite3_open_v2", as: Open.self)
        let prepare = try symbol("sqlite3_prepare_v2", as: Prepare.self)
        let step = try symbol("sqlite3_step", as: Step.self)
        let column = try symbol("sqlite3_column_text", as: ColumnText.self)
        let finalize = try symbol("sqlite3_finalize", as: Step.self)
        let closeDatabase = try symbol("sqlite3_close", as: Step.self)
        var database: OpaquePointer?
        guard open(url.path, &database, 0x2 /* SQLITE_OPEN_READWRITE */, nil) == 0 else {
            _ = closeDatabase(database)
            return "cannot open \(url.path)"
        }
        defer { _ = closeDatabase(database) }
        var statement: OpaquePointer?
        guard prepare(database, "PRAGMA integrity_check", -1, &statement, nil) == 0 else {
            return "cannot prepare the check"
        }
        defer { _ = finalize(statement) }
        var rows: [String] = []
        while step(statement) == 100 /* SQLITE_ROW */ {
            rows.append(column(statement, 0).map { String(cString: $0) } ?? "")
        }
        return rows.joined(separator: "\n")
    }
}
