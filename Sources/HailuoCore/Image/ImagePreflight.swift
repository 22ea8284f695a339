import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks an image reference before anything is sent, reading only the file's header: quick
/// enough to run as the user types. The provider's rules: PNG or JPEG by magic bytes (never the
/// name), aspect ratio strictly between 2:5 and 5:2, shorter side strictly above 300 px, at most
/// 20 MiB. Only a regular readable file is opened, and never in a way that can block.
public enum ImagePreflight {
    /// Largest accepted file: 20 MiB (20 × 1024 × 1024 bytes).
    public static let maxByteCount = 20 * 1024 * 1024
    /// The shorter side must be strictly greater than this many pixels.
    public static let minShorterSide = 300

    /// Inspects `reference`: an http(s) URL comes back unchanged as ``ImageInspection/remote(_:)``;
    /// a local path (`~` expands to `home`, or `$HOME` when `nil`) is checked file type first,
    /// then header, then the pixel rules.
    public static func inspect(_ reference: String, home: String? = nil) throws(ImageProblem) -> ImageInspection {
        switch try ImageReference.classify(reference) {
        case .remote(let url):
            return .remote(url)
        case .local(let typed):
            return .local(try open(typed, home: home).image)
        }
    }

    /// The problem with `reference` as a validation issue about `field`, or `nil` when it is fine.
    public static func issue(for reference: String, field: ValidationIssue.Field, home: String? = nil)
        -> ValidationIssue?
    {
        do throws(ImageProblem) {
            _ = try inspect(reference, home: home)
            return nil
        } catch {
            return error.issue(for: field)
        }
    }

    /// Whether `width` x `height` meets the provider's ratio and size rules (integer math).
    public static func checkDimensions(width: Int, height: Int, reference: String) throws(ImageProblem) {
        guard width * 5 > height * 2, width * 2 < height * 5 else {
            throw .aspectRatio(reference, width: width, height: height)
        }
        guard min(width, height) > minShorterSide else {
            throw .tooSmall(reference, width: width, height: height)
        }
    }

    /// `path` with a leading `~` or `~/` replaced by `home` (or `$HOME`), made absolute against
    /// the current directory. Other `~user` forms are left as typed.
    public static func expand(_ path: String, home: String? = nil) -> String {
        var expanded = path
        if path == "~" || path.hasPrefix("~/") {
            var base = home ?? defaultHome()
            while base.count > 1, base.hasSuffix("/") { base.removeLast() }
            expanded = base + path.dropFirst()
        }
        if !expanded.hasPrefix("/") {
            let cwd = FileManager.default.currentDirectoryPath
            expanded = (cwd.hasSuffix("/") ? cwd : cwd + "/") + expanded
        }
        return expanded
    }

    /// Opens a local image after every check passed; the descriptor stays open for reading.
    static func open(_ typed: String, home: String?) throws(ImageProblem) -> OpenImageFile {
        let path = expand(typed, home: home)
        let before = try FileStatus.statTarget(path, reference: typed)
        try FileStatus.requireRegular(before, reference: typed)

        let descriptor = try FileStatus.openReadOnly(path, reference: typed)
        var handedOver = false
        defer { if !handedOver { close(descriptor) } }
        var st = stat()
        guard fstat(descriptor, &st) == 0 else { throw FileStatus.problem(errno: errno, reference: typed) }
        try FileStatus.requireRegular(st, reference: typed)
        guard FileStatus.identity(st) == FileStatus.identity(before) else {
            throw .changedWhileReading(typed, detail: "it was replaced while being opened")
        }
        let size = Int(st.st_size)
        var reader = HeaderReader(source: DescriptorHeaderSource(descriptor: descriptor, size: size))
        let header: ImageHeader
        do throws(ImageHeaderError) {
            header = try ImageHeader.parse(&reader)
        } catch {
            throw problem(error, reference: typed)
        }
        try checkDimensions(width: header.width, height: header.height, reference: typed)
        let image = LocalImage(
            reference: typed, path: FileStatus.realPath(path), format: header.format,
            width: header.width, height: header.height, byteCount: size, identity: FileStatus.identity(st))
        handedOver = true
        return OpenImageFile(descriptor: descriptor, image: image)
    }

    static func problem(_ error: ImageHeaderError, reference: String) -> ImageProblem {
        switch error {
        case .truncated(let format, let detail): .truncatedHeader(reference, format: format, detail: detail)
        case .malformed(let format, let detail): .malformedHeader(reference, format: format, detail: detail)
        case .unsupported(let detected, let lead): .unsupportedFormat(reference, detected: detected, leadingBytes: lead)
        case .readFailed(let detail): .unreadable(reference, reason: detail)
        }
    }

    private static func defaultHome() -> String {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        return NSHomeDirectory()
    }
}
