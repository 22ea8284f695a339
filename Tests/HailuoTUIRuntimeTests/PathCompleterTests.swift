import Foundation
import HailuoCore
import HailuoTUI
import HailuoTestSupport
import Testing

@testable import HailuoTUIRuntime

@Suite("Path completion and image verdicts")
struct PathCompleterTests {
    /// A folder with `shots/boat.png`, `shots/boats/`, `shots/.hidden.png`, `bridge.jpg`.
    private static func tree() throws -> URL {
        let root = try TemporaryFolder("hailuo-complete").url
        let shots = root.appendingPathComponent("shots")
        try FileManager.default.createDirectory(
            at: shots.appendingPathComponent("boats"), withIntermediateDirectories: true)
        try Data(SyntheticImage.png(width: 1280, height: 720)).write(to: shots.appendingPathComponent("boat.png"))
        try Data([1, 2, 3]).write(to: shots.appendingPathComponent(".hidden.png"))
        try Data([1, 2, 3]).write(to: root.appendingPathComponent("bridge.jpg"))
        return root
    }

    @Test func completesInTheTypedFormWithFoldersMarked() throws {
        let root = try Self.tree()
        defer { TemporaryFolder.remove(root) }
        let typed = root.path + "/shots/boa"
        let found = PathCompleter.candidates(for: typed, home: nil, currentDirectory: "/")
        #expect(found == [root.path + "/shots/boat.png", root.path + "/shots/boats/"])
    }

    @Test func tildeStaysTildeAndRelativePathsUseTheCurrentFolder() throws {
        let root = try Self.tree()
        defer { TemporaryFolder.remove(root) }
        #expect(PathCompleter.candidates(for: "~/br", home: root.path, currentDirectory: "/") == ["~/bridge.jpg"])
        #expect(PathCompleter.candidates(for: "shots/b", home: nil, currentDirectory: root.path).count == 2)
        #expect(PathCompleter.candidates(for: "br", home: nil, currentDirectory: root.path) == ["bridge.jpg"])
    }

    @Test func hiddenEntriesOnlyWhenADotIsTyped() throws {
        let root = try Self.tree()
        defer { TemporaryFolder.remove(root) }
        let all = PathCompleter.candidates(for: root.path + "/shots/", home: nil, currentDirectory: "/")
        #expect(!all.contains { $0.hasSuffix(".hidden.png") })
        let dotted = PathCompleter.candidates(for: root.path + "/shots/.", home: nil, currentDirectory: "/")
        #expect(dotted == [root.path + "/shots/.hidden.png"])
    }

    @Test func aMissingFolderGivesNoCandidates() {
        #expect(PathCompleter.candidates(for: "/no/such/folder/x", home: nil, currentDirectory: "/").isEmpty)
    }

    @Test func verdictsSayWhatWasFoundOrWhyNot() throws {
        let root = try Self.tree()
        defer { TemporaryFolder.remove(root) }
        let good = ImageVerdicts.verdict(for: root.path + "/shots/boat.png", home: nil)
        #expect(good.isUsable)
        #expect(good.summary.hasPrefix("PNG 1280x720"))
        #expect(!good.summary.contains("✓"), "the view adds its own mark (ASCII terminals get another)")
        let bad = ImageVerdicts.verdict(for: root.path + "/bridge.jpg", home: nil)
        #expect(!bad.isUsable)
        #expect(!bad.summary.isEmpty)
        let folder = ImageVerdicts.verdict(for: root.path + "/shots", home: nil)
        #expect(folder.summary.contains("folder"))
    }
}
