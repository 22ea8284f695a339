import Foundation
import HailuoTUI
import HailuoTestSupport
import Testing

@testable import HailuoTUIRuntime

@Suite("The draft file")
struct DraftFileTests {
    @Test func theFileKeepsAndForgetsADraftPrivately() throws {
        let folder = try TemporaryFolder("hailuo-draft")
        defer { folder.remove() }
        let file = DraftFile(url: folder.url.appendingPathComponent("draft.json"))
        #expect(file.load() == nil)
        let draft = Draft(prompt: "keep me 🎬", lastFrame: "/tmp/end.png")
        file.save(draft)
        #expect(file.load() == draft)
        let mode = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        file.save(nil)
        #expect(!FileManager.default.fileExists(atPath: file.url.path))
        try Data("not json".utf8).write(to: file.url)
        #expect(file.load() == nil, "an unreadable draft is ignored, never fatal")
    }
}
