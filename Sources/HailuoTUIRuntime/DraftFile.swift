import Foundation
import HailuoTUI

/// The unsent draft on disk: one small JSON file beside the job store, readable only by you.
public struct DraftFile: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The kept draft, or `nil` when there is none (or it cannot be read: a draft is a
    /// convenience, never a reason to refuse to start).
    public func load() -> Draft? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(Draft.self, from: data)
    }

    /// Keeps `draft`, or removes the file when there is nothing to keep.
    public func save(_ draft: Draft?) {
        guard let draft else {
            try? FileManager.default.removeItem(at: url)
            return
        }
        guard let data = try? JSONEncoder().encode(draft) else { return }
        let temporary = url.appendingPathExtension("tmp")
        let created = FileManager.default.createFile(
            atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        guard created else { return }
        // rename(2) replaces the old draft in one step: a crash leaves the old or the new one.
        if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
}
