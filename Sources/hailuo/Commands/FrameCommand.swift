import ArgumentParser
import Foundation
import HailuoCore
import HailuoPreview

/// `hailuo frame ID --last | --at SECONDS`: one frame of a job's downloaded video as a PNG.
struct FrameCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Save one frame of a job's downloaded video as a PNG and print its path.",
        discussion: """
            The PNG goes beside the video (<video name>.last.png or <video name>.at-<seconds>s.png) \
            unless --to names a file. --last is the clip's real last frame, ready to start the next \
            clip from. Needs ffmpeg (Debian: apt install ffmpeg).

            Exit codes: 0 written; 2 unknown job, no downloaded video, a time outside the clip, \
            an unreadable clip, ffmpeg missing, or bad flags.

            Examples:
              hailuo frame k3f9x2ab --last
              hailuo frame k3f9 --at 2.5 --to still.png --json
            """)

    @Argument(help: ArgumentHelp("Local id, generation id, or an unambiguous id prefix.", valueName: "id"))
    var id: String

    @Flag(help: "The clip's last frame.")
    var last = false

    @Option(help: ArgumentHelp("The frame this many seconds from the start.", valueName: "seconds"))
    var at: Double?

    @Option(help: ArgumentHelp("Where to write the PNG (default: beside the video).", valueName: "file"))
    var to: String?

    @Flag(help: "Print one JSON object: path, width, height, at_seconds.")
    var json = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard last != (at != nil) else {
            throw ValidationError("give exactly one of --last and --at SECONDS")
        }
    }

    func run() async throws {
        let position: FramePosition = at.map { .seconds($0) } ?? .last
        let store = try StoreAccess.open(global)
        let job = try StoreAccess.resolve(id) { try store?.resolve($0) }
        guard let video = job.filePath, FileManager.default.fileExists(atPath: video) else {
            throw CLIFailure(.usage, "job \(job.id) has no downloaded video yet: hailuo download \(job.id)")
        }
        let output = to.map { NSString(string: $0).expandingTildeInPath } ?? Self.defaultOutput(video, position)
        let frame: ExtractedFrame
        do {
            frame = try ClipReader.extractFrame(video: video, at: position, to: output)
        } catch {
            throw CLIFailure(.usage, "frame of job \(job.id): \(Console.message(error.reason))")
        }
        if json {
            Console.out(Self.jsonLine(frame))
        } else {
            Console.out(frame.path)
        }
    }

    /// `<video without extension>.<label>.png`, beside the video.
    static func defaultOutput(_ video: String, _ position: FramePosition) -> String {
        (video as NSString).deletingPathExtension + ".\(position.fileLabel).png"
    }

    static func jsonLine(_ frame: ExtractedFrame) -> String {
        let object: [String: Any] = [
            "path": frame.path, "width": frame.width, "height": frame.height,
            "at_seconds": (frame.atSeconds * 1000).rounded() / 1000,
        ]
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
