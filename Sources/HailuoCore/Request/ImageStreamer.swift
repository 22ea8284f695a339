import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an open image file once, in chunks, hashing (SHA-256) and base64-encoding each chunk in
/// the same pass, straight into the request body's memory.
enum ImageStreamer {
    /// Bytes read per chunk: just under 1 MiB and a multiple of 3, so every chunk but the last
    /// encodes to base64 without padding.
    static let chunkSize = 3 * 349_525

    /// Base64 length of `count` bytes (with padding).
    static func base64Length(_ count: Int) -> Int { (count + 2) / 3 * 4 }

    /// Encodes the whole file into `destination` (which must hold ``base64Length(_:)`` bytes of
    /// the inspected size). Returns the SHA-256 (hex) of the bytes read. Fails when the file
    /// is shorter or longer than inspected, or a read fails.
    static func encode(
        _ file: OpenImageFile, into destination: UnsafeMutablePointer<UInt8>, chunk: UnsafeMutablePointer<UInt8>
    ) throws(ImageProblem) -> String {
        let expected = file.image.byteCount
        let reference = file.image.reference
        var hasher = SHA256()
        var offset = 0
        var written = 0
        while offset < expected {
            let want = min(chunkSize, expected - offset)
            let got = try fill(file.descriptor, chunk, count: want, at: offset, reference: reference)
            guard got == want else {
                throw .changedWhileReading(reference, detail: "it became shorter: \(offset + got) of \(expected) bytes")
            }
            if offset == 0, !startsWithSignature(chunk, count: got, format: file.image.format) {
                throw .changedWhileReading(reference, detail: "it is no longer a \(file.image.format.displayName) file")
            }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: chunk, count: got))
            written += Base64.encode(chunk, count: got, into: destination + written)
            offset += got
        }
        var extra: UInt8 = 0
        let more = pread(file.descriptor, &extra, 1, off_t(expected))
        guard more == 0, let now = file.currentStatus(), now.size == expected else {
            throw .changedWhileReading(reference, detail: "it grew beyond the \(expected) bytes inspected")
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Reads `count` bytes at `offset` unless the file ends first; returns how many were read.
    private static func fill(
        _ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int, reference: String
    ) throws(ImageProblem) -> Int {
        var done = 0
        while done < count {
            let n = pread(fd, buffer + done, count - done, off_t(offset + done))
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .unreadable(reference, reason: String(cString: strerror(code)))
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    private static func startsWithSignature(_ bytes: UnsafeMutablePointer<UInt8>, count: Int, format: ImageFormat)
        -> Bool
    {
        let signature = format == .png ? ImageSniffer.pngSignature : ImageSniffer.jpegSignature
        guard count >= signature.count else { return false }
        return signature.indices.allSatisfy { bytes[$0] == signature[$0] }
    }
}
