import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator balance")
struct BillingTests {
    @Test("The balance loses a job's price once, when it completes on simulated time; failures cost nothing")
    func chargedOnceOnCompletion() async throws {
        try await withSimulator(SimulatorConfiguration(startingBalance: 10)) { simulator, client async throws in
            let answer = try await client.send("GET", "/v2/billing")
            #expect(answer.status == 200)
            #expect(answer.object?["currency"] as? String == "USD")
            #expect(number(answer.object?["current_balance"]) == 10)

            let id = try #require(TestClient.id(in: try await client.create()))
            _ = try await client.create(.vendor, ["prompt": "x [sim:fail]"])
            _ = try await client.create(.vendor, ["resolution": "1080P", "duration": 10])
            #expect(try await client.balance() == 10)
            simulator.advanceClock(by: 200)  // the failures have come, the good job is still running
            #expect(try await client.balance() == 10)
            simulator.advanceClock(by: 101)  // no poll: the balance follows the clock
            #expect(try await client.balance() == 9.706)
            #expect(try await client.poll(id).object?["status"] as? String == "completed")
            _ = try await client.poll(id)
            simulator.advanceClock(by: 3600)
            #expect(try await client.balance() == 9.706)
            #expect(simulator.balance() == 9.706)
        }
    }

    @Test("Jobs whose create answer was lost or failed after creation are billed too")
    func lostAnswersBilled() async throws {
        try await withSimulator { simulator, client async throws in
            simulator.inject(.reset, on: .create)
            await #expect(throws: (any Error).self) { _ = try await client.create() }
            simulator.inject(.serverError, on: .create)
            #expect(try await client.create().status == 500)
            simulator.inject(.unavailable, on: .create)
            #expect(try await client.create().status == 503)
            simulator.advanceClock(by: 301)
            #expect(try await client.balance() == 99.412)
        }
    }

    @Test("GET /v2/billing needs a key; billing-500 answers 500 once")
    func keyAndFault() async throws {
        try await withSimulator { simulator, client async throws in
            var anonymous = client
            anonymous.key = nil
            #expect(try await anonymous.send("GET", "/v2/billing").status == 401)
            simulator.inject(.billingServerError, on: .any)
            let failed = try await client.send("GET", "/v2/billing")
            #expect(failed.status == 500)
            #expect(failed.object?["statusCode"] as? Int == 500)
            #expect(try await client.send("GET", "/v2/billing").status == 200)
            #expect(simulator.recordedRequests().map(\.kind) == [.billing, .billing, .billing])
            #expect(simulator.requestCount(of: .billing) == 3)
        }
    }

    @Test("A fault for creates and polls leaves the account routes alone")
    func genericFaultsLeaveAccountRoutesAlone() async throws {
        try await withSimulator { simulator, client async throws in
            simulator.inject(.serverError, on: .any, count: nil)
            #expect(try await client.send("GET", "/v2/billing").status == 200)
            #expect(try await client.logs().status == 200)
            #expect(try await client.send("GET", "/v1/models").status == 200)
            #expect(try await client.create().status == 500)
        }
    }
}
