import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

@Suite("Poll faults: every injected fault ends as docs/PROVIDER.md says, no job lost", .serialized, .sharesTheMachine)
struct PollFaultTests {
    @Test(
        arguments: [
            SimulatorFault.serverError, .badGateway, .unavailable, .gatewayTimeout, .reset, .slow, .truncatedJSON,
            .malformedJSON, .rateLimited, .rateLimitedRetryAfter, .unknownStatus,
        ], EndpointFamily.allCases)
    func transientPollFaultsStillEndCompleted(fault: SimulatorFault, family: EndpointFamily) async throws {
        let harness = try await Harness(family: family)
        defer { Task { await harness.close() } }
        // 2 s: below the simulator's 3 s `slow` delay, above what a create takes on a loaded machine
        // (at 1 s a create was seen timing out, making the job unconfirmed).
        let engine = try harness.engine(readTimeout: 2)
        await engine.start()
        harness.simulator.inject(fault, on: .poll, count: 2)
        let submitted = try await engine.submit(GenerationParameters(prompt: "weather the \(fault.rawValue)"))
        let job = try await harness.settle(engine, submitted.id, seconds: 30)
        #expect(job.phase == .completed, "\(fault): \(job.phase) \(job.errorMessage ?? "")")
        #expect(harness.requests(.create).count == 1)
    }

    @Test func completedWithoutURLIsAFailureNotASuccess() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        await engine.start()
        let submitted = try await engine.submit(GenerationParameters(prompt: "no url please [sim:no-url]"))
        let job = try await harness.settle(engine, submitted.id)
        #expect(job.phase == .failed)
        #expect(job.videoURL == nil)
        #expect(job.errorMessage?.contains("no video URL") == true)
    }

    @Test(arguments: ["[sim:fail]", "[sim:error-detail]", "[sim:error-text]"], EndpointFamily.allCases)
    func upstreamFailuresAreShownInWords(marker: String, family: EndpointFamily) async throws {
        let harness = try await Harness(family: family)
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        await engine.start()
        let submitted = try await engine.submit(GenerationParameters(prompt: "please fail \(marker)"))
        let job = try await harness.settle(engine, submitted.id)
        #expect(job.phase == .failed)
        let message = try #require(job.errorMessage)
        #expect(!message.isEmpty)
        #expect(!message.contains("{"), "raw JSON shown: \(message)")
    }

    @Test func anUnknownStatusIsShownAsIsAndNeverCalledDone() async throws {
        let harness = try await Harness(timeScale: 200)
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        await engine.start()
        let submitted = try await engine.submit(GenerationParameters(prompt: "odd status [sim:unknown-status]"))
        var sawUnknown = false
        for _ in 0..<400 {
            let job = try #require(try engine.job(id: submitted.id))
            if job.phase == .pending, let status = job.providerStatus, ProviderStatus.meaning(of: status) == .unknown {
                sawUnknown = true
                #expect(job.displayStatus == status)
                break
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        #expect(sawUnknown)
        let history = try engine.history(jobID: submitted.id)
        #expect(history.contains { $0.note?.hasPrefix("unknown status") == true })
    }

    @Test func theTenEightyRuleUpstreamFailureIsNeverReachedBecauseWeRefuseFirst() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let issues = engine.check(GenerationParameters(prompt: "hd", duration: 10, resolution: .p1080))
        #expect(issues.contains { $0.field == .duration || $0.field == .resolution })
        #expect(harness.simulator.recordedRequests().isEmpty)
    }
}
