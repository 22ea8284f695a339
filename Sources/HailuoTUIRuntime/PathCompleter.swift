import Foundation
import HailuoCore
import HailuoTUI
import TUIKit

/// Path candidates for Tab in an image field: what is typed, completed against the file system.
public enum PathCompleter {
    /// At most this many candidates are returned.
    public static let limit = 200

    /// Candidates for `typed`, in the form the user typed (a leading `~` stays `~`); folders end
    /// with `/`. Hidden entries are offered only when the typed name starts with a dot.
    public static func candidates(for typed: String, home: String?, currentDirectory: String) -> [String] {
        let slash = typed.lastIndex(of: "/")
        let typedFolder = slash.map { String(typed[...$0]) } ?? ""
        let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        var folder = typedFolder.hasPrefix("~") ? ImagePreflight.expand(typedFolder, home: home) : typedFolder
        if !folder.hasPrefix("/") { folder = currentDirectory + "/" + folder }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        let showHidden = namePrefix.hasPrefix(".")
        var result: [String] = []
        for name in names.sorted() where name.hasPrefix(namePrefix) && (showHidden || !name.hasPrefix(".")) {
            var isFolder: ObjCBool = false
            let full = (folder as NSString).appendingPathComponent(name)
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isFolder)
            result.append(typedFolder + name + (isFolder.boolValue ? "/" : ""))
            if result.count >= limit { break }
        }
        return result
    }
}

/// The preflight verdict on an image field's text, in words.
public enum ImageVerdicts {
    /// Reads the header only (never blocks on a FIFO or a device) and says what it found.
    public static func verdict(for reference: String, home: String?) -> ImageVerdict {
        do {
            let inspection = try ImagePreflight.inspect(reference, home: home)
            // The view adds its own check mark (ASCII terminals get "ok").
            let summary = inspection.summary.replacingOccurrences(of: " ✓", with: "")
            let pixelSize = inspection.width.flatMap { width in
                inspection.height.map { Size(width: width, height: $0) }
            }
            return ImageVerdict(
                reference: reference, isUsable: true, summary: summary, localPath: inspection.path,
                pixelSize: pixelSize, isRemote: inspection.path == nil)
        } catch {
            return ImageVerdict(reference: reference, isUsable: false, summary: error.description)
        }
    }
}
