import Foundation

/// Where ffmpeg and ffprobe are: found on the `PATH`, or named by `HAILUO_FFMPEG` /
/// `HAILUO_FFPROBE` (a path, or a name looked up on the `PATH`). A tool that is not there is `nil`.
public struct ClipTools: Sendable, Hashable {
    /// The ffmpeg executable, `nil` when there is none.
    public var ffmpeg: String?
    /// The ffprobe executable, `nil` when there is none.
    public var ffprobe: String?

    /// The sentence for a machine without ffmpeg (ffprobe comes in the same Debian package).
    public static let notInstalledReason = "ffmpeg is not installed (Debian: apt install ffmpeg)"

    /// Tools at these paths (`nil`: that tool is missing). Tests point them at fakes.
    public init(ffmpeg: String?, ffprobe: String?) {
        self.ffmpeg = ffmpeg
        self.ffprobe = ffprobe
    }

    /// The tools as `environment` says: its overrides, else its `PATH`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> ClipTools {
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return ClipTools(
            ffmpeg: find(environment["HAILUO_FFMPEG"] ?? "ffmpeg", on: searchPath),
            ffprobe: find(environment["HAILUO_FFPROBE"] ?? "ffprobe", on: searchPath))
    }

    /// Whether both tools are there.
    public var isComplete: Bool { ffmpeg != nil && ffprobe != nil }

    /// ffmpeg's path, or the "not installed" reason.
    func requireFFmpeg() throws(PreviewError) -> String {
        guard let ffmpeg else { throw PreviewError(Self.notInstalledReason) }
        return ffmpeg
    }

    /// ffprobe's path, or the "not installed" reason.
    func requireFFprobe() throws(PreviewError) -> String {
        guard let ffprobe else { throw PreviewError(Self.notInstalledReason) }
        return ffprobe
    }

    /// `name` itself when it holds a `/`, else the first executable `name` in `searchPath`'s folders.
    private static func find(_ name: String, on searchPath: String) -> String? {
        guard !name.isEmpty else { return nil }
        if name.contains("/") { return isExecutableFile(name) ? name : nil }
        for folder in searchPath.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
