import Foundation
import HailuoCore

/// Runs `api_key_command` through `/bin/sh -c` and takes the key from its output.
///
/// The command runs in its own process group with stdin from `/dev/null`. When it does not finish
/// within the timeout, the whole group is killed (so a `sleep` started by the shell cannot keep the
/// pipes open).
enum KeyCommand {
    /// Output beyond this many bytes per stream is read and dropped.
    static let outputLimit = 64 * 1024

    /// The key: the first non-empty line of the command's standard output, trimmed.
    static func run(_ command: String, environment: [String: String], timeout: Double) throws(ConfigError) -> String {
        let result = try execute(command, environment: environment, timeout: timeout)
        guard result.exitCode == 0 else {
            let status = result.exitCode.map { "exit status \($0)" } ?? "killed by signal \(result.signal ?? 0)"
            let firstLine = KeyText.firstLine(String(decoding: result.stderr, as: UTF8.self)) ?? ""
            let shown = firstLine.count > 200 ? String(firstLine.prefix(200)) + "…" : firstLine
            throw .keyCommandFailed(status: status, stderrLine: shown)
        }
        guard let key = KeyText.firstLine(String(decoding: result.stdout, as: UTF8.self)) else {
            throw .keyCommandEmpty
        }
        return key
    }

    struct Result {
        var exitCode: Int32?
        var signal: Int32?
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    /// Held while pipes are made and the child is started, so that two key commands started at
    /// once cannot inherit each other's pipe ends in the moment before close-on-exec is set.
    private static let spawnLock = NSLock()

    static func execute(_ command: String, environment: [String: String], timeout: Double) throws(ConfigError) -> Result
    {
        spawnLock.lock()
        let started: (pid_t, Int32, Int32)
        do {
            started = try start(command, environment: environment)
            spawnLock.unlock()
        } catch {
            spawnLock.unlock()
            throw error
        }
        let (pid, stdoutPipe, stderrPipe) = started
        defer {
            close(stdoutPipe)
            close(stderrPipe)
        }

        let deadline = ContinuousClock.now + .milliseconds(Int64((max(0, timeout) * 1000).rounded(.up)))
        var streams = [Stream(descriptor: stdoutPipe), Stream(descriptor: stderrPipe)]
        var timedOut = !drain(&streams, until: deadline)
        var status: Int32 = 0
        if !timedOut {
            timedOut = !reap(pid, until: deadline, status: &status)
        }
        if timedOut {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            throw .keyCommandTimedOut(seconds: timeout)
        }
        let signal = status & 0x7F
        return Result(
            exitCode: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
            stdout: streams[0].bytes, stderr: streams[1].bytes)
    }

    /// Starts the command; returns its pid and the read ends of its stdout and stderr pipes.
    private static func start(
        _ command: String, environment: [String: String]
    ) throws(ConfigError) -> (pid_t, Int32, Int32) {
        let stdoutPipe = try makePipe()
        let stderrPipe: (read: Int32, write: Int32)
        do {
            stderrPipe = try makePipe()
        } catch {
            close(stdoutPipe.read)
            close(stdoutPipe.write)
            throw error
        }
        let pid: pid_t
        do {
            pid = try spawn(command, environment: environment, stdout: stdoutPipe.write, stderr: stderrPipe.write)
        } catch {
            for descriptor in [stdoutPipe.read, stdoutPipe.write, stderrPipe.read, stderrPipe.write] {
                close(descriptor)
            }
            throw error
        }
        close(stdoutPipe.write)
        close(stderrPipe.write)
        return (pid, stdoutPipe.read, stderrPipe.read)
    }

    private struct Stream {
        var descriptor: Int32
        var open = true
        var bytes: [UInt8] = []
    }

    /// Reads both streams until they close; `false` when the deadline passed first.
    private static func drain(_ streams: inout [Stream], until deadline: ContinuousClock.Instant) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while streams.contains(where: \.open) {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            var polled = streams.filter(\.open).map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
            let wait = Int32(
                clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
                    + 1)
            let ready = poll(&polled, nfds_t(polled.count), wait)
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            for entry in polled where entry.revents != 0 {
                guard let index = streams.firstIndex(where: { $0.descriptor == entry.fd }) else { continue }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if streams[index].bytes.count < outputLimit { streams[index].bytes += buffer[0..<count] }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    streams[index].open = false
                }
            }
        }
        return true
    }

    /// Waits for the process to exit; `false` when the deadline passed first.
    private static func reap(_ pid: pid_t, until deadline: ContinuousClock.Instant, status: inout Int32) -> Bool {
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return true }
            if result < 0, errno != EINTR { return true }
            guard ContinuousClock.now < deadline else { return false }
            usleep(2_000)
        }
    }

    private static func makePipe() throws(ConfigError) -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw .keyCommandLaunchFailed(reason: PrivateFiles.errorText()) }
        // Close-on-exec, so children other threads start do not inherit (and hold open) our pipes.
        _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptors[0], F_SETFL, fcntl(descriptors[0], F_GETFL) | O_NONBLOCK)
        return (descriptors[0], descriptors[1])
    }

    private static func spawn(
        _ command: String, environment: [String: String], stdout: Int32, stderr: Int32
    ) throws(ConfigError) -> pid_t {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        let flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argumentTexts: [String] = ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = argumentTexts.map { strdup($0) }
        let variableTexts: [String] = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let variables: [UnsafeMutablePointer<CChar>?] = variableTexts.map { strdup($0) }
        defer {
            for pointer in arguments + variables { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, "/bin/sh", &actions, &attributes, arguments + [nil], variables + [nil])
        guard result == 0 else {
            throw .keyCommandLaunchFailed(reason: PrivateFiles.errorText(result))
        }
        return pid
    }
}
