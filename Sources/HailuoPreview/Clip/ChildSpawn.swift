import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Starts a child with `posix_spawn`: its own process group, stdin from `/dev/null`, stdout and
/// stderr into fresh pipes, default signal handling and mask.
enum ChildSpawn {
    /// A started child and the read ends of its output pipes (the caller closes them).
    struct Started {
        var pid: pid_t
        var stdout: Int32
        var stderr: Int32
    }

    /// Held while pipes are made and a child is started, so that two children started at once
    /// cannot inherit each other's pipe ends before close-on-exec is set.
    private static let spawnLock = NSLock()

    /// How many times a start refused with ETXTBSY is tried again.
    private static let busyRetries = 25

    static func start(executable: String, arguments: [String], displayName: String) throws(PreviewError) -> Started {
        spawnLock.lock()
        defer { spawnLock.unlock() }
        let output = try makePipe()
        let errors: (read: Int32, write: Int32)
        do {
            errors = try makePipe()
        } catch {
            close(output.read)
            close(output.write)
            throw error
        }
        var spawned = spawn(executable, arguments, stdout: output.write, stderr: errors.write)
        // "Text file busy": the executable was just written and a child another thread was forking at
        // that moment still holds it open for writing; that ends at its exec, a moment later.
        for _ in 0..<busyRetries {
            guard case .failure(let failure) = spawned, failure.code == ETXTBSY else { break }
            usleep(20_000)
            spawned = spawn(executable, arguments, stdout: output.write, stderr: errors.write)
        }
        close(output.write)
        close(errors.write)
        switch spawned {
        case .success(let pid):
            return Started(pid: pid, stdout: output.read, stderr: errors.read)
        case .failure(let failure):
            close(output.read)
            close(errors.read)
            let why = String(cString: strerror(failure.code))
            throw PreviewError("\(displayName) could not be started (\(why.lowercased()))")
        }
    }

    private static func makePipe() throws(PreviewError) -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw PreviewError("cannot start a child process (no pipe)") }
        _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptors[0], F_SETFL, fcntl(descriptors[0], F_GETFL) | O_NONBLOCK)
        return (descriptors[0], descriptors[1])
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], stdout: Int32, stderr: Int32
    ) -> Result<pid_t, SpawnError> {
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
        // Nothing else open here reaches the child: a descriptor another part of the program opened
        // without close-on-exec (a file being written) would stay open as long as ffmpeg runs.
        for descriptor in InheritedDescriptors.open() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGPIPE, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaultSignals, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        var flags = Int32(POSIX_SPAWN_SETPGROUP) | Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argumentPointers: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) }
        let variablePointers: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment
            .sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") }
        defer {
            for pointer in argumentPointers + variablePointers { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(
            &pid, executable, &actions, &attributes, argumentPointers + [nil], variablePointers + [nil])
        return result == 0 ? .success(pid) : .failure(SpawnError(code: result))
    }
}

/// `posix_spawn`'s error number.
struct SpawnError: Error {
    var code: Int32
}
