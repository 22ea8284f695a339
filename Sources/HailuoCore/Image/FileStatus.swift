import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// POSIX file checks, in the order that never blocks: `lstat`, `stat`, then `open` with
/// `O_NONBLOCK | O_NOCTTY` and `fstat` on the descriptor.
enum FileStatus {
    private static let typeMask: UInt32 = 0o170000
    private static let regularType: UInt32 = 0o100000
    private static let directoryType: UInt32 = 0o040000
    private static let fifoType: UInt32 = 0o010000
    private static let socketType: UInt32 = 0o140000
    private static let characterDeviceType: UInt32 = 0o020000
    private static let blockDeviceType: UInt32 = 0o060000
    private static let linkType: UInt32 = 0o120000

    static func type(_ st: stat) -> UInt32 { UInt32(st.st_mode) & typeMask }

    static func identity(_ st: stat) -> FileIdentity {
        FileIdentity(device: UInt64(truncatingIfNeeded: st.st_dev), inode: UInt64(truncatingIfNeeded: st.st_ino))
    }

    /// Status of what `path` names, following links, with each failure as a problem about `reference`.
    static func statTarget(_ path: String, reference: String) throws(ImageProblem) -> stat {
        var link = stat()
        guard lstat(path, &link) == 0 else { throw problem(errno: errno, reference: reference) }
        guard type(link) == linkType else { return link }
        var target = stat()
        guard stat(path, &target) == 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR:
                throw .danglingSymlink(
                    reference, target: try? FileManager.default.destinationOfSymbolicLink(atPath: path))
            default:
                throw problem(errno: code, reference: reference)
            }
        }
        return target
    }

    /// Refuses anything that is not a regular, non-empty file within the size limit.
    static func requireRegular(_ st: stat, reference: String) throws(ImageProblem) {
        switch type(st) {
        case regularType: break
        case directoryType: throw .directory(reference)
        case fifoType: throw .fifo(reference)
        case socketType: throw .socket(reference)
        case characterDeviceType, blockDeviceType: throw .device(reference)
        default: throw .notRegularFile(reference)
        }
        let size = Int(st.st_size)
        guard size > 0 else { throw .emptyFile(reference) }
        guard size <= ImagePreflight.maxByteCount else {
            throw .tooLarge(reference, byteCount: size, limit: ImagePreflight.maxByteCount)
        }
    }

    /// Opens `path` read-only without blocking and without acquiring a terminal.
    static func openReadOnly(_ path: String, reference: String) throws(ImageProblem) -> Int32 {
        while true {
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
            if fd >= 0 { return fd }
            let code = errno
            if code == EINTR { continue }
            throw problem(errno: code, reference: reference)
        }
    }

    /// A problem for a failed `lstat`, `stat` or `open`.
    static func problem(errno code: Int32, reference: String) -> ImageProblem {
        switch code {
        case ENOENT, ENOTDIR: .notFound(reference)
        case ELOOP: .symlinkLoop(reference)
        case EACCES, EPERM: .permissionDenied(reference)
        case ENAMETOOLONG: .unreadable(reference, reason: "the path is too long")
        default: .unreadable(reference, reason: String(cString: strerror(code)))
        }
    }

    /// The canonical absolute path (links resolved), or `path` itself when that fails.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
