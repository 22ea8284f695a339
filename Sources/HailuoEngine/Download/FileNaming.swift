import Foundation
import HailuoCore

/// Names for downloaded clips: `<yyyyMMdd-HHmm>-<prompt-slug>-<short-id>.mp4`.
///
/// Every name is made of `[a-z0-9.-]` only, starts with a digit, and never holds `/` or `..`,
/// so it can never point outside the download folder.
public enum FileNaming {
    /// The longest slug taken from a prompt.
    public static let maxSlugLength = 40

    /// The file name for a job's video, from its creation time, its prompt and its local id.
    ///
    /// - Parameters:
    ///   - job: the job; `createdAt`, `parameters.prompt` and `id` are used.
    ///   - timeZone: the zone the time stamp is written in (the user's, by default).
    public static func fileName(for job: Job, timeZone: TimeZone = .current) -> String {
        "\(timeStamp(job.createdAt, timeZone: timeZone))-\(slug(job.parameters.prompt))-\(shortID(job.id)).mp4"
    }

    /// `yyyyMMdd-HHmm` in the given zone, with Western digits whatever the locale.
    public static func timeStamp(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(max(0, value ?? 0))
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2) + "-"
            + pad(parts.hour, 2) + pad(parts.minute, 2)
    }

    /// A lower-case ASCII slug of a prompt.
    ///
    /// Accents are folded (`é` → `e`, `ß` → `ss`), only `[a-z0-9]` is kept, every other run of
    /// characters becomes one `-`, and `-` is trimmed from both ends. A slug longer than
    /// ``maxSlugLength`` is cut at a `-` when that keeps at least half of it, else cut hard.
    /// When nothing is left (a prompt in CJK or emoji only) the slug is `video`.
    public static func slug(_ prompt: String, maxLength: Int = maxSlugLength) -> String {
        let folded = prompt.folding(
            options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive],
            locale: Locale(identifier: "en_US_POSIX")
        ).lowercased()
        var result = ""
        var pendingDash = false
        func append(_ scalar: Unicode.Scalar) {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        for scalar in folded.unicodeScalars {
            if let spelled = latinLetters[scalar] {
                spelled.unicodeScalars.forEach(append)
            } else {
                append(scalar)
            }
        }
        result = capped(result, maxLength: max(1, maxLength))
        return result.isEmpty ? "video" : result
    }

    /// The job id reduced to `[a-z0-9]`, at most 16 characters; `job` if nothing is left.
    public static func shortID(_ id: String) -> String {
        let kept = id.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
        let text = String(String.UnicodeScalarView(kept.prefix(16)))
        return text.isEmpty ? "job" : text
    }

    /// A name like `name` that is free in `folder`: `name` itself, else `<stem>-2.mp4`,
    /// `<stem>-3.mp4`, …
    ///
    /// A name counts as taken when the file or its sidecar (`<stem>.json`) exists, a dangling
    /// symbolic link included.
    public static func availableFileName(_ name: String, in folder: URL) -> String {
        let (stem, ext) = split(name)
        func isFree(_ candidateStem: String) -> Bool {
            !exists(folder.appendingPathComponent(candidateStem + ext))
                && !exists(folder.appendingPathComponent(candidateStem + ".json"))
        }
        if isFree(stem) { return name }
        var counter = 2
        while counter < 100_000 {
            if isFree("\(stem)-\(counter)") { return "\(stem)-\(counter)\(ext)" }
            counter += 1
        }
        let unique = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return "\(stem)-\(unique.prefix(12))\(ext)"
    }

    /// The sidecar name for a video file name: `<stem>.json`.
    public static func sidecarName(for videoName: String) -> String {
        split(videoName).stem + ".json"
    }

    // MARK: - Helpers

    /// Letters that folding leaves alone but that have a plain Latin spelling.
    private static let latinLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ı": "i", "ħ": "h", "ŋ": "n",
    ]

    private static func capped(_ slug: String, maxLength: Int) -> String {
        guard slug.count > maxLength else { return slug }
        let chars = Array(slug)
        var cut = maxLength
        if chars[maxLength] != "-",
            let dash = chars[0..<maxLength].lastIndex(of: "-"), dash >= maxLength / 2
        {
            cut = dash
        }
        var result = String(chars[0..<cut])
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    private static func split(_ name: String) -> (stem: String, ext: String) {
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return (String(name[..<dot]), String(name[dot...]))
        }
        return (name, "")
    }

    /// Whether anything is at the path, without following a final symbolic link.
    private static func exists(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil
    }
}
