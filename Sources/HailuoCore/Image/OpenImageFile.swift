import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An image file opened for reading after every preflight rule passed. Closes on deinit.
final class OpenImageFile {
    let descriptor: Int32
    let image: LocalImage

    init(descriptor: Int32, image: LocalImage) {
        self.descriptor = descriptor
        self.image = image
    }

    deinit { close(descriptor) }

    /// Size and identity as the open descriptor sees them now.
    func currentStatus() -> (size: Int, identity: FileIdentity)? {
        var st = stat()
        guard fstat(descriptor, &st) == 0 else { return nil }
        return (Int(st.st_size), FileStatus.identity(st))
    }
}
