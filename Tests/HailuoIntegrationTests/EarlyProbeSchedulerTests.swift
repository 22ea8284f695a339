import AsyncHTTPClient
import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Logging
import Testing

/// Jobs refused seconds after acceptance (`[sim:fail-early]`) are known at the first early probe.
/// Polls are counted, never timed.
@Suite("Early probes: a job refused seconds after acceptance", .serialized, .sharesTheMachine)
struct EarlyProbeSchedulerTests {
    /// The policy walked on a manual clock: the simulator's time moves only by the policy's waits
    /// (`advanceClock`), each wait is followed by one real poll, and the first answer that is not
    /// pending ends the walk.
    @Test(arguments: [true, false])
    func aRefusalIsKnownAtTheFirstProbeOnAManualClock(probes: Bool) async throws {
        let harness = try await Harness(timeScale: 1)  // provider seconds; nothing moves unless told
        defer { Task { await harness.close() } }
        let engine = try harness.engine()  // never started: only this walk polls
        let job = try await engine.submit(GenerationParameters(prompt: "a refused cat [sim:fail-early]"))
        let generationID = try #require(job.generationID)
        let policy = probes ? PollPolicy() : PollPolicy(earlyProbes: [])
        let window = engine.expectedGenerationWindow(for: job)

        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let client = APIClient(
            endpoint: APIEndpoint(baseURL: harness.simulator.baseURL, family: .vendor, apiKey: "sk-test"),
            http: http, logger: logger)
        var elapsed = 0.0
        var polls = 0
        var last: PollResult?
        while polls < 20 {
            let wait = policy.nextDelay(elapsed: elapsed, window: window)
            harness.simulator.advanceClock(by: wait)
            elapsed += wait
            polls += 1
            let answer = try await client.poll(generationID: generationID)
            last = answer
            if answer.meaning != .pending { break }
        }
        try await http.shutdown()

        // The simulator refuses the job 2 to 5 s after acceptance, so the first poll already sees it:
        // with probes that poll is 10 s in, without them a minute in.
        #expect(polls == 1)
        #expect(last?.meaning == .failed)
        #expect(elapsed == (probes ? 10 : 60))
        let end = try #require(harness.simulator.providerSecondsToEnd(ofGenerationID: generationID))
        #expect(end >= 2 && end <= 5)
    }

    /// The real scheduler on a compressed clock (×20, every interval divided alike, as the
    /// benchmark runs it): the refused job ends failed after exactly one poll, the first probe,
    /// with the provider's sentence, and nothing is sent twice.
    @Test func theSchedulerLearnsOfARefusalFromItsFirstPoll() async throws {
        let scale = 20.0
        let harness = try await Harness(timeScale: scale)
        defer { Task { await harness.close() } }
        let policy = PollPolicy(minInterval: 3 / scale, maxInterval: 60 / scale, timeScale: scale)
        let engine = try harness.engine(policy: policy, requestsPerSecond: 2 * scale)
        await engine.start()
        let refused = try await engine.submit(GenerationParameters(prompt: "refused [sim:fail-early]"))
        let ended = try await harness.settle(engine, refused.id, seconds: 60)
        await engine.shutdown()

        #expect(ended.phase == .failed)
        #expect(ended.errorMessage?.contains("moderation") == true, "\(ended.errorMessage ?? "no message")")
        #expect(harness.requests(.poll, for: refused.generationID).count == 1)
        #expect(harness.requests(.create).count == 1)
    }
}
