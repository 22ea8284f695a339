import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program (ffmpeg, ffprobe) as a child process and waits for it, never longer than a
/// timeout.
///
/// The child runs in its own process group with stdin from `/dev/null`; its stdout and stderr are
/// read through pipes (the first `stdoutLimit` bytes of stdout, the last `stderrLimit` bytes of
/// stderr are kept, the rest is read and dropped). When it outlives the timeout the whole group gets
/// SIGTERM, then SIGKILL a moment later, and is reaped: nothing is left behind, not even a
/// grandchild a script started. (Foundation's `Process` does not give the child its own group, so a
/// grandchild would survive it: hence `posix_spawn`.)
struct ChildProcess {
    /// What a finished child left.
    struct Outcome {
        /// The exit status, `nil` when a signal ended it.
        var exitStatus: Int32?
        var stdout: [UInt8]
        var stderr: [UInt8]

        var succeeded: Bool { exitStatus == 0 }
        var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// How long a child gets between SIGTERM and SIGKILL.
    static let terminationGrace: Duration = .seconds(1)

    var executable: String
    var arguments: [String]
    /// The name used in the timeout reason ("ffprobe took longer than 10 s").
    var displayName: String
    var stdoutLimit = 4 * 1024 * 1024
    var stderrLimit = 64 * 1024

    /// Runs the child to its end; throws when it cannot start or outlives `timeout` (then it and
    /// its process group are gone when this returns).
    func run(timeout: Duration) throws(PreviewError) -> Outcome {
        let started = try ChildSpawn.start(executable: executable, arguments: arguments, displayName: displayName)
        defer {
            close(started.stdout)
            close(started.stderr)
        }
        let deadline = ContinuousClock.now + timeout
        var output = PipeReader(descriptor: started.stdout, limit: stdoutLimit, keepsTail: false)
        var errors = PipeReader(descriptor: started.stderr, limit: stderrLimit, keepsTail: true)
        var status: Int32 = 0
        let finished =
            PipeReader.drain(&output, &errors, until: deadline)
            && Self.reap(started.pid, until: deadline, status: &status)
        guard finished else {
            Self.terminateGroup(of: started.pid)
            throw PreviewError("\(displayName) took longer than \(DurationText.seconds(timeout))")
        }
        let signalled = status & 0x7F != 0
        return Outcome(
            exitStatus: signalled ? nil : (status >> 8) & 0xFF, stdout: output.bytes, stderr: errors.bytes)
    }

    /// Waits for `pid` to exit; `false` when the deadline passed first.
    private static func reap(_ pid: pid_t, until deadline: ContinuousClock.Instant, status: inout Int32) -> Bool {
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return true }
            if result < 0, errno != EINTR { return true }
            guard ContinuousClock.now < deadline else { return false }
            usleep(2_000)
        }
    }

    /// SIGTERM to the child's group, SIGKILL after the grace period, then reaps the child.
    private static func terminateGroup(of pid: pid_t) {
        kill(-pid, SIGTERM)
        var status: Int32 = 0
        let exited = reap(pid, until: .now + terminationGrace, status: &status)
        // Also for a group whose leader has exited: a grandchild that ignored SIGTERM still holds it.
        kill(-pid, SIGKILL)
        if !exited {
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
    }
}
