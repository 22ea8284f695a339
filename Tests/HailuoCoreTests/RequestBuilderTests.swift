import Foundation
import HailuoTestSupport
import Testing

@testable import HailuoCore

@Suite("Request bodies for both endpoint families")
struct RequestBuilderTests {
    /// The base64 payload of a data URL, decoded, and its MIME type.
    func decodeDataURL(_ value: Any?) throws -> (mime: String, bytes: [UInt8]) {
        let text = try #require(value as? String)
        try #require(text.hasPrefix("data:"))
        let comma = try #require(text.firstIndex(of: ","))
        let header = text[text.index(text.startIndex, offsetBy: 5)..<comma]
        try #require(header.hasSuffix(";base64"))
        let data = try #require(Data(base64Encoded: String(text[text.index(after: comma)...])))
        return (String(header.dropLast(7)), Array(data))
    }

    @Test func vendorBodyFieldByField() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let png = SyntheticImage.png(width: 640, height: 360)
        let path = try dir.write("first.png", png)
        let p = params(prompt: "Boat", optimizer: false, duration: 10, first: path, last: "https://example.com/end.jpg")
        let request = try RequestBuilder.prepare(p, family: .vendor)
        #expect(request.path == "/v2/generate/video/minimax/generation")
        #expect(request.family == .vendor)
        let json = try jsonObject(request.body)
        #expect(
            Set(json.keys) == [
                "model", "prompt", "prompt_optimizer", "first_frame_image", "last_image_url", "duration", "resolution",
            ])
        #expect(json["model"] as? String == "minimax/hailuo-02")
        #expect(json["prompt"] as? String == "Boat")
        #expect(json["prompt_optimizer"] as? Bool == false)
        #expect(json["duration"] as? Int == 10)
        #expect(json["resolution"] as? String == "768P")
        #expect(json["last_image_url"] as? String == "https://example.com/end.jpg")
        let image = try decodeDataURL(json["first_frame_image"])
        #expect(image.mime == "image/png")
        #expect(image.bytes == png)

        let first = try #require(request.firstFrame)
        #expect(first.path == path)
        #expect(first.reference == path)
        #expect(first.mimeType == "image/png")
        #expect(first.width == 640 && first.height == 360)
        #expect(first.byteCount == png.count)
        #expect(first.sha256 == ReferenceSHA256.hex(png))
        let last = try #require(request.lastFrame)
        #expect(last == PreparedImage(reference: "https://example.com/end.jpg"))
        #expect(last.isRemote)
        #expect(last.sha256 == nil)
    }

    @Test func unifiedBodyFieldByField() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let jpeg = SyntheticImage.jpegHeader(width: 1280, height: 720, padTo: 70_001)
        try dir.write("start.png", jpeg)  // a JPEG with a .png name: the MIME type follows the bytes
        let p = params(prompt: "Boat", resolution: .p1080, first: "~/start.png", last: "http://example.com/e.png")
        let request = try RequestBuilder.prepare(p, family: .unified, home: dir.path)
        #expect(request.path == "/v2/video/generations")
        let json = try jsonObject(request.body)
        #expect(
            Set(json.keys) == [
                "model", "prompt", "enhance_prompt", "image_url", "last_image_url", "duration", "resolution",
            ])
        #expect(json["enhance_prompt"] as? Bool == true)
        #expect(json["resolution"] as? String == "1080P")
        #expect(json["duration"] as? Int == 6)
        #expect(json["last_image_url"] as? String == "http://example.com/e.png")
        let image = try decodeDataURL(json["image_url"])
        #expect(image.mime == "image/jpeg")
        #expect(image.bytes == jpeg)
        #expect(request.firstFrame?.path == dir.file("start.png"))
        #expect(request.firstFrame?.reference == "~/start.png")
        #expect(request.firstFrame?.sha256 == ReferenceSHA256.hex(jpeg))
    }

    @Test func fieldsTheModelDoesNotTakeAreOmitted() throws {
        let video01 = try jsonObject(RequestBuilder.prepare(params(model: "video-01"), family: .vendor).body)
        #expect(Set(video01.keys) == ["model", "prompt", "prompt_optimizer"])
        let h23 = try RequestBuilder.prepare(
            params(model: "minimax/hailuo-2.3", first: "https://x.example/a.png"), family: .vendor)
        let json = try jsonObject(h23.body)
        #expect(Set(json.keys) == ["model", "prompt", "prompt_optimizer", "image_url", "duration", "resolution"])
        #expect(json["image_url"] as? String == "https://x.example/a.png")
        #expect(json["model"] as? String == "minimax/hailuo-2.3")
        #expect(h23.lastFrame == nil)
        let noImage = try jsonObject(RequestBuilder.prepare(params(), family: .unified).body)
        #expect(Set(noImage.keys) == ["model", "prompt", "enhance_prompt", "duration", "resolution"])
    }

    @Test func promptIsEscapedAndNonASCIIKeptAsUTF8() throws {
        let prompt = "Say \"hi\" \\ then\nnext\tline\r\nend 😀 日本 café \u{2028} </script>"
        let request = try RequestBuilder.prepare(params(prompt: prompt), family: .vendor)
        #expect(try jsonObject(request.body)["prompt"] as? String == prompt)
        let text = String(decoding: request.body, as: UTF8.self)
        #expect(text.contains("😀 日本 café"))
        #expect(text.contains(#"Say \"hi\" \\ then\nnext\tline\r\nend"#))
        #expect(text.contains(#"\u2028"#))
        #expect(!request.body.contains(where: { $0 < 0x20 }))
    }

    @Test func base64IsRightForEverySizeAndAcrossChunks() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let base = SyntheticImage.png(width: 400, height: 400).count
        // Three residues mod 3 (padding "", "==", "="), and files spanning several 1 MiB chunks.
        let sizes = [base + 12, base + 13, base + 14, ImageStreamer.chunkSize * 2 + 1, ImageStreamer.chunkSize + 2]
        for size in sizes {
            let bytes = SyntheticImage.png(width: 400, height: 400, padTo: size)
            #expect(bytes.count == size)
            let path = try dir.write("f\(size).png", bytes)
            let request = try RequestBuilder.prepare(params(first: path), family: .vendor)
            let image = try decodeDataURL(try jsonObject(request.body)["first_frame_image"])
            #expect(image.bytes == bytes, "size \(size)")
            #expect(request.firstFrame?.sha256 == ReferenceSHA256.hex(bytes), "size \(size)")
        }
    }

    @Test func everyIssueIsCollectedBeforeAnythingIsBuilt() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let small = try dir.write("small.png", SyntheticImage.png(width: 200, height: 400))
        let p = params(prompt: " ", duration: 10, resolution: .p1080, first: dir.path, last: small)
        let error = try #require(prepareError(p))
        #expect(
            error.issues.map { "\($0.field.rawValue).\($0.rule.rawValue)" } == [
                "prompt.blank", "duration.resolution-limit", "firstFrame.directory", "lastFrame.min-side",
            ])
        #expect(RequestBuilder.check(p) == error.issues)
        #expect(RequestBuilder.check(params()) == [])
        #expect(prepareError(params(model: "nope"))?.issues.map(\.rule) == [.unknown])
    }

    @Test func describeHidesImageData() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let png = SyntheticImage.png(width: 400, height: 400, padTo: 500_000)
        let path = try dir.write("f.png", png)
        let request = try RequestBuilder.prepare(
            params(prompt: "a \"data:x;base64,AAAA\" b", first: path), family: .vendor)
        let text = RequestBuilder.describe(request)
        #expect(text.contains("\"first_frame_image\":\"[500000 bytes of image/png]\""))
        #expect(!text.contains("iVBOR"))  // base64 of the PNG signature
        #expect(text.contains("\"model\":\"minimax/hailuo-02\""))
        #expect(text.contains(#""prompt":"a \"data:x;base64,AAAA\" b""#))
        #expect(text.contains("\"duration\":6"))
        for size in [1, 2, 3, 4] {
            let encoded = String(decoding: Base64.encode([UInt8](repeating: 7, count: size)), as: UTF8.self)
            let body = Array("{\"u\":\"data:image/jpeg;base64,\(encoded)\"}".utf8)
            #expect(RequestBuilder.describe(body: body) == "{\"u\":\"[\(size) bytes of image/jpeg]\"}")
        }
    }

    @Test func aFileThatChangesWhileReadIsRefused() throws {
        let dir = try TemporaryFolder("hailuo-core")
        defer { dir.remove() }
        let bytes = SyntheticImage.png(width: 400, height: 400)
        let path = try dir.write("f.png", bytes)
        let chunk = UnsafeMutablePointer<UInt8>.allocate(capacity: ImageStreamer.chunkSize)
        defer { chunk.deallocate() }
        let out = UnsafeMutablePointer<UInt8>.allocate(capacity: ImageStreamer.base64Length(bytes.count))
        defer { out.deallocate() }

        let shrinking = try ImagePreflight.open(path, home: nil)
        try dir.resize("f.png", to: bytes.count - 10)
        #expect(throws: ImageProblem.self) { try ImageStreamer.encode(shrinking, into: out, chunk: chunk) }

        try dir.write("g.png", bytes)
        let growing = try ImagePreflight.open(dir.file("g.png"), home: nil)
        try dir.resize("g.png", to: bytes.count + 10)
        do {
            _ = try ImageStreamer.encode(growing, into: out, chunk: chunk)
            Issue.record("a grown file was accepted")
        } catch {
            #expect(error.rule == .changed)
            #expect(error.description.contains("grew"))
        }

        try dir.write("h.png", bytes)
        let same = try ImagePreflight.open(dir.file("h.png"), home: nil)
        #expect(try ImageStreamer.encode(same, into: out, chunk: chunk) == ReferenceSHA256.hex(bytes))
    }

    @Test func referenceSHA256MatchesAKnownVector() {
        #expect(
            ReferenceSHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }
}
