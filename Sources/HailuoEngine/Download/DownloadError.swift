import Foundation

/// Why a download did not produce a video file. Each case reads as one plain sentence.
public enum DownloadError: Error, Equatable, CustomStringConvertible {
    /// The signed link's `Expires=` time has passed (at the given time).
    case expired(Date)
    /// The server answered with an error status; `message` is a short excerpt of its answer.
    case http(status: Int, message: String)
    /// The connection failed or broke off, or no data arrived in time; the `.part` file is kept.
    case network(String)
    /// The file has no MP4 `ftyp` box where one must be; it was set aside as `<name>.bad`.
    case notMP4
    /// The server sent no bytes at all.
    case empty
    /// The file would have landed outside the download folder.
    case outsideFolder
    /// Creating, writing or renaming a file failed.
    case fileSystem(String)
    /// The job has no video link (yet).
    case noURL
    /// The download was cancelled; the `.part` file is kept for the next try.
    case cancelled

    /// A sentence ready to show.
    public var description: String {
        switch self {
        case .expired(let date):
            return "The video link expired at \(Self.format(date)); links live about 9 hours — "
                + "poll the job again for a fresh link, or generate the clip again."
        case .http(let status, let message):
            let detail = message.isEmpty ? "" : ": \(message)"
            return "The video server answered HTTP \(status)\(detail)."
        case .network(let reason):
            return "The download was interrupted (\(reason)); the partial file is kept and the next try resumes it."
        case .notMP4:
            return
                "The downloaded file is not an MP4 video (it has no 'ftyp' box); it was kept with the extension .bad."
        case .empty:
            return "The video server sent an empty file."
        case .outsideFolder:
            return "The video file would have been written outside the download folder, so nothing was saved."
        case .fileSystem(let reason):
            return "The video could not be saved: \(reason)."
        case .noURL:
            return "The job has no video link to download yet."
        case .cancelled:
            return "The download was cancelled; the partial file is kept and the next try resumes it."
        }
    }

    /// `yyyy-MM-dd HH:mm:ss UTC`, independent of locale.
    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int = 2) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(p.year, 4))-\(pad(p.month))-\(pad(p.day)) \(pad(p.hour)):\(pad(p.minute)):\(pad(p.second)) UTC"
    }
}
