import Foundation
import HailuoCore

/// ffprobe's report on a clip, read into ``ClipInfo``.
enum ClipProbe {
    /// The reason for a file ffprobe or ffmpeg cannot read as a video.
    static let unreadableReason = "the clip is truncated or not a video"

    static func arguments(video: String) -> [String] {
        [
            "-v", "error", "-print_format", "json", "-show_entries",
            "format=duration:stream=codec_type,codec_name,width,height", "-i", FFmpegArguments.input(video),
        ]
    }

    /// The first video stream's size and codec and the container's duration, from ffprobe's JSON.
    static func parse(_ json: [UInt8]) throws(PreviewError) -> ClipInfo {
        guard let report = try? JSONDecoder().decode(Report.self, from: Data(json)),
            let stream = report.streams?.first(where: { $0.codec_type == "video" }),
            let width = stream.width, let height = stream.height, width > 0, height > 0,
            let durationText = report.format?.duration, let duration = Double(durationText),
            duration.isFinite, duration > 0
        else { throw PreviewError(unreadableReason) }
        return ClipInfo(durationSeconds: duration, width: width, height: height, codec: stream.codec_name ?? "unknown")
    }

    private struct Report: Decodable {
        var streams: [Stream]?
        var format: Format?
    }

    private struct Stream: Decodable {
        var codec_type: String?
        var codec_name: String?
        var width: Int?
        var height: Int?
    }

    private struct Format: Decodable {
        var duration: String?
    }
}
