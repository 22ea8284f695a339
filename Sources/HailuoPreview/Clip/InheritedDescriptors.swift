#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file descriptors open in this process, for closing them in a child before it runs.
enum InheritedDescriptors {
    /// The open descriptors, from `/proc/self/fd` (Linux); empty where that is missing (on macOS
    /// `POSIX_SPAWN_CLOEXEC_DEFAULT` does the job instead).
    static func open() -> [Int32] {
        guard let folder = opendir("/proc/self/fd") else { return [] }
        defer { closedir(folder) }
        var descriptors: [Int32] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if let descriptor = Int32(name) { descriptors.append(descriptor) }
        }
        return descriptors
    }
}
