/// Identifies a file independently of its name.
struct FileIdentity: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
}
