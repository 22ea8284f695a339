import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A new, empty folder under the system's temporary folder, for one test or one benchmark run.
public struct TemporaryFolder: Sendable {
    /// The folder, with symbolic links in the temporary folder's path resolved (so paths the code
    /// under test resolves compare equal to paths made here).
    public let url: URL

    /// The folder's path.
    public var path: String { url.path }

    /// Creates `<temporary folder>/<prefix>-<unique suffix>`.
    public init(_ prefix: String = "hailuo-test") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        guard let resolved = realpath(base.path, nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: base.path])
        }
        defer { free(resolved) }
        url = URL(fileURLWithPath: String(cString: resolved), isDirectory: true)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Writes `bytes` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Removes the folder and everything in it (see ``remove(_:)``).
    public func remove() {
        Self.remove(url)
    }

    /// Removes `folder` and everything in it, first making every entry accessible again (tests
    /// take permissions away to make files unreadable). Failures are ignored: it is cleanup.
    public static func remove(_ folder: URL) {
        if let entries = FileManager.default.enumerator(atPath: folder.path) {
            for case let entry as String in entries {
                chmod(folder.appendingPathComponent(entry).path, 0o700)
            }
        }
        try? FileManager.default.removeItem(at: folder)
    }
}
