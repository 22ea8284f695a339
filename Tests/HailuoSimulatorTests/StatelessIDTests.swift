import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator stateless ids")
struct StatelessIDTests {
    @Test(
        "A second instance answers polls and serves links for ids the first one issued",
        arguments: [SimulatorEndpointFamily.vendor, .unified])
    func secondInstance(_ family: SimulatorEndpointFamily) async throws {
        let (id, failingID) = try await withSimulator { _, client async throws in
            let id = try #require(TestClient.id(in: try await client.create(family), family))
            let failing = try #require(
                TestClient.id(in: try await client.create(family, ["prompt": "x [sim:fail]"]), family))
            return (id, failing)
        }
        try await withSimulator { simulator, client async throws in
            #expect(simulator.issuedGenerationIDs().isEmpty)
            let early = try await client.poll(id, family)
            #expect(early.status == 200)
            #expect(early.object?["id"] as? String == id)
            simulator.advanceClock(by: 600)
            let done = try await client.poll(id, family)
            #expect(done.object?["status"] as? String == "completed")
            let url = try #require(videoURL(done))
            #expect(try await client.send("GET", url).status == 200)
            #expect(try await client.poll(failingID, family).object?["status"] as? String == "error")
        }
    }

    @Test("A signed link from one instance downloads from another")
    func linkAcrossInstances() async throws {
        let url = try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.advanceClock(by: 301)
            return try #require(videoURL(try await client.poll(id)))
        }
        try await withSimulator { simulator, client async throws in
            let start = try #require(url.range(of: "/files/"))
            let path = String(url[start.lowerBound...])
            #expect(try await client.send("GET", simulator.baseURL + path).status == 200)
        }
    }

    @Test("Ids encode time, duration and outcome, and survive a round trip")
    func roundTrip() throws {
        for outcome in JobOutcome.allCases {
            for clip in [6, 10] {
                let id = GenerationID(
                    createdMillis: 1_790_000_000_123, clipSeconds: clip, outcome: outcome, sequence: 7)
                #expect(id.numeric.count == 18)
                #expect(GenerationID(decoding: id.numeric) == id)
                #expect(GenerationID(decoding: id.numeric + ":minimax/hailuo-02") == id)
            }
        }
        #expect(GenerationID(decoding: "abc") == nil)
        #expect(GenerationID(decoding: "") == nil)
    }
}
