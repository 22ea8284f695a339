import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator lifecycle")
struct LifecycleTests {
    @Test("Vendor: queued, generating, completed with a signed URL to a real MP4")
    func vendorLifecycle() async throws {
        try await withSimulator { simulator, client async throws in
            let created = try await client.create(.vendor)
            #expect(created.status == 200)
            let body = try #require(created.object)
            #expect(body["status"] as? String == "queued")
            let id = try #require(body["generation_id"] as? String)
            #expect(id.count >= 15 && id.allSatisfy(\.isNumber))
            #expect(((body["meta"] as? [String: Any])?["usage"] as? [String: Any])?["tokens_used"] as? Int != nil)

            let first = try await client.poll(id)
            #expect(first.object?["status"] as? String == "queued")
            #expect(first.object?["id"] as? String == id)
            #expect(videoIsNull(first))
            #expect(first.object?["error"] is NSNull)

            simulator.advanceClock(by: 120)
            let middle = try await client.poll(id)
            #expect(middle.object?["status"] as? String == "generating")
            #expect(videoIsNull(middle))

            simulator.advanceClock(by: 181)
            let done = try await client.poll(id)
            #expect(done.object?["status"] as? String == "completed")
            let url = try #require(videoURL(done))
            #expect(url.hasPrefix(simulator.baseURL + "/files/"))
            #expect(url.contains("Expires=") && url.contains("Signature="))

            let file = try await client.send("GET", url)
            #expect(file.status == 200)
            #expect(file.header("Content-Type") == "video/mp4")
            #expect(file.body.count > 1000)
            #expect(file.body.subdata(in: 4..<8) == Data("ftyp".utf8))
            #expect(file.header("Content-Length") == String(file.body.count))
        }
    }

    @Test("Unified: ids carry ':model', credits_used, a 10 s clip takes 480-540 s")
    func unifiedLifecycle() async throws {
        try await withSimulator { simulator, client async throws in
            let created = try await client.create(.unified, ["model": "minimax/hailuo-2.3", "duration": 10])
            let body = try #require(created.object)
            let id = try #require(body["id"] as? String)
            #expect(id.hasSuffix(":minimax/hailuo-2.3"))
            #expect(((body["meta"] as? [String: Any])?["usage"] as? [String: Any])?["credits_used"] as? Int != nil)
            #expect(simulator.issuedGenerationIDs() == [id])

            simulator.advanceClock(by: 479)
            let pending = try await client.poll(id, .unified)
            #expect(pending.object?["status"] as? String == "generating")
            #expect(pending.object?["id"] as? String == id)

            simulator.advanceClock(by: 62)
            let done = try await client.poll(id, .unified)
            #expect(done.object?["status"] as? String == "completed")
            #expect(videoURL(done) != nil)
        }
    }

    @Test("6 s clips finish between 240 and 300 provider seconds, chosen from the id")
    func sixSecondSpan() {
        for millis in stride(from: Int64(1_780_000_000_000), to: 1_780_000_000_400, by: 7) {
            let id = GenerationID(createdMillis: millis, clipSeconds: 6, outcome: .completes, sequence: 0)
            #expect((240...300).contains(id.totalSeconds))
            #expect(JobLifecycle.snapshot(of: id, elapsed: 23.9).status == "queued")
            #expect(JobLifecycle.snapshot(of: id, elapsed: 239).status == "generating")
            #expect(JobLifecycle.snapshot(of: id, elapsed: 300).isCompletedWithVideo)
        }
    }

    @Test("timeScale speeds jobs up: at 600x a 6 s clip is done within half a real second")
    func timeScale() async throws {
        try await withSimulator(SimulatorConfiguration(timeScale: 600)) { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.advanceClock(by: 300)  // provider seconds: 0.5 real seconds at 600x
            let done = try await client.poll(id)
            #expect(done.object?["status"] as? String == "completed")
        }
    }

    @Test("An unknown or tampered id answers 404; a poll without generation_id answers 400")
    func unknownID() async throws {
        try await withSimulator { _, client async throws in
            let created = try await client.create()
            let id = try #require(TestClient.id(in: created))
            var tampered = Array(id)
            tampered[tampered.count - 1] = tampered.last == "0" ? "1" : "0"
            let answer = try await client.poll(String(tampered))
            #expect(answer.status == 404)
            #expect(answer.object?["statusCode"] as? Int == 404)
            #expect(try await client.poll("222226666699999").status == 404)
            #expect(try await client.send("GET", TestClient.vendorPath).status == 400)
        }
    }

    @Test("Ids issued in the same instant are all different")
    func uniqueIDs() async throws {
        try await withSimulator { simulator, client async throws in
            for _ in 0..<15 { _ = try await client.create() }
            let ids = simulator.issuedGenerationIDs()
            #expect(ids.count == 15)
            #expect(Set(ids).count == 15)
        }
    }
}
