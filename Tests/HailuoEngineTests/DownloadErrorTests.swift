import Foundation
import HailuoCore
import Testing

@testable import HailuoEngine

@Suite("DownloadError and sidecar")
struct DownloadErrorTests {
    @Test("an expired link names its time and the 9-hour life")
    func expiredMessage() {
        let text = DownloadError.expired(Date(timeIntervalSince1970: 1_767_225_600)).description
        #expect(text.contains("expired at 2026-01-01 00:00:00 UTC"))
        #expect(text.contains("9 hours"))
    }

    @Test(
        "every case reads as a sentence",
        arguments: [
            DownloadError.expired(Date(timeIntervalSince1970: 0)), .http(status: 500, message: "boom"),
            .network("reset"), .notMP4, .empty, .outsideFolder, .fileSystem("disk full"), .noURL, .cancelled,
        ])
    func sentences(error: DownloadError) {
        let text = error.description
        #expect(text.first?.isUppercase == true)
        #expect(text.hasSuffix("."))
    }

    @Test("an http error carries the status and the server's words")
    func httpMessage() {
        #expect(
            DownloadError.http(status: 404, message: "Not Found").description
                == "The video server answered HTTP 404: Not Found.")
    }

    @Test("the MP4 check looks for 'ftyp' at bytes 4..<8")
    func mp4Header() {
        #expect(DownloadFiles.isMP4Header(Data([0, 0, 0, 0x18]) + Data("ftypisom".utf8)))
        #expect(DownloadFiles.isMP4Header(Data([0, 0, 0, 0x20]) + Data("ftyp".utf8)))
        #expect(!DownloadFiles.isMP4Header(Data("<html><body>".utf8)))
        #expect(!DownloadFiles.isMP4Header(Data([0, 0, 0, 0x18]) + Data("fty".utf8)))
        #expect(!DownloadFiles.isMP4Header(Data()))
        let sliced = (Data("XX".utf8) + Data([0, 0, 0, 0x18]) + Data("ftyp".utf8)).dropFirst(2)
        #expect(DownloadFiles.isMP4Header(sliced))
    }

    @Test("the sidecar holds no signature and no inline image data, and keeps nulls")
    func sidecar() throws {
        let created = Date(timeIntervalSince1970: 1_741_064_767)
        var params = GenerationParameters(prompt: "a cat", promptOptimizer: false, duration: 10)
        params.firstFrame = "~/pics/cat.png"
        params.lastFrame = "data:image/png;base64,iVBORw0KGgo="
        let job = Job(
            id: "ab12cd34", generationID: "gen-1", phase: .completed, parameters: params, family: .unified,
            baseURL: "http://x", profile: "p", createdAt: created, updatedAt: created,
            videoURL: "https://cdn.example.com/a.mp4?Expires=1&Signature=SECRET")
        let data = try DownloadSidecar(job: job, file: "x.mp4", downloadedAt: created).jsonData()
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(!text.contains("SECRET"))
        #expect(!text.contains("iVBORw0KGgo"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["source_url"] as? String == "https://cdn.example.com/a.mp4")
        #expect(object["first_frame"] as? String == "~/pics/cat.png")
        #expect(object["prompt_optimizer"] as? Bool == false)
        #expect(object["duration"] as? Int == 10)
        #expect(object["created_at"] as? String == "2025-03-04T05:06:07Z")
        #expect(object["submitted_at"] is NSNull)
        #expect(object["endpoint_family"] as? String == "unified")
        let decoded = try DownloadSidecar.decoder().decode(DownloadSidecar.self, from: data)
        #expect(decoded.generationID == "gen-1")
    }
}
