import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator auth")
struct AuthTests {
    @Test("A create without a key answers 401 with the provider error body")
    func missingKey() async throws {
        try await withSimulator { simulator, client async throws in
            var anonymous = client
            anonymous.key = nil
            let answer = try await anonymous.create()
            #expect(answer.status == 401)
            let body = try #require(answer.object)
            #expect(body["statusCode"] as? Int == 401)
            #expect(body["path"] as? String == TestClient.vendorPath)
            #expect((body["message"] as? String)?.isEmpty == false)
            #expect(UUID(uuidString: body["requestId"] as? String ?? "") != nil)
            #expect((body["timestamp"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil)
            #expect(simulator.issuedGenerationIDs().isEmpty)
            #expect(simulator.recordedRequests().first?.hadValidAuth == false)
        }
    }

    @Test("Only accepted keys pass when acceptedKeys is set, on both families and on polls")
    func acceptedKeys() async throws {
        try await withSimulator(SimulatorConfiguration(acceptedKeys: ["good"])) { simulator, client async throws in
            var wrong = client
            wrong.key = "bad"
            #expect(try await wrong.create().status == 401)
            #expect(try await wrong.create(.unified).status == 401)
            var right = client
            right.key = "good"
            let created = try await right.create()
            #expect(created.status == 200)
            let id = try #require(TestClient.id(in: created))
            #expect(try await wrong.poll(id).status == 401)
            #expect(try await right.poll(id).status == 200)
            let records = simulator.recordedRequests()
            #expect(records.map(\.hadValidAuth) == [false, false, true, false, true])
        }
    }

    @Test("An empty Bearer key is refused even when any key is accepted")
    func emptyKey() async throws {
        try await withSimulator { _, client async throws in
            let answer = try await client.send(
                "POST", TestClient.vendorPath, json: ["model": "minimax/hailuo-02", "prompt": "x"],
                headers: ["Authorization": "Bearer "])
            #expect(answer.status == 401)
        }
    }

    @Test("An unknown path answers 404 with the provider error body")
    func unknownPath() async throws {
        try await withSimulator { simulator, client async throws in
            let answer = try await client.send("GET", "/v2/nothing/here")
            #expect(answer.status == 404)
            #expect(answer.object?["statusCode"] as? Int == 404)
            #expect(simulator.recordedRequests().first?.kind == .any)
        }
    }
}
