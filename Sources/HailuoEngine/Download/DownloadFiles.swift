import Foundation

/// File-system steps of a download: the folder, the `.part` file, the MP4 check and the final rename.
///
/// Every path handed out here has been checked to sit directly inside the (symlink-resolved)
/// download folder, and a `.part` or target that is a symbolic link is refused.
enum DownloadFiles {
    /// Creates `folder` (with its parents) and returns it standardized with symlinks resolved.
    static func prepareFolder(_ folder: URL) throws(DownloadError) -> URL {
        let standardized = folder.standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: standardized, withIntermediateDirectories: true)
        } catch {
            throw .fileSystem("cannot create the folder \(standardized.path) (\(reason(error)))")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: standardized.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw .fileSystem("\(standardized.path) is not a folder")
        }
        return standardized.resolvingSymlinksInPath().standardizedFileURL
    }

    /// `folder/name`, after checking that `name` is one plain component and that the result,
    /// symlinks resolved, is directly inside `folder` and is not itself a symbolic link.
    static func child(_ name: String, of folder: URL) throws(DownloadError) -> URL {
        guard !name.isEmpty, !name.contains("/"), !name.contains("\0"), !name.hasPrefix("."),
            !name.hasPrefix("-"), !name.contains("..")
        else {
            throw .outsideFolder
        }
        let url = folder.appendingPathComponent(name).standardizedFileURL
        let parent = url.deletingLastPathComponent().resolvingSymlinksInPath().standardizedFileURL
        guard parent.path == folder.path, url.lastPathComponent == name else { throw .outsideFolder }
        if kind(of: url) == .typeSymbolicLink { throw .outsideFolder }
        return url
    }

    /// The size of the `.part` file, or 0 when there is none.
    static func partialSize(_ url: URL) throws(DownloadError) -> Int64 {
        guard let type = kind(of: url) else { return 0 }
        guard type == .typeRegular else {
            throw .fileSystem("\(url.path) is in the way and is not a regular file")
        }
        return size(of: url)
    }

    /// Opens the `.part` file for writing (creating it) with its length set to `offset`.
    static func openPart(_ url: URL, at offset: Int64) throws(DownloadError) -> FileHandle {
        do {
            if kind(of: url) == nil {
                guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                    throw DownloadError.fileSystem("cannot create \(url.path)")
                }
            }
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(max(0, offset)))
            return handle
        } catch let error as DownloadError {
            throw error
        } catch {
            throw .fileSystem("cannot open \(url.path) for writing (\(reason(error)))")
        }
    }

    /// Checks the finished `.part`: not empty, and bytes 4..<8 are `ftyp`.
    ///
    /// An empty file is removed; a file that is not an MP4 is renamed to `bad` (replacing an
    /// older one) so that the next try starts afresh and the evidence stays for a look.
    static func verifyMP4(_ part: URL, badURL: URL) throws(DownloadError) {
        let length = size(of: part)
        if length == 0 {
            try? FileManager.default.removeItem(at: part)
            throw .empty
        }
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: part)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw .fileSystem("cannot read \(part.path) (\(reason(error)))")
        }
        if !isMP4Header(head) {
            try? FileManager.default.removeItem(at: badURL)
            try? FileManager.default.moveItem(at: part, to: badURL)
            throw .notMP4
        }
    }

    /// Whether `head` starts like an ISO base media file: a box whose type (bytes 4..<8) is `ftyp`.
    static func isMP4Header(_ head: Data) -> Bool {
        guard head.count >= 8 else { return false }
        let start = head.startIndex
        return Array(head[(start + 4)..<(start + 8)]) == Array("ftyp".utf8)
    }

    /// Renames `part` to `target`, refusing to replace anything already there.
    static func publish(_ part: URL, as target: URL) throws(DownloadError) {
        do {
            try FileManager.default.moveItem(at: part, to: target)
        } catch {
            throw .fileSystem(
                "cannot rename \(part.lastPathComponent) to \(target.lastPathComponent) (\(reason(error)))")
        }
    }

    /// Writes `data` to `url` atomically.
    static func writeAtomically(_ data: Data, to url: URL) throws(DownloadError) {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw .fileSystem("cannot write \(url.path) (\(reason(error)))")
        }
    }

    /// The type of what is at `url`, without following a final symbolic link; `nil` if nothing.
    static func kind(of url: URL) -> FileAttributeType? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return nil }
        if let type = attributes[.type] as? FileAttributeType { return type }
        if let raw = attributes[.type] as? String { return FileAttributeType(rawValue: raw) }
        return nil
    }

    /// The size in bytes of what is at `url` (0 if unknown).
    static func size(of url: URL) -> Int64 {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return 0 }
        switch attributes[.size] {
        case let value as UInt64: return Int64(clamping: value)
        case let value as Int64: return value
        case let value as Int: return Int64(value)
        case let value as NSNumber: return value.int64Value
        default: return 0
        }
    }

    /// A short reason for a Foundation error, without the localized boilerplate when possible.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return nsError.localizedDescription
    }
}
