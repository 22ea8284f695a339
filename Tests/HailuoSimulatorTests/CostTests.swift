import Foundation
import Testing

@testable import HailuoSimulator

/// A create and the figures its answers must carry.
struct PricedCreate: Sendable, CustomTestStringConvertible {
    var family: SimulatorEndpointFamily
    var fields: [String: String]
    var duration: Int
    var credits: Int
    var usdText: String
    var testDescription: String { "\(fields["model"] ?? "") \(fields["resolution"] ?? "768P") \(duration) s" }
}

@Suite("Simulator cost: meta.usage and the x-aimlapi headers")
struct CostTests {
    static let image = "https://example.com/frame.png"
    static let priced: [PricedCreate] = [
        PricedCreate(
            family: .vendor, fields: ["model": "minimax/hailuo-02"], duration: 6, credits: 588_000,
            usdText: "0.294000000"),
        PricedCreate(
            family: .unified, fields: ["model": "minimax/hailuo-2.3"], duration: 10, credits: 1_176_000,
            usdText: "0.588000000"),
        PricedCreate(
            family: .unified, fields: ["model": "minimax/hailuo-2.3-fast", "resolution": "1080P", "image_url": image],
            duration: 6, credits: 693_000, usdText: "0.346500000"),
        PricedCreate(
            family: .vendor, fields: ["model": "video-01"], duration: 6, credits: 900_000, usdText: "0.450000000"),
    ]

    @Test("Create and completed poll carry the job's price in meta.usage and in the headers", arguments: priced)
    func createAndCompletedPoll(_ case: PricedCreate) async throws {
        try await withSimulator { simulator, client async throws in
            var fields: [String: Any] = `case`.fields
            fields["duration"] = `case`.duration
            let created = try await client.create(`case`.family, fields)
            #expect(created.status == 200)
            let id = try #require(TestClient.id(in: created, `case`.family))
            let meta = try #require(usage(created))
            #expect(meta["credits_used"] as? Int == `case`.credits)
            #expect(number(meta["usd_spent"]) == Double(`case`.credits) / 2_000_000)
            #expect(created.header("x-aimlapi-credits-used") == String(`case`.credits))
            #expect(created.header("x-aimlapi-usd-spent") == `case`.usdText)
            #expect((usage(created)?["tokens_used"] != nil) == (`case`.family == .vendor))
            simulator.advanceClock(by: 600)
            let done = try await client.poll(id, `case`.family)
            #expect(done.object?["status"] as? String == "completed")
            #expect(usage(done)?["credits_used"] as? Int == `case`.credits)
            #expect(done.header("x-aimlapi-credits-used") == String(`case`.credits))
            #expect(done.header("x-aimlapi-usd-spent") == `case`.usdText)
        }
    }

    @Test("A failed job's poll answer says 0")
    func failedPoll() async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(
                TestClient.id(in: try await client.create(.unified, ["prompt": "x [sim:fail]"]), .unified))
            simulator.advanceClock(by: 600)
            let failed = try await client.poll(id, .unified)
            #expect(failed.object?["status"] as? String == "error")
            #expect(usage(failed)?["credits_used"] as? Int == 0)
            #expect(number(usage(failed)?["usd_spent"]) == 0)
            #expect(failed.header("x-aimlapi-credits-used") == "0")
            #expect(failed.header("x-aimlapi-usd-spent") == "0.000000000")
        }
    }

    @Test("A price changed at run time is what the next job costs")
    func changedPrice() async throws {
        try await withSimulator { simulator, client async throws in
            simulator.setPrice(0.5, model: "minimax/hailuo-02")
            #expect(usage(try await client.create())?["credits_used"] as? Int == 1_000_000)
            simulator.setPricing(.variable, forModel: "minimax/hailuo-02")
            // The catalogue cannot quote it: the job is charged the list price.
            #expect(usage(try await client.create())?["credits_used"] as? Int == 588_000)
        }
    }

    @Test("legacyUsage: only tokens_used, no cost headers, tracing headers kept")
    func legacy() async throws {
        try await withSimulator(SimulatorConfiguration(legacyUsage: true)) { simulator, client async throws in
            for family in [SimulatorEndpointFamily.vendor, .unified] {
                let created = try await client.create(family)
                let id = try #require(TestClient.id(in: created, family))
                #expect(usage(created)?.keys.sorted() == ["tokens_used"])
                #expect(usage(created)?["tokens_used"] as? Int == 588_000)
                #expect(created.header("x-aimlapi-credits-used") == nil)
                #expect(created.header("x-aimlapi-usd-spent") == nil)
                #expect(created.header("x-inference-id") == id)
                simulator.advanceClock(by: 301)
                let done = try await client.poll(id, family)
                #expect(usage(done)?.keys.sorted() == ["tokens_used"])
                #expect(done.header("x-aimlapi-credits-used") == nil)
            }
        }
    }

    static let costFaults: [SimulatorFault] = [
        .costHeadersMissing, .costHeadersNegative, .costHeadersGarbage, .costHeadersDisagree,
    ]

    /// The two headers a cost fault leaves on an answer whose body says 588,000 credits.
    static func expectedHeaders(_ fault: SimulatorFault) -> (String?, String?) {
        switch fault {
        case .costHeadersMissing: (nil, nil)
        case .costHeadersNegative: ("-1", "-1")
        case .costHeadersGarbage: ("abc", "abc")
        default: ("1176000", "0.588000000")
        }
    }

    @Test("Cost-header faults on a create: the body keeps its figures, the headers do not", arguments: costFaults)
    func costFaultOnCreate(_ fault: SimulatorFault) async throws {
        try await withSimulator { simulator, client async throws in
            simulator.inject(fault, on: .create)
            let created = try await client.create()
            #expect(created.status == 200)
            #expect(usage(created)?["credits_used"] as? Int == 588_000)
            let (credits, usd) = Self.expectedHeaders(fault)
            #expect(created.header("x-aimlapi-credits-used") == credits)
            #expect(created.header("x-aimlapi-usd-spent") == usd)
            #expect(created.header("x-inference-id") == TestClient.id(in: created))
            #expect(simulator.recordedRequests().first?.fault == fault)
            #expect(try await client.create().header("x-aimlapi-credits-used") == "588000")
        }
    }

    @Test("Cost-header faults on a poll wait for the answer of an ended job", arguments: costFaults)
    func costFaultOnPoll(_ fault: SimulatorFault) async throws {
        try await withSimulator { simulator, client async throws in
            let id = try #require(TestClient.id(in: try await client.create()))
            simulator.inject(fault, on: .poll)
            let pending = try await client.poll(id)
            #expect(pending.object?["status"] as? String == "queued")
            #expect(pending.header("x-aimlapi-credits-used") == "588000")
            simulator.advanceClock(by: 301)
            let done = try await client.poll(id)
            #expect(done.object?["status"] as? String == "completed")
            #expect(usage(done)?["credits_used"] as? Int == 588_000)
            let (credits, usd) = Self.expectedHeaders(fault)
            #expect(done.header("x-aimlapi-credits-used") == credits)
            #expect(done.header("x-aimlapi-usd-spent") == usd)
            #expect(simulator.recordedRequests().last?.fault == fault)
        }
    }

    @Test("Cost-header faults through the X-Simulator-Fault header")
    func costFaultByHeader() async throws {
        try await withSimulator { _, client async throws in
            let created = try await client.create(headers: ["X-Simulator-Fault": "cost-headers-garbage"])
            #expect(created.header("x-aimlapi-usd-spent") == "abc")
        }
    }
}
