import HailuoCore

/// The composer's one-line references field (H3, H3 Max): references separated by spaces, each an
/// image unless it says otherwise. A link ending in a video or audio extension is a video or an
/// audio clip; `video:` / `audio:` / `image:` before a link says so outright.
enum ReferenceText {
    static let videoExtensions: Set<String> = ["mp4", "mov", "webm", "mkv", "m4v", "avi"]
    static let audioExtensions: Set<String> = ["mp3", "wav", "m4a", "aac", "ogg", "flac", "opus"]

    /// The references in `text`, sorted by kind, in the order typed.
    static func parse(_ text: String) -> [ReferenceKind: [String]] {
        var found: [ReferenceKind: [String]] = [:]
        for word in text.split(whereSeparator: \.isWhitespace).map(String.init) {
            let (kind, value) = classify(word)
            guard !value.isEmpty else { continue }
            found[kind, default: []].append(value)
        }
        return found
    }

    /// One word's kind and value (without its `kind:` prefix).
    static func classify(_ word: String) -> (ReferenceKind, String) {
        for kind in ReferenceKind.allCases where word.lowercased().hasPrefix(kind.rawValue + ":") {
            return (kind, String(word.dropFirst(kind.rawValue.count + 1)))
        }
        let path = word.split(separator: "?", maxSplits: 1).first.map(String.init) ?? word
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if path.contains("."), videoExtensions.contains(ext) { return (.video, word) }
        if path.contains("."), audioExtensions.contains(ext) { return (.audio, word) }
        return (.image, word)
    }

    /// The field's text for `parameters`' references: prefixes only where the extension would
    /// not say the kind.
    static func format(_ parameters: GenerationParameters) -> String {
        ReferenceKind.allCases.flatMap { kind in
            parameters.references(kind).map { value in
                classify(value) == (kind, value) ? value : "\(kind.rawValue):\(value)"
            }
        }.joined(separator: " ")
    }

    /// `2 images · 1 video · 1 audio` for the field's note.
    static func summary(_ found: [ReferenceKind: [String]], separator: String) -> String {
        let parts = ReferenceKind.allCases.compactMap { kind -> String? in
            guard let count = found[kind]?.count, count > 0 else { return nil }
            let noun: String
            switch kind {
            case .image: noun = count == 1 ? "image" : "images"
            case .video: noun = count == 1 ? "video" : "videos"
            case .audio: noun = "audio"
            }
            return "\(count) \(noun)"
        }
        return parts.joined(separator: " \(separator) ")
    }
}
