import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator prompt markers")
struct MarkerTests {
    @Test("[sim:fail] fails with name and message", arguments: [SimulatorEndpointFamily.vendor, .unified])
    func fail(_ family: SimulatorEndpointFamily) async throws {
        let error = try await finalAnswer(prompt: "A cat [sim:fail]", family: family)
        #expect(error.object?["status"] as? String == "error")
        let body = try #require(error.object?["error"] as? [String: Any])
        #expect(body["name"] as? String == "GenerationError")
        #expect((body["message"] as? String)?.isEmpty == false)
        #expect(videoIsNull(error))
    }

    @Test("[sim:fail-early] is queued, then refused 2-5 s after acceptance")
    func failEarly() async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(
                TestClient.id(in: try await client.create(.vendor, ["prompt": "[sim:fail-early] cat"])))
            let decoded = try #require(GenerationID(decoding: id))
            #expect(JobLifecycle.snapshot(of: decoded, elapsed: 1.9).status == "queued")
            let end = try #require(simulator.providerSecondsToEnd(ofGenerationID: id))
            #expect(end >= 2 && end <= 5)
            #expect(simulator.outcomeMarker(ofGenerationID: id) == .failEarly)
            simulator.advanceClock(by: 5)
            let refused = try await client.poll(id)
            #expect(refused.object?["status"] as? String == "error")
            let body = try #require(refused.object?["error"] as? [String: Any])
            #expect(body["name"] as? String == "ModerationError")
            #expect(videoIsNull(refused))
        }
    }

    @Test("[sim:error-detail] fails with a detail list")
    func errorDetail() async throws {
        let answer = try await finalAnswer(prompt: "[sim:error-detail] A cat")
        #expect(answer.object?["status"] as? String == "error")
        let detail = try #require((answer.object?["error"] as? [String: Any])?["detail"] as? [[String: Any]])
        #expect(detail.first?["loc"] as? [String] != nil)
        #expect(detail.first?["msg"] as? String != nil)
        #expect(detail.first?["type"] as? String != nil)
    }

    @Test("[sim:error-text] fails with a plain string")
    func errorText() async throws {
        let answer = try await finalAnswer(prompt: "A cat [SIM:ERROR-TEXT]")
        #expect(answer.object?["status"] as? String == "error")
        #expect((answer.object?["error"] as? String)?.isEmpty == false)
    }

    @Test("[sim:no-url] ends completed with video null")
    func noURL() async throws {
        let answer = try await finalAnswer(prompt: "A cat [sim:no-url]")
        #expect(answer.object?["status"] as? String == "completed")
        #expect(videoIsNull(answer))
    }

    @Test("[sim:unknown-status] shows 'throttled' for a while, then completes")
    func unknownStatus() async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(
                TestClient.id(in: try await client.create(.vendor, ["prompt": "[sim:unknown-status] cat"])))
            simulator.advanceClock(by: 60)
            let middle = try await client.poll(id)
            #expect(middle.object?["status"] as? String == "throttled")
            simulator.advanceClock(by: 300)
            let done = try await client.poll(id)
            #expect(done.object?["status"] as? String == "completed")
            #expect(videoURL(done) != nil)
        }
    }

    @Test(
        "[sim:lost] creates the job but the client gets no complete answer",
        arguments: [SimulatorEndpointFamily.vendor, .unified])
    func lost(_ family: SimulatorEndpointFamily) async throws {
        try await withSimulator { simulator, client async throws in
            await #expect(throws: (any Error).self) {
                _ = try await client.create(family, ["prompt": "A cat [sim:lost]"])
            }
            let ids = simulator.issuedGenerationIDs()
            #expect(ids.count == 1)
            #expect(simulator.recordedRequests().first?.answeredStatus == 0)
            simulator.advanceClock(by: 301)
            let done = try await client.poll(try #require(ids.first), family)
            #expect(done.object?["status"] as? String == "completed")
        }
    }

    /// The answer of a poll long after the job was created with `prompt`.
    private func finalAnswer(prompt: String, family: SimulatorEndpointFamily = .vendor) async throws -> HTTPAnswer {
        try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create(family, ["prompt": prompt]), family))
            let early = try await client.poll(id, family)
            #expect(early.object?["status"] as? String == "queued")
            simulator.advanceClock(by: 600)
            return try await client.poll(id, family)
        }
    }
}
