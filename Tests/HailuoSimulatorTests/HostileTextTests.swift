import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator fault hostile-text")
struct HostileTextTests {
    @Test("A create is refused with 400, no job, and a message that echoes the prompt among escape sequences")
    func createIsRefusedWithHostileText() async throws {
        try await withSimulator { simulator, client async throws in
            simulator.inject(.hostileText, on: .create)
            let answer = try await client.create(.vendor, ["prompt": "echo me back"])
            #expect(answer.status == 400)
            let message = try #require(answer.object?["message"] as? String)
            #expect(message.contains("echo me back"))
            #expect(message.contains(SimulatorHostileText.clipboardWrite))
            #expect(message.contains("\u{00}"))
            #expect(message.contains(SimulatorHostileText.rightToLeftOverride))
            let requestID = try #require(answer.object?["requestId"] as? String)
            #expect(requestID.contains("\u{1B}"))
            #expect(simulator.issuedGenerationIDs().isEmpty)
            #expect(simulator.recordedRequests().last?.fault == .hostileText)
            // Consumed: the next create is accepted.
            #expect(try await client.create().status == 200)
        }
    }

    @Test("A poll fails the job with an error whose name and message hold escape sequences")
    func pollFailsWithHostileText() async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.inject(.hostileText, on: .poll)
            let answer = try await client.poll(id)
            #expect(answer.status == 200)
            #expect(answer.object?["status"] as? String == "error")
            let error = try #require(answer.object?["error"] as? [String: Any])
            #expect((error["message"] as? String)?.contains(SimulatorHostileText.payload) == true)
            #expect((error["name"] as? String)?.contains(SimulatorHostileText.clearScreen) == true)
            #expect(try await client.poll(id).object?["status"] as? String == "queued")
        }
    }

    @Test("hostile-text applies to creates and polls only")
    func appliesToCreatesAndPolls() {
        #expect(SimulatorFault.hostileText.applies(to: .create))
        #expect(SimulatorFault.hostileText.applies(to: .poll))
        #expect(!SimulatorFault.hostileText.applies(to: .download))
        #expect(SimulatorFault(rawValue: "hostile-text") == .hostileText)
    }
}
