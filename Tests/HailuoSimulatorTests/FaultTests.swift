import Foundation
import Testing

@testable import HailuoSimulator

/// A status fault and what a create under it must do.
struct StatusFaultCase: Sendable, CustomTestStringConvertible {
    var fault: SimulatorFault
    var status: Int
    var createsJob: Bool
    var testDescription: String { fault.rawValue }
}

@Suite("Simulator faults")
struct FaultTests {
    static let statusFaults: [StatusFaultCase] = [
        StatusFaultCase(fault: .rateLimited, status: 429, createsJob: false),
        StatusFaultCase(fault: .rateLimitedRetryAfter, status: 429, createsJob: false),
        StatusFaultCase(fault: .serverError, status: 500, createsJob: true),
        StatusFaultCase(fault: .badGateway, status: 502, createsJob: true),
        StatusFaultCase(fault: .unavailable, status: 503, createsJob: false),
        StatusFaultCase(fault: .gatewayTimeout, status: 504, createsJob: true),
        StatusFaultCase(fault: .unauthorized, status: 401, createsJob: false),
        StatusFaultCase(fault: .noCredits, status: 403, createsJob: false),
    ]

    @Test(
        "Status faults on a create: the status, the provider body, and a job only for 500/502/504",
        arguments: statusFaults)
    func statusFaultOnCreate(_ case: StatusFaultCase) async throws {
        try await withSimulator { simulator, client async throws in
            simulator.inject(`case`.fault, on: .create)
            let answer = try await client.create()
            #expect(answer.status == `case`.status)
            #expect(answer.object?["statusCode"] as? Int == `case`.status)
            #expect(answer.object?["requestId"] as? String != nil)
            #expect(answer.header("Retry-After") == (`case`.fault == .rateLimitedRetryAfter ? "2" : nil))
            if `case`.fault == .gatewayTimeout { #expect(answer.object?["message"] as? String == "Generation timeout") }
            #expect(simulator.issuedGenerationIDs().count == (`case`.createsJob ? 1 : 0))
            #expect(simulator.recordedRequests().first?.fault == `case`.fault)
            // count 1: the next create is normal
            #expect(try await client.create().status == 200)
        }
    }

    @Test("Status faults on a poll answer that status", arguments: statusFaults)
    func statusFaultOnPoll(_ case: StatusFaultCase) async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.inject(`case`.fault, on: .poll)
            #expect(try await client.poll(id).status == `case`.status)
            #expect(try await client.poll(id).status == 200)
        }
    }

    @Test("A fault aimed at polls leaves creates alone, and count nil means every time")
    func aimAndCount() async throws {
        try await withSimulator { simulator, client async throws in
            simulator.inject(.serverError, on: .poll, count: nil)
            let id = try #require(TestClient.id(in: try await client.create()))
            for _ in 0..<3 { #expect(try await client.poll(id).status == 500) }
            simulator.reset()
            #expect(try await client.poll(id).status == 200)
        }
    }

    @Test("Per-run faults from the configuration apply, and reset() re-arms them")
    func runFaults() async throws {
        let configuration = SimulatorConfiguration(faults: [FaultRule(fault: .unavailable, on: .create, count: 2)])
        try await withSimulator(configuration) { simulator, client async throws in
            #expect(try await client.create().status == 503)
            #expect(try await client.create().status == 503)
            #expect(try await client.create().status == 200)
            simulator.reset()
            #expect(try await client.create().status == 503)
        }
    }

    @Test("The X-Simulator-Fault header applies to that request only; an unknown value answers 400")
    func headerFault() async throws {
        try await withSimulator { simulator, client async throws in
            #expect(try await client.create(headers: ["X-Simulator-Fault": "rate-limit-retry-after"]).status == 429)
            #expect(try await client.create().status == 200)
            #expect(try await client.create(headers: ["X-Simulator-Fault": "nonsense"]).status == 400)
            #expect(simulator.issuedGenerationIDs().count == 1)
        }
    }

    @Test("slow: the create is made, and a client with a shorter timeout gives up")
    func slowCreate() async throws {
        try await withSimulator(SimulatorConfiguration(slowDelay: 30)) { simulator, client async throws in
            simulator.inject(.slow, on: .create)
            var impatient = client
            impatient.timeout = 1
            await #expect(throws: (any Error).self) { _ = try await impatient.create() }
            // stop() ends the 30 s wait early; the job was made before the wait began
            #expect(await eventually { simulator.issuedGenerationIDs().count == 1 })
        }
    }

    @Test("slow: a patient client gets the normal answer")
    func slowPoll() async throws {
        try await withSimulator(SimulatorConfiguration(slowDelay: 0.2)) { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.inject(.slow, on: .poll)
            let answer = try await client.poll(id)
            #expect(answer.status == 200)
            #expect(answer.object?["status"] as? String == "queued")
            #expect(simulator.recordedRequests().last?.fault == .slow)
        }
    }

    @Test(
        "reset: the connection drops without an answer; on a create the job exists",
        arguments: [RequestKind.create, .poll])
    func reset(_ kind: RequestKind) async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.inject(.reset, on: kind)
            await #expect(throws: (any Error).self) {
                if kind == .create { _ = try await client.create() } else { _ = try await client.poll(id) }
            }
            #expect(simulator.issuedGenerationIDs().count == (kind == .create ? 2 : 1))
            #expect(simulator.recordedRequests().last?.answeredStatus == 0)
            #expect(try await client.poll(id).status == 200)
        }
    }

    @Test(
        "truncated-json and malformed-json answer 200 with a body that does not parse",
        arguments: [SimulatorFault.truncatedJSON, .malformedJSON])
    func brokenJSON(_ fault: SimulatorFault) async throws {
        try await withSimulator { simulator, client async throws in
            simulator.inject(fault, on: .create)
            let created = try await client.create()
            #expect(created.status == 200)
            #expect(!created.body.isEmpty)
            #expect((try? JSONSerialization.jsonObject(with: created.body)) == nil)
            #expect(simulator.issuedGenerationIDs().count == 1)
            let id = try #require(simulator.issuedGenerationIDs().first)
            simulator.inject(fault, on: .poll)
            let polled = try await client.poll(id)
            #expect(polled.status == 200)
            #expect((try? JSONSerialization.jsonObject(with: polled.body)) == nil)
        }
    }

    @Test("Poll answer faults: unknown status, completed without URL, the three error shapes")
    func pollAnswerFaults() async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.inject(.unknownStatus, on: .poll)
            #expect(try await client.poll(id).object?["status"] as? String == "throttled")

            simulator.inject(.completedWithoutURL, on: .poll)
            let noURL = try await client.poll(id)
            #expect(noURL.object?["status"] as? String == "completed")
            #expect(videoIsNull(noURL))

            simulator.inject(.errorMessage, on: .poll)
            let message = try await client.poll(id)
            #expect(message.object?["status"] as? String == "error")
            #expect((message.object?["error"] as? [String: Any])?["message"] as? String != nil)

            simulator.inject(.errorDetail, on: .poll)
            let detail = try await client.poll(id)
            #expect((detail.object?["error"] as? [String: Any])?["detail"] as? [[String: Any]] != nil)

            simulator.inject(.errorText, on: .poll)
            #expect(try await client.poll(id).object?["error"] as? String != nil)

            #expect(try await client.poll(id).object?["status"] as? String == "queued")
        }
    }

    @Test("expired-link waits for a completed answer, then hands out a link that is refused as expired")
    func expiredLink() async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.inject(.expiredLink, on: .any)
            #expect(try await client.poll(id).object?["status"] as? String == "queued")
            simulator.advanceClock(by: 301)
            let done = try await client.poll(id)
            let url = try #require(videoURL(done))
            let expires = try #require(
                URLComponents(string: url)?.queryItems?.first { $0.name == "Expires" }?.value.flatMap(Double.init))
            #expect(expires < Date().timeIntervalSince1970 + 301)
            let download = try await client.send("GET", url)
            #expect(download.status == 403)
            #expect(download.text.lowercased().contains("expired"))
        }
    }

    @Test("Faults on downloads: 503, then a partial body and a dropped connection")
    func downloadFaults() async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.advanceClock(by: 301)
            let url = try #require(videoURL(try await client.poll(id)))
            simulator.inject(.unavailable, on: .download)
            #expect(try await client.send("GET", url).status == 503)
            simulator.inject(.reset, on: .download)
            await #expect(throws: (any Error).self) { _ = try await client.send("GET", url) }
            #expect(try await client.send("GET", url).status == 200)
        }
    }
}
