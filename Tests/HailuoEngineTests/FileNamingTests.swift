import Foundation
import HailuoCore
import HailuoTestSupport
import Testing

@testable import HailuoEngine

@Suite("FileNaming")
struct FileNamingTests {
    private static let utc = TimeZone(identifier: "UTC")!

    /// 2025-03-04 05:06:07 UTC.
    private static let created = Date(timeIntervalSince1970: 1_741_064_767)

    private func job(prompt: String, id: String = "ab12cd34") -> Job {
        Job.fixture(id: id, phase: .completed, prompt: prompt, createdAt: Self.created)
    }

    @Test("a plain prompt gives <stamp>-<slug>-<id>.mp4")
    func plain() {
        let name = FileNaming.fileName(for: job(prompt: "A cat, surfing at dawn!"), timeZone: Self.utc)
        #expect(name == "20250304-0506-a-cat-surfing-at-dawn-ab12cd34.mp4")
    }

    @Test("the time stamp follows the given zone")
    func timeZone() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(FileNaming.fileName(for: job(prompt: "x"), timeZone: tokyo) == "20250304-1406-x-ab12cd34.mp4")
    }

    @Test("accents fold, special Latin letters are spelled out, full-width forms narrow")
    func folding() {
        #expect(FileNaming.slug("Crème brûlée à la Straße, Ørsted") == "creme-brulee-a-la-strasse-orsted")
        #expect(FileNaming.slug("ＡＢＣ１２３") == "abc123")
        #expect(FileNaming.slug("ÉCOLE") == "ecole")
    }

    @Test(
        "a prompt with nothing Latin gives 'video'",
        arguments: [
            "猫がサーフィンする", "一只猫在冲浪", "고양이", "🐱🏄‍♂️🌊", "   ", "!!!---...", "",
        ])
    func nothingLeft(prompt: String) {
        #expect(FileNaming.slug(prompt) == "video")
        #expect(FileNaming.fileName(for: job(prompt: prompt), timeZone: Self.utc) == "20250304-0506-video-ab12cd34.mp4")
    }

    @Test("Latin words among CJK and emoji survive, joined by single dashes")
    func mixed() {
        #expect(FileNaming.slug("猫 cat 🐱 surfing 🌊 4K") == "cat-surfing-4k")
    }

    @Test(
        "path tricks in prompts never reach the name",
        arguments: [
            "../../etc/passwd", "/etc/passwd", "..\\..\\windows", ".hidden", "-rf /", "a/../../b", "%2e%2e%2f",
            "\0../x",
        ])
    func traversal(prompt: String) {
        let name = FileNaming.fileName(for: job(prompt: prompt), timeZone: Self.utc)
        #expect(!name.contains("/"))
        #expect(!name.contains("\\"))
        #expect(!name.contains(".."))
        #expect(!name.hasPrefix("."))
        #expect(!name.hasPrefix("-"))
        #expect(Self.isSafe(name), "\(name)")
    }

    @Test("'../../etc' becomes the slug 'etc'")
    func traversalSlug() {
        #expect(FileNaming.slug("../../etc") == "etc")
        #expect(FileNaming.slug("../../etc/passwd") == "etc-passwd")
    }

    @Test("a long prompt is cut at a dash, at most 40 characters, with no dash at the end")
    func lengthCapAtWord() {
        let slug = FileNaming.slug("A very long cinematic prompt about a golden retriever running along the beach")
        #expect(slug == "a-very-long-cinematic-prompt-about-a")
        #expect(slug.count <= FileNaming.maxSlugLength)
    }

    @Test("a cut that lands on a dash keeps the whole 40 characters")
    func lengthCapExactBoundary() {
        // 40 characters of words, then a dash, then more.
        let prompt = "abcdefghij abcdefghij abcdefghij abcdefg tail"
        let slug = FileNaming.slug(prompt)
        #expect(slug == "abcdefghij-abcdefghij-abcdefghij-abcdefg")
        #expect(slug.count == 40)
    }

    @Test("one endless word is cut hard at 40 characters")
    func lengthCapHard() {
        let slug = FileNaming.slug(String(repeating: "z", count: 100))
        #expect(slug == String(repeating: "z", count: 40))
    }

    @Test("a dash too early to cut at is ignored in favour of a hard cut")
    func lengthCapEarlyDash() {
        let slug = FileNaming.slug("ab " + String(repeating: "y", count: 60))
        #expect(slug == "ab-" + String(repeating: "y", count: 37))
        #expect(!slug.hasSuffix("-"))
    }

    @Test("the id is reduced to safe characters")
    func shortID() {
        #expect(FileNaming.shortID("AB12cd34") == "ab12cd34")
        #expect(FileNaming.shortID("../x/") == "x")
        #expect(FileNaming.shortID("…") == "job")
        #expect(FileNaming.shortID(String(repeating: "a", count: 40)).count == 16)
    }

    @Test("names from many awkward prompts all have the safe shape")
    func shapeOverManyPrompts() {
        let prompts = [
            "Hello World", "ça va?", "🙂", "a\nb\tc", "x_y_z", "UPPER lower 123", "ñandú", "İstanbul",
            String(repeating: "word ", count: 50), "....", "~/Videos", "$(rm -rf ~)", "C:\\Windows",
        ]
        for prompt in prompts {
            let name = FileNaming.fileName(for: job(prompt: prompt, id: "Q7/..z"), timeZone: Self.utc)
            #expect(Self.isSafe(name), "\(prompt) -> \(name)")
        }
    }

    @Test("a free name is used as is; a taken one gets -2, then -3")
    func collisions() throws {
        let temporary = try TemporaryFolder("hailuo-naming")
        defer { temporary.remove() }
        let folder = temporary.url
        let name = "20250304-0506-cat-ab12cd34.mp4"

        #expect(FileNaming.availableFileName(name, in: folder) == name)
        try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        #expect(FileNaming.availableFileName(name, in: folder) == "20250304-0506-cat-ab12cd34-2.mp4")
        try Data("x".utf8).write(to: folder.appendingPathComponent("20250304-0506-cat-ab12cd34-2.mp4"))
        #expect(FileNaming.availableFileName(name, in: folder) == "20250304-0506-cat-ab12cd34-3.mp4")
    }

    @Test("a lone sidecar or a dangling link also makes a name taken")
    func sidecarAndLinkTakeTheName() throws {
        let temporary = try TemporaryFolder("hailuo-naming")
        defer { temporary.remove() }
        let folder = temporary.url

        try Data("{}".utf8).write(to: folder.appendingPathComponent("a.json"))
        #expect(FileNaming.availableFileName("a.mp4", in: folder) == "a-2.mp4")

        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("b.mp4").path, withDestinationPath: "/nonexistent/target")
        #expect(FileNaming.availableFileName("b.mp4", in: folder) == "b-2.mp4")
    }

    @Test("the sidecar name replaces .mp4 with .json")
    func sidecarName() {
        #expect(FileNaming.sidecarName(for: "20250304-0506-cat-ab12cd34-2.mp4") == "20250304-0506-cat-ab12cd34-2.json")
    }

    /// `yyyyMMdd-HHmm-<slug>-<id>[-n].mp4` over `[a-z0-9-]`, no double dash.
    static func isSafe(_ name: String) -> Bool {
        guard name.hasSuffix(".mp4") else { return false }
        let stem = name.dropLast(4)
        let allowed = stem.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        let prefix = stem.prefix(14)
        let stampOK =
            prefix.count == 14
            && prefix.enumerated().allSatisfy { index, char in
                index == 8 || index == 13 ? char == "-" : char.isASCII && char.isNumber
            }
        return allowed && stampOK && !stem.contains("--") && !stem.hasSuffix("-")
    }
}
