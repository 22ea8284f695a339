/// Why an image reference cannot be used. Every case names the file or URL as the user typed it;
/// ``description`` renders it inert (control characters escaped, long values shortened).
public enum ImageProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing was given.
    case emptyReference
    /// A pasted `data:` URL: we ask for a file path instead (base64 is never stored).
    case dataURL
    /// A scheme other than http(s), such as `ftp://` or `file://`.
    case unsupportedScheme(reference: String, scheme: String)
    /// An http(s) URL that does not parse, has no host, or holds spaces or control characters.
    case invalidURL(String)
    /// No such file (or a path component is missing or not a folder).
    case notFound(String)
    /// A symbolic link whose target does not exist.
    case danglingSymlink(String, target: String?)
    /// A symbolic link that leads back to itself (or too many links in a row).
    case symlinkLoop(String)
    /// A folder.
    case directory(String)
    /// A named pipe; never opened, so it cannot block.
    case fifo(String)
    /// A Unix socket.
    case socket(String)
    /// A character or block device (such as `/dev/null`).
    case device(String)
    /// Some other kind of file system object.
    case notRegularFile(String)
    /// The file (or a folder on its path) may not be read by this user.
    case permissionDenied(String)
    /// The operating system refused to open or read it, for the reason given.
    case unreadable(String, reason: String)
    /// A file of 0 bytes.
    case emptyFile(String)
    /// Larger than ``ImagePreflight/maxByteCount``.
    case tooLarge(String, byteCount: Int, limit: Int)
    /// Neither PNG nor JPEG; `detected` names what it is when known, `leadingBytes` are its first bytes.
    case unsupportedFormat(String, detected: String?, leadingBytes: [UInt8])
    /// The file ends inside its header.
    case truncatedHeader(String, format: ImageFormat, detail: String)
    /// The header is inconsistent (for example a segment length that runs past the end).
    case malformedHeader(String, format: ImageFormat, detail: String)
    /// Aspect ratio not strictly between 2:5 and 5:2.
    case aspectRatio(String, width: Int, height: Int)
    /// Shorter side not strictly above ``ImagePreflight/minShorterSide`` pixels.
    case tooSmall(String, width: Int, height: Int)
    /// The file changed (size, identity or first bytes) between the check and the read.
    case changedWhileReading(String, detail: String)

    /// The file or URL as the user gave it (empty for ``emptyReference`` and ``dataURL``).
    public var reference: String {
        switch self {
        case .emptyReference, .dataURL: ""
        case .unsupportedScheme(let r, _), .invalidURL(let r), .notFound(let r), .danglingSymlink(let r, _),
            .symlinkLoop(let r), .directory(let r), .fifo(let r), .socket(let r), .device(let r),
            .notRegularFile(let r), .permissionDenied(let r), .unreadable(let r, _), .emptyFile(let r),
            .tooLarge(let r, _, _), .unsupportedFormat(let r, _, _), .truncatedHeader(let r, _, _),
            .malformedHeader(let r, _, _), .aspectRatio(let r, _, _), .tooSmall(let r, _, _),
            .changedWhileReading(let r, _):
            r
        }
    }

    /// The rule the reference breaks, for ``ValidationIssue/rule``.
    public var rule: ValidationRule {
        switch self {
        case .emptyReference: .empty
        case .dataURL: .dataURL
        case .unsupportedScheme: .scheme
        case .invalidURL: .url
        case .notFound: .notFound
        case .danglingSymlink: .danglingSymlink
        case .symlinkLoop: .symlinkLoop
        case .directory: .directory
        case .fifo: .fifo
        case .socket: .socket
        case .device: .device
        case .notRegularFile: .notRegularFile
        case .permissionDenied: .permission
        case .unreadable: .unreadable
        case .emptyFile: .emptyFile
        case .tooLarge: .maxSize
        case .unsupportedFormat: .format
        case .truncatedHeader: .truncated
        case .malformedHeader: .malformed
        case .aspectRatio: .aspectRatio
        case .tooSmall: .minSide
        case .changedWhileReading: .changed
        }
    }

    /// One plain sentence naming the file, what is wrong, and what is accepted.
    public var description: String {
        let name = InertText.quoted(reference)
        switch self {
        case .emptyReference:
            return "no image was given; give a PNG or JPEG file path or an http(s) URL"
        case .dataURL:
            return
                "a pasted data: URL is not accepted; give the image's file path instead (it is read and encoded when sent)"
        case .unsupportedScheme(_, let scheme):
            let shown = InertText.render(scheme, limit: 20)
            if scheme.lowercased() == "file" {
                return "\(name) is a file:// URL; give the file path itself (without file://)"
            }
            return "\(name) uses \(shown)://, which is not supported; give a local file path or an http(s) URL"
        case .invalidURL:
            return "\(name) is not a valid http(s) URL (it needs a host and no spaces or control characters)"
        case .notFound:
            return "\(name) does not exist"
        case .danglingSymlink(_, let target):
            if let target { return "\(name) is a symbolic link to \(InertText.quoted(target)), which does not exist" }
            return "\(name) is a symbolic link whose target does not exist"
        case .symlinkLoop:
            return "\(name) is a loop of symbolic links (or too many links in a row)"
        case .directory:
            return "\(name) is a folder, not an image file"
        case .fifo:
            return "\(name) is a named pipe (FIFO), not an image file"
        case .socket:
            return "\(name) is a socket, not an image file"
        case .device:
            return "\(name) is a device, not an image file"
        case .notRegularFile:
            return "\(name) is not a regular file"
        case .permissionDenied:
            return "\(name) cannot be read: permission denied"
        case .unreadable(_, let reason):
            return "\(name) cannot be read: \(InertText.render(reason))"
        case .emptyFile:
            return "\(name) is empty (0 bytes)"
        case .tooLarge(_, let count, let limit):
            return
                "\(name) is \(Self.mebibytes(count)) (\(count) bytes); the limit is \(Self.mebibytes(limit)) (\(limit) bytes)"
        case .unsupportedFormat(_, let detected, let lead):
            let what =
                detected
                ?? (lead.isEmpty
                    ? "neither PNG nor JPEG" : "neither PNG nor JPEG (it starts with bytes \(hexBytes(lead)))")
            return "\(name) is \(what); only PNG and JPEG images are accepted"
        case .truncatedHeader(_, let format, let detail):
            return "\(name) is a truncated \(format.displayName): \(detail)"
        case .malformedHeader(_, let format, let detail):
            return "\(name) has a broken \(format.displayName) header: \(detail)"
        case .aspectRatio(_, let w, let h):
            return "\(name) is \(w)x\(h); its aspect ratio must be strictly between 2:5 and 5:2"
        case .tooSmall(_, let w, let h):
            return "\(name) is \(w)x\(h); its shorter side must be more than \(ImagePreflight.minShorterSide) px"
        case .changedWhileReading(_, let detail):
            return "\(name) changed while it was being read (\(detail)); try again"
        }
    }

    /// The problem as a validation issue about `field` (``ValidationIssue/Field/firstFrame`` or
    /// ``ValidationIssue/Field/lastFrame``).
    public func issue(for field: ValidationIssue.Field) -> ValidationIssue {
        ValidationIssue(
            field: field, rule: rule, value: InertText.render(reference),
            message: "\(field.label): \(description)")
    }

    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 1024 * 1024 / 2) / (1024 * 1024)
        if tenths % 10 == 0 { return "\(tenths / 10) MiB" }
        return "\(tenths / 10).\(tenths % 10) MiB"
    }
}
