import Foundation
import HailuoCore
import HailuoPreview
import HailuoTUI
import HailuoWorkers
import TUIKit

/// Makes the screen's pictures off the UI thread, one at a time on its own thread (decoding and
/// ffmpeg never hold the engine's threads), and posts each result back as a ``Msg``. The thread
/// starts with the first picture and sleeps between them (no libdispatch pool, whose monitor
/// would then wake the process every second for good).
final class PictureMaker: Sendable {
    private let home: String?
    private let currentDirectory: String
    private let post: @Sendable (Msg) -> Void
    private let worker = WorkerPool(name: "hailuo-pics", width: 1)

    init(home: String?, currentDirectory: String, post: @escaping @Sendable (Msg) -> Void) {
        self.home = home
        self.currentDirectory = currentDirectory
        self.post = post
    }

    deinit { worker.stop() }

    /// Starts making `request`'s picture; returns at once.
    func make(_ request: PictureRequest) {
        worker.run { [self] in
            post(.pictureMade(request, Self.outcome(for: request, resolve: resolve)))
        }
    }

    /// Writes the last frame of `video` beside it and posts its path (or why not).
    func extractLastFrame(jobID: String, video: String) {
        worker.run { [post] in
            let output = Self.lastFramePath(for: video)
            do throws(PreviewError) {
                try ClipReader.extractFrame(video: video, at: .last, to: output)
                post(.lastFrameExtracted(jobID: jobID, path: output))
            } catch {
                post(.actionFinished(text: "cannot take the last frame of \(jobID): \(error.reason)", isError: true))
            }
        }
    }

    /// `clip.mp4` → `clip.last.png`, beside the video (as `hailuo frame ID --last` writes it).
    static func lastFramePath(for video: String) -> String {
        let url = URL(fileURLWithPath: video)
        return url.deletingPathExtension().path + ".last.png"
    }

    /// The picture, or why there is none, for `request`.
    static func outcome(for request: PictureRequest, resolve: (String) -> String) -> PictureOutcome {
        let symbols: CellArtSymbols = request.symbols == .ascii ? .ascii : .unicode
        do {
            switch request.source {
            case .image(let reference):
                let image = try ImageDecoder.decode(
                    fileAt: resolve(reference), atLeast: CellArt.pixelsNeeded(for: request.box))
                let picture = CellArt.render(image, fitting: request.box, depth: request.depth, symbols: symbols)
                return .pictures([picture], clip: nil)
            case .clipStrip(let video, let count):
                guard ClipReader.isAvailable else {
                    return .unavailable("no clip frames: ffmpeg is not installed (Debian: apt install ffmpeg)")
                }
                let clip = try ClipReader.probe(video: video)
                let frames = try ClipReader.stripFrames(video: video, count: count).map { path in
                    let image = try ImageDecoder.decode(
                        fileAt: path, atLeast: CellArt.pixelsNeeded(for: request.box))
                    return CellArt.render(image, fitting: request.box, depth: request.depth, symbols: symbols)
                }
                return .pictures(frames, clip: clip)
            case .clipMiddle(let video):
                guard ClipReader.isAvailable else {
                    return .unavailable("no clip frames: ffmpeg is not installed (Debian: apt install ffmpeg)")
                }
                let clip = try ClipReader.probe(video: video)
                let paths = try ClipReader.stripFrames(video: video, count: 3)
                let image = try ImageDecoder.decode(
                    fileAt: paths[paths.count / 2], atLeast: CellArt.pixelsNeeded(for: request.box))
                let picture = CellArt.render(image, fitting: request.box, depth: request.depth, symbols: symbols)
                return .pictures([picture], clip: clip)
            }
        } catch let error as PreviewError {
            return .unavailable("cannot preview: \(error.reason)")
        } catch {
            return .unavailable("cannot preview: \(error)")
        }
    }

    /// A reference as typed, as a path: `~` is the home folder, relative paths start at the
    /// folder hailuo was started in.
    private func resolve(_ reference: String) -> String {
        if reference == "~" { return home ?? reference }
        if reference.hasPrefix("~/"), let home { return home + reference.dropFirst(1) }
        if reference.hasPrefix("/") { return reference }
        return URL(fileURLWithPath: currentDirectory).appendingPathComponent(reference).path
    }
}
