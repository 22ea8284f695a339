import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

/// Tracing and cost through the engine against the simulator: the `X-Client-Request-Id` on every
/// create, the ids and the provider's cost stored with the job, and bad cost figures ignored.
@Suite("Tracing and cost of jobs", .serialized, .sharesTheMachine)
struct MoneyTraceTests {
    /// The simulator's list price of the job's clip.
    static func price(_ job: Job) throws -> Double {
        let p = job.parameters
        return try #require(
            SimulatorPrices.price(model: p.model.rawValue, resolution: p.resolution.rawValue, duration: p.duration))
    }

    @Test(arguments: EndpointFamily.allCases)
    func theCreateCarriesTheLocalIDAndTheJobKeepsTheProvidersIDs(family: EndpointFamily) async throws {
        let harness = try await Harness(family: family)
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let submitted = try await engine.submit(GenerationParameters(prompt: "traced boat"))
        #expect(submitted.phase == .pending)
        #expect(submitted.clientRequestID == submitted.id)
        #expect(ClientRequestID.isValid(submitted.id))
        let creates = harness.requests(.create)
        #expect(creates.count == 1)
        #expect(creates.first?.clientRequestID == submitted.id)
        #expect(submitted.inferenceID != nil)
        #expect(submitted.inferenceID == submitted.generationID)
        // Stored, not only returned.
        let stored = try #require(try engine.job(id: submitted.id))
        #expect(stored.clientRequestID == submitted.id)
        #expect(stored.inferenceID == submitted.generationID)
    }

    @Test func aResubmitAndARetryEachCarryTheirJobsID() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        harness.simulator.inject(.serverError, on: .create)
        let lost = try await engine.submit(GenerationParameters(prompt: "lost answer"))
        #expect(lost.phase == .unconfirmed)
        let resubmitted = try await engine.resubmit(lost.id)
        #expect(resubmitted.phase == .pending)
        let retried = try await engine.retry(lost.id)
        #expect(retried.id != lost.id)
        let sent = harness.requests(.create).map(\.clientRequestID)
        #expect(sent == [lost.id, lost.id, retried.id])
        #expect(try engine.job(id: retried.id)?.clientRequestID == retried.id)
    }

    @Test func theCostComesFromTheCreateAndThenTheCompletedPoll() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let submitted = try await engine.submit(GenerationParameters(prompt: "priced boat", duration: 10))
        let price = try Self.price(submitted)
        #expect(submitted.costUSD == price)
        await engine.start()
        let job = try await harness.settle(engine, submitted.id)
        #expect(job.phase == .completed)
        #expect(job.costUSD == price)
    }

    @Test func aFailedJobCostsWhatTheFailedPollSaysNothing() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let submitted = try await engine.submit(GenerationParameters(prompt: "break [sim:fail]"))
        #expect(submitted.costUSD == (try Self.price(submitted)))  // the hold, as the create says
        await engine.start()
        let job = try await harness.settle(engine, submitted.id)
        #expect(job.phase == .failed)
        #expect(job.costUSD == 0)
    }

    static let costHeaderFaults: [SimulatorFault] = [
        .costHeadersMissing, .costHeadersNegative, .costHeadersGarbage, .costHeadersDisagree,
    ]

    @Test(arguments: costHeaderFaults)
    func aBadCostHeaderLeavesTheBodysFigureAndOneCreate(fault: SimulatorFault) async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        harness.simulator.inject(fault, on: .create)
        harness.simulator.inject(fault, on: .poll)
        let submitted = try await engine.submit(GenerationParameters(prompt: "odd headers"))
        #expect(submitted.phase == .pending)
        let price = try Self.price(submitted)
        #expect(submitted.costUSD == price)
        await engine.start()
        let job = try await harness.settle(engine, submitted.id)
        #expect(job.phase == .completed)
        #expect(job.costUSD == price)
        #expect(harness.requests(.create).count == 1)
        #expect(harness.simulator.recordedRequests().filter { $0.fault == fault }.count == 2)
    }

    @Test func legacyUsageGivesNoCostAndTheJobStillCompletes() async throws {
        let harness = try await Harness(simulator: SimulatorConfiguration(legacyUsage: true))
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        await engine.start()
        let submitted = try await engine.submit(GenerationParameters(prompt: "old answers"))
        let job = try await harness.settle(engine, submitted.id)
        #expect(job.phase == .completed)
        #expect(job.costUSD == nil)
        #expect(job.usageJSON?.contains("tokens_used") == true)
        #expect(harness.requests(.create).count == 1)
    }
}
