#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file, refusing folders, devices and files over a size cap before reading them.
enum FileBytes {
    static func contents(of path: String, maxBytes: Int) throws(PreviewError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw PreviewError(reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw PreviewError(reason(errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw PreviewError("it is a folder") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw PreviewError("not a regular file") }
        let megabytes = maxBytes >> 20
        if Int(status.st_size) > maxBytes { throw PreviewError("the file is over \(megabytes) MB") }
        if status.st_size == 0 { throw PreviewError("the file is empty") }

        // Read to the end (the file may have changed size since fstat), never past the cap.
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var count = 0
        while true {
            if count == bytes.count {
                if count > maxBytes { throw PreviewError("the file is over \(megabytes) MB") }
                bytes += [UInt8](repeating: 0, count: min(1 << 20, maxBytes + 1 - count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw PreviewError(reason(errno))
            }
            if got == 0 { break }
            count += got
        }
        if count > maxBytes { throw PreviewError("the file is over \(megabytes) MB") }
        if count == 0 { throw PreviewError("the file is empty") }
        bytes.removeSubrange(count...)
        return bytes
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "it is a folder"
        case ENOTDIR: "a folder on the path is a file"
        default: String(cString: strerror(code))
        }
    }
}
