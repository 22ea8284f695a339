import Crypto
import Foundation

/// A batch row's identity: a hash of its normalized request — every parameter, and for a local
/// image the SHA-256 of its content rather than its path — plus an occurrence index, so two
/// identical rows in one file are two jobs, and running the file again matches each to its job.
public enum BatchRowKey {
    /// The key of `parameters` whose local images hash to `firstFrameSHA256`/`lastFrameSHA256`,
    /// the `occurrence`-th (0-based) row of the file with this request.
    public static func make(
        _ parameters: GenerationParameters, firstFrameSHA256: String?, lastFrameSHA256: String?, occurrence: Int
    ) -> String {
        let normal = request(parameters, firstFrameSHA256: firstFrameSHA256, lastFrameSHA256: lastFrameSHA256)
        let digest = SHA256.hash(data: Data((normal + "\u{1E}\(occurrence)").utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The request as one string: the same clip asked for the same way gives the same string.
    public static func request(
        _ p: GenerationParameters, firstFrameSHA256: String?, lastFrameSHA256: String?
    ) -> String {
        func image(_ reference: String?, _ sha: String?) -> String {
            if let sha { return "sha256:" + sha }
            return reference.map { "ref:" + $0 } ?? "none"
        }
        var parts = [
            p.model.rawValue, p.prompt, p.promptOptimizer ? "1" : "0", String(p.duration), p.resolution.rawValue,
            image(p.firstFrame, firstFrameSHA256), image(p.lastFrame, lastFrameSHA256),
        ]
        // H3's inputs only when given, so the keys of rows written before they existed stay the same.
        if let ratio = p.ratio { parts.append("ratio:" + ratio.rawValue) }
        for kind in ReferenceKind.allCases where !p.references(kind).isEmpty {
            parts.append("\(kind.rawValue):" + p.references(kind).joined(separator: "\u{1D}"))
        }
        return parts.joined(separator: "\u{1F}")
    }

    /// SHA-256 (lowercase hex) of the file at `path`, or `nil` when it cannot be read.
    public static func fileSHA256(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
