import Glibc

/// Names the calling thread, as `top -H`, htop and `/proc/PID/task/*/comm` show it (the kernel
/// keeps the first 15 bytes).
///
/// Written to `/proc/thread-self/comm`: Foundation's `Thread.name`, set from inside a thread that
/// `Thread.start()` has just made, is sometimes lost (the new thread can run before `start()`
/// records which thread it made), and `pthread_setname_np` is not in Swift's Glibc module.
public enum ThreadName {
    public static func set(_ name: String) {
        let file = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard file >= 0 else { return }
        defer { close(file) }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
    }
}
