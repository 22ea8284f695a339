import AsyncHTTPClient
import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Logging
import Testing

/// The client never sends an id the provider would drop without a word.
@Suite("The client request id on the wire", .serialized, .sharesTheMachine)
struct ClientRequestIDTests {
    @Test(arguments: ["has space", String(repeating: "a", count: 129), "ünïcode", ""])
    func anInvalidIDIsNotSentAndTheCreateStillGoes(id: String) async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let client = APIClient(
            endpoint: APIEndpoint(baseURL: harness.simulator.baseURL, family: .vendor, apiKey: "sk-test-id"),
            http: http, logger: logger)
        let prepared = try RequestBuilder.prepare(GenerationParameters(prompt: "no id"), family: .vendor)
        let created = try await client.create(body: prepared.body, path: prepared.path, clientRequestID: id)
        try await http.shutdown()
        #expect(!created.generationID.isEmpty)
        #expect(created.trace.clientRequestID == nil)  // nothing sent, nothing echoed
        #expect(created.trace.inferenceID == created.generationID)
        let creates = harness.requests(.create)
        #expect(creates.count == 1)
        #expect(creates.first?.clientRequestID == nil)
    }

    @Test func aValidIDIsSentAndEchoed() async throws {
        let harness = try await Harness(family: .unified)
        defer { Task { await harness.close() } }
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let client = APIClient(
            endpoint: APIEndpoint(baseURL: harness.simulator.baseURL, family: .unified, apiKey: "sk-test-id"),
            http: http, logger: Logger(label: "test"))
        let prepared = try RequestBuilder.prepare(GenerationParameters(prompt: "with id"), family: .unified)
        let created = try await client.create(body: prepared.body, path: prepared.path, clientRequestID: "abc2345z")
        try await http.shutdown()
        #expect(created.trace.clientRequestID == "abc2345z")
        #expect(harness.requests(.create).first?.clientRequestID == "abc2345z")
        #expect(
            created.cost.cost?.usd == SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "768P", duration: 6)
        )
    }
}
