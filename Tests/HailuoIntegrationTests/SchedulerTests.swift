import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

@Suite("Poll scheduler against the simulator", .serialized, .sharesTheMachine)
struct SchedulerTests {
    @Test func theRequestRateCapHoldsAcrossAllJobs() async throws {
        let harness = try await Harness(timeScale: 2000)
        defer { Task { await harness.close() } }
        let cap = 4.0
        let engine = try harness.engine(
            readTimeout: 2, policy: PollPolicy(minInterval: 0.05, maxInterval: 0.1, timeScale: 2000),
            requestsPerSecond: cap)
        var ids: [String] = []
        for index in 0..<12 {
            ids.append(try await engine.submit(GenerationParameters(prompt: "capped \(index)")).id)
        }
        await engine.start()
        for id in ids {
            #expect(try await harness.settle(engine, id, seconds: 60).phase == .completed)
        }
        await engine.shutdown()
        let times = harness.requests(.poll).map(\.receivedAt).sorted()
        #expect(times.count >= ids.count)
        // Arrival times at the server: on a loaded machine a few requests sent 250 ms apart can
        // arrive together, so one second may hold one or two more than the cap (the unloaded
        // figure is the benchmark's); without a cap it would hold dozens. Over the whole run the
        // mean stays at or under the cap.
        var busiest = 0
        for (index, start) in times.enumerated() {
            let inWindow = times[index...].prefix { $0.timeIntervalSince(start) < 1 }.count
            busiest = max(busiest, inWindow)
        }
        #expect(busiest <= Int(cap) + 2, "busiest second saw \(busiest) polls with a cap of \(cap)")
        if let first = times.first, let last = times.last, times.count > 1 {
            let mean = Double(times.count - 1) / max(0.001, last.timeIntervalSince(first))
            #expect(mean <= cap * 1.05, "mean rate \(mean) per second with a cap of \(cap)")
        }
    }

    @Test func pollNowPollsAtOnceInsteadOfWaitingForTheSchedule() async throws {
        let harness = try await Harness(timeScale: 1)  // a real-time job: the schedule would wait a minute
        defer { Task { await harness.close() } }
        // The provider's own schedule (first poll a minute away), so only poll-now can poll sooner.
        let engine = try harness.engine(readTimeout: 2, policy: PollPolicy(), requestsPerSecond: 2)
        let job = try await engine.submit(GenerationParameters(prompt: "poke me"))
        await engine.start()
        try await Task.sleep(for: .milliseconds(300))
        let before = harness.requests(.poll, for: job.generationID).count
        #expect(try await engine.pollNow(job.id))
        var after = before
        for _ in 0..<100 where after == before {
            try await Task.sleep(for: .milliseconds(20))
            after = harness.requests(.poll, for: job.generationID).count
        }
        #expect(after == before + 1)
        await engine.shutdown()
    }
}
