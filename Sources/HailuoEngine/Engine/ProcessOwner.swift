import Foundation

/// Identifies this process as a lease holder: `host:pid:random`.
enum ProcessOwner {
    static func make() -> String {
        "\(hostName()):\(getpid()):\(LocalID.make())"
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `false` only when the owner ran on this host and its process is certainly gone.
    static func isAlive(_ owner: String) -> Bool {
        let parts = owner.split(separator: ":")
        guard parts.count >= 3, String(parts[0]) == hostName(), let pid = pid_t(parts[1]) else { return true }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
    }
}
