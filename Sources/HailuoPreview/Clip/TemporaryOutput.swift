import Foundation
import HailuoCore

/// A hidden temporary file beside a destination, moved over it in one `rename` once complete, so
/// that a reader never sees half a PNG.
struct TemporaryOutput {
    /// The temporary file's path (in the destination's folder, so the rename stays on one disk).
    let path: String
    let destination: String

    init(for destination: String, suffix: String = ".png") {
        self.destination = destination
        let folder = (destination as NSString).deletingLastPathComponent
        let name = ".hailuo-\(UUID().uuidString.prefix(12))\(suffix)"
        path = folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
    }

    /// Whether the temporary file exists and is not empty.
    var isWritten: Bool {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0) > 0
    }

    /// Moves the temporary file over the destination.
    func commit() throws(PreviewError) {
        guard rename(path, destination) == 0 else {
            let why = String(cString: strerror(errno)).lowercased()
            discard()
            throw PreviewError("cannot write \(InertText.quoted(destination)): \(why)")
        }
    }

    /// Removes the temporary file if it is there.
    func discard() {
        unlink(path)
    }
}
