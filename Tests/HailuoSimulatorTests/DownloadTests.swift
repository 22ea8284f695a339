import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator downloads")
struct DownloadTests {
    /// A started simulator's signed URL for a finished job.
    private func finishedURL(_ simulator: Simulator, _ client: TestClient) async throws -> String {
        let id = try #require(TestClient.id(in: try await client.create()))
        simulator.advanceClock(by: 301)
        return try #require(videoURL(try await client.poll(id)))
    }

    @Test("Range bytes=N- answers 206 with Content-Range and the rest of the file")
    func rangeResume() async throws {
        try await withSimulator { simulator, client async throws in
            let url = try await finishedURL(simulator, client)
            let whole = try await client.send("GET", url)
            #expect(whole.header("Accept-Ranges") == "bytes")
            let total = whole.body.count
            let part = try await client.send("GET", url, headers: ["Range": "bytes=1000-"])
            #expect(part.status == 206)
            #expect(part.header("Content-Range") == "bytes 1000-\(total - 1)/\(total)")
            #expect(part.header("Content-Length") == String(total - 1000))
            #expect(part.body == whole.body.subdata(in: 1000..<total))

            let middle = try await client.send("GET", url, headers: ["Range": "bytes=10-19"])
            #expect(middle.status == 206)
            #expect(middle.body == whole.body.subdata(in: 10..<20))

            let beyond = try await client.send("GET", url, headers: ["Range": "bytes=\(total)-"])
            #expect(beyond.status == 416)
            #expect(beyond.header("Content-Range") == "bytes */\(total)")
        }
    }

    @Test("A download does not need the API key")
    func noKeyNeeded() async throws {
        try await withSimulator { simulator, client async throws in
            let url = try await finishedURL(simulator, client)
            var anonymous = client
            anonymous.key = nil
            #expect(try await anonymous.send("GET", url).status == 200)
        }
    }

    @Test("A wrong or missing signature answers 403; an unknown file 404")
    func badSignature() async throws {
        try await withSimulator { simulator, client async throws in
            let url = try await finishedURL(simulator, client)
            let signature = try #require(
                URLComponents(string: url)?.queryItems?.first { $0.name == "Signature" }?.value)
            let flipped = String(signature.dropLast()) + (signature.hasSuffix("0") ? "1" : "0")
            let wrong = try await client.send("GET", url.replacingOccurrences(of: signature, with: flipped))
            #expect(wrong.status == 403)
            #expect(!wrong.text.lowercased().contains("expired"))
            let bare = try await client.send("GET", String(url.prefix { $0 != "?" }))
            #expect(bare.status == 403)
            #expect(try await client.send("GET", "/files/123.mp4").status == 404)
        }
    }

    @Test("A link stops working after linkLifetime: 403 saying the request has expired")
    func expiry() async throws {
        try await withSimulator(SimulatorConfiguration(linkLifetime: 3600)) { simulator, client async throws in
            let url = try await finishedURL(simulator, client)
            #expect(try await client.send("GET", url).status == 200)
            simulator.advanceClock(by: 3601)
            let expired = try await client.send("GET", url)
            #expect(expired.status == 403)
            #expect(expired.text.contains("Request has expired"))
        }
    }

    @Test("After a reset mid-download, a Range request fetches the rest")
    func resumeAfterReset() async throws {
        try await withSimulator { simulator, client async throws in
            let url = try await finishedURL(simulator, client)
            let whole = try await client.send("GET", url).body
            simulator.inject(.reset, on: .download)
            await #expect(throws: (any Error).self) { _ = try await client.send("GET", url) }
            let rest = try await client.send("GET", url, headers: ["Range": "bytes=500-"])
            #expect(rest.status == 206)
            #expect(whole.prefix(500) + rest.body == whole)
        }
    }
}
