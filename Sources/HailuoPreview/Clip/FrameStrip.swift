import Foundation
import HailuoCore

/// Small frames spread over a clip, cached in a hidden folder beside it:
/// `<folder>/.<video name>.frames/<position>-of-<count>.<version>.png`, where the version is the
/// video's size and modification time, so a changed video gets new frames (the old ones are removed).
public struct FrameStrip: Sendable {
    /// The widest a strip frame is (wider clips are scaled down, keeping their shape).
    public static let maximumWidth = 320
    /// The most frames one strip holds.
    public static let maximumCount = 32

    let video: String
    let count: Int

    init(video: String, count: Int) {
        self.video = video
        self.count = count
    }

    /// The cache folder for `video`.
    public static func cacheFolder(forVideo video: String) -> String {
        let url = URL(fileURLWithPath: video)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).frames").path
    }

    /// The cached frames' paths, made first when missing.
    func paths(timeout: Duration, tools: ClipTools) throws(PreviewError) -> [String] {
        guard count > 0 else { return [] }
        guard count <= Self.maximumCount else {
            throw PreviewError("a strip holds at most \(Self.maximumCount) frames, not \(count)")
        }
        try ClipReader.requireFile(video)
        let folder = Self.cacheFolder(forVideo: video)
        guard let version = FileVersion(path: video) else {
            throw PreviewError("no video at \(InertText.quoted(video))")
        }
        let names = fileNames(version: version.tag)
        let paths = names.map { (folder as NSString).appendingPathComponent($0) }
        if paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) { return paths }

        let ffmpeg = try tools.requireFFmpeg()
        let info = try ClipReader.probe(video: video, tools: tools)
        try makeFolder(folder)
        let temporaries = paths.map { TemporaryOutput(for: $0) }
        defer { temporaries.forEach { $0.discard() } }
        let arguments = StripArguments.make(
            video: video, times: times(duration: info.durationSeconds), outputs: temporaries.map(\.path))
        let outcome = try ChildProcess(executable: ffmpeg, arguments: arguments, displayName: "ffmpeg")
            .run(timeout: timeout)
        guard outcome.succeeded, temporaries.allSatisfy(\.isWritten) else {
            throw PreviewError(ClipProbe.unreadableReason)
        }
        for temporary in temporaries { try temporary.commit() }
        removeStaleFrames(in: folder, version: version.tag)
        return paths
    }

    /// Where each frame is taken: evenly spaced from 0, the last one `nil` (the real last frame).
    func times(duration: Double) -> [Double?] {
        guard count > 1 else { return [0] }
        return (0..<count - 1).map { duration * Double($0) / Double(count - 1) } + [nil]
    }

    /// The frames' file names for the video's version `version`.
    private func fileNames(version: String) -> [String] {
        let digits = String(count).count
        return (1...count).map { position in
            let padded = String(repeating: "0", count: digits - String(position).count) + String(position)
            return "\(padded)-of-\(count).\(version).png"
        }
    }

    private func makeFolder(_ folder: String) throws(PreviewError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw PreviewError("cannot make the frames folder beside the video: \(InertText.quoted(folder))")
        }
    }

    /// Removes frames of other versions of the video. Frames of this version with another count
    /// stay (another view may use them); hidden files (another run's temporaries) are left alone.
    private func removeStaleFrames(in folder: String, version: String) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for entry in entries where entry.hasSuffix(".png") && !entry.hasPrefix(".") {
            guard !entry.hasSuffix(".\(version).png") else { continue }
            unlink((folder as NSString).appendingPathComponent(entry))
        }
    }
}

/// A file's size and modification time, which change when it is rewritten.
struct FileVersion: Hashable {
    var size: Int64
    var modifiedNanoseconds: Int64

    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        size = Int64(status.st_size)
        #if canImport(Darwin)
            let time = status.st_mtimespec
        #else
            let time = status.st_mtim
        #endif
        modifiedNanoseconds = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// "<size>b<nanoseconds>", for file names.
    var tag: String { "\(size)b\(modifiedNanoseconds)" }
}
