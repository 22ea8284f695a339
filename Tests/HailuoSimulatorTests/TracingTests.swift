import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator request tracing")
struct TracingTests {
    @Test(
        "A valid X-Client-Request-Id is echoed on creates and polls; x-inference-id is the generation id",
        arguments: [SimulatorEndpointFamily.vendor, .unified])
    func validEcho(_ family: SimulatorEndpointFamily) async throws {
        try await withSimulator { simulator, client async throws in
            let clientID = "order-8f21c4:A_b.9"
            let created = try await client.create(family, headers: ["X-Client-Request-Id": clientID])
            #expect(created.status == 200)
            let id = try #require(TestClient.id(in: created, family))
            #expect(created.header("x-client-request-id") == clientID)
            #expect(created.header("x-inference-id") == id)
            let polled = try await client.poll(id, family, headers: ["X-Client-Request-Id": clientID])
            #expect(polled.header("x-client-request-id") == clientID)
            #expect(polled.header("x-inference-id") == id)
            #expect(try await client.poll(id, family).header("x-client-request-id") == nil)
            #expect(simulator.recordedRequests().first?.clientRequestID == clientID)
            let row = try #require(rows(try await client.logs()).first)
            #expect(row["client_request_id"] as? String == clientID)
        }
    }

    @Test(
        "128 characters pass; a longer value or another character is dropped without a word",
        arguments: [
            (String(repeating: "a", count: 129), false), ("bad id!", false), ("order/42", false),
            ("ordre-é", false), (String(repeating: "Z", count: 128), true),
        ])
    func invalidDropped(_ value: String, _ kept: Bool) async throws {
        try await withSimulator { simulator, client async throws in
            let created = try await client.create(headers: ["X-Client-Request-Id": value])
            #expect(created.status == 200)
            #expect(created.header("x-client-request-id") == (kept ? value : nil))
            #expect(created.header("x-inference-id") == TestClient.id(in: created))
            #expect(simulator.issuedGenerationIDs().count == 1)
            let row = try #require(rows(try await client.logs()).first)
            if kept {
                #expect(row["client_request_id"] as? String == value)
            } else {
                #expect(row["client_request_id"] is NSNull)
            }
        }
    }

    @Test("A poll with an id the simulator could not have issued gets no x-inference-id")
    func malformedPollID() async throws {
        try await withSimulator { _, client async throws in
            let answer = try await client.poll("not-an-id")
            #expect(answer.status == 404)
            #expect(answer.header("x-inference-id") == nil)
        }
    }
}
