import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

@Suite("Money safety: a POST is resent only when it certainly was not accepted", .serialized, .sharesTheMachine)
struct MoneySafetyTests {
    @Test(
        arguments: [
            SimulatorFault.slow, .reset, .serverError, .badGateway, .gatewayTimeout, .truncatedJSON, .malformedJSON,
        ], EndpointFamily.allCases)
    func aLostAnswerBecomesUnconfirmedAndIsNeverResent(fault: SimulatorFault, family: EndpointFamily) async throws {
        let harness = try await Harness(family: family)
        defer { Task { await harness.close() } }
        let engine = try harness.engine(readTimeout: 1)
        harness.simulator.inject(fault, on: .create, count: 1)
        let job = try await engine.submit(GenerationParameters(prompt: "may be billed"))
        #expect(job.phase == .unconfirmed, "\(fault): \(job.errorMessage ?? "")")
        #expect(job.errorMessage?.contains("not sent again") == true)
        #expect(harness.requests(.create).count == 1, "\(fault) was resent")
        // Still unconfirmed after the scheduler ran: nothing resends it on its own.
        await engine.start()
        try await Task.sleep(for: .milliseconds(300))
        #expect(try engine.job(id: job.id)?.phase == .unconfirmed)
        #expect(harness.requests(.create).count == 1)
    }

    @Test(arguments: [SimulatorFault.rateLimited, .unavailable], EndpointFamily.allCases)
    func refusedBeforeAcceptanceIsRetriedAndBilledOnce(fault: SimulatorFault, family: EndpointFamily) async throws {
        let harness = try await Harness(family: family)
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        await engine.start()
        harness.simulator.inject(fault, on: .create, count: 2)
        let submitted = try await engine.submit(GenerationParameters(prompt: "retry me"))
        #expect(submitted.phase == .pending)
        #expect(harness.requests(.create).count == 3)
        #expect(harness.simulator.issuedGenerationIDs().count == 1)
        #expect(try await harness.settle(engine, submitted.id).phase == .completed)
    }

    @Test func retryAfterIsHonoured() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        harness.simulator.inject(.rateLimitedRetryAfter, on: .create, count: 1)
        let submitted = try await engine.submit(GenerationParameters(prompt: "patience"))
        #expect(submitted.phase == .pending)
        let creates = harness.requests(.create)
        #expect(creates.count == 2)
        // The second attempt came after the server's Retry-After (2 s), not after our 50 ms backoff.
        #expect(creates[1].receivedAt.timeIntervalSince(creates[0].receivedAt) >= 1.9)
    }

    @Test func refusedRequestsFailWithTheProvidersWordsAndAreNotRetried() async throws {
        let harness = try await Harness(simulator: SimulatorConfiguration(acceptedKeys: ["some-other-key"]))
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let job = try await engine.submit(GenerationParameters(prompt: "wrong key"))
        #expect(job.phase == .failed)
        #expect(job.errorMessage?.contains("401") == true)
        #expect(job.errorRequestID != nil)
        #expect(harness.requests(.create).count == 1)
    }

    @Test func connectionRefusedIsRetriedThenFailsWithNothingSent() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        // A port nobody listens on: bind one, note it, close it.
        let closed = try closedLoopbackPort()
        let engine = try harness.engine(baseURL: "http://127.0.0.1:\(closed)")
        let job = try await engine.submit(GenerationParameters(prompt: "nobody home"))
        #expect(job.phase == .failed)
        #expect(job.errorMessage?.contains("nothing was sent") == true)
        #expect(harness.simulator.recordedRequests().isEmpty)
    }

    @Test func anUnconfirmedJobIsResentOnlyByTheUser() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine(readTimeout: 1)
        await engine.start()
        harness.simulator.inject(.reset, on: .create, count: 1)
        let job = try await engine.submit(GenerationParameters(prompt: "try again by hand"))
        #expect(job.phase == .unconfirmed)
        let again = try await engine.resubmit(job.id)
        #expect(again.id == job.id)
        #expect(again.phase == .pending)
        #expect(harness.requests(.create).count == 2)
        #expect(try await harness.settle(engine, job.id).phase == .completed)
        let dismissedCandidate = try await engine.submit(GenerationParameters(prompt: "dismiss me"))
        await #expect(throws: EngineError.self) { try await engine.dismiss(dismissedCandidate.id) }
    }

    @Test func aDismissedJobStaysInTheStore() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine(readTimeout: 1)
        harness.simulator.inject(.slow, on: .create, count: 1)
        let job = try await engine.submit(GenerationParameters(prompt: "dismiss me"))
        #expect(job.phase == .unconfirmed)
        let dismissed = try await engine.dismiss(job.id)
        #expect(dismissed.phase == .dismissed)
        #expect(try engine.job(id: job.id)?.phase == .dismissed)
        #expect(try engine.history(jobID: job.id).last?.note == "dismissed by the user")
    }
}

/// A loopback port that was free a moment ago and has no listener now.
func closedLoopbackPort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
