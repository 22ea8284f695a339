import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

/// Unconfirmed jobs settle themselves through the provider's request logs, never by a resend.
@Suite("Settling unconfirmed jobs through the request logs", .serialized, .sharesTheMachine)
struct SettleTests {
    /// Looks right away, often, with a grace of `grace` real seconds.
    static func fast(grace: Double = 60, firstCheckDelay: Double = 0) -> SettlePolicy {
        SettlePolicy(
            firstCheckDelay: firstCheckDelay, grace: grace, baseInterval: 0.1, maxInterval: 0.4,
            requestsPerMinute: 6000)
    }

    /// Waits (bounded, not timed) until `done` holds for the job.
    static func waitFor(
        _ engine: GenerationEngine, _ id: String, seconds: Double = 30, _ done: (Job) -> Bool
    ) async throws -> Job {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let job = try engine.job(id: id), done(job) { return job }
            try await Task.sleep(for: .milliseconds(20))
        }
        return try #require(try engine.job(id: id))
    }

    @Test func aLostCreateFoundInTheLogsIsPolledToCompletionWithOneCreate() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine(settle: Self.fast())
        let submitted = try await engine.submit(GenerationParameters(prompt: "found later [sim:lost]"))
        #expect(submitted.phase == .unconfirmed)
        #expect(submitted.clientRequestID == submitted.id)
        await engine.start()
        let job = try await Self.waitFor(engine, submitted.id) { $0.phase.isFinished }
        #expect(job.phase == .completed)
        #expect(job.settleState == .found)
        #expect(job.generationID == harness.simulator.issuedGenerationIDs().first)
        #expect(harness.requests(.create).count == 1)
        let notes = try engine.history(jobID: job.id).compactMap(\.note)
        #expect(notes.filter { $0.hasPrefix("found in the provider's request logs (created ") }.count == 1)
    }

    @Test func aRowListedAsFailedFailsTheJob() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        // The first look comes after the simulated failure, so the row already says failed.
        let engine = try harness.engine(settle: Self.fast(firstCheckDelay: 1))
        let submitted = try await engine.submit(GenerationParameters(prompt: "doomed [sim:fail] [sim:lost]"))
        #expect(submitted.phase == .unconfirmed)
        await engine.start()
        let job = try await Self.waitFor(engine, submitted.id) { $0.phase.isFinished }
        #expect(job.phase == .failed)
        #expect(job.settleState == .found)
        #expect(job.errorMessage?.contains("request logs list this create as failed") == true)
        #expect(harness.requests(.create).count == 1)
        #expect(harness.requests(.poll).isEmpty)
    }

    @Test func aJobNotInTheLogsAfterTheGraceIsNotFoundUpstream() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let store = try JobStore(url: harness.databaseURL)
        let job = Self.neverSent(id: "nevers01")
        try store.insert(job)
        let engine = try harness.engine(settle: Self.fast(grace: 1))
        await engine.start()
        let settled = try await Self.waitFor(engine, job.id) { $0.settleState == .notFoundUpstream }
        #expect(settled.settleState == .notFoundUpstream)
        #expect(settled.phase == .unconfirmed)
        #expect(harness.requests(.create).isEmpty)
        #expect(harness.simulator.logsRequestCount >= 1)
        let notes = try engine.history(jobID: job.id).compactMap(\.note)
        #expect(notes.contains { $0.hasPrefix("looked up in the provider's request logs: not found yet") })
        #expect(notes.contains { $0.hasPrefix("not found in the provider's request logs") })
    }

    @Test func theLogsLagHidesTheRowAtFirstAndTheJobIsFoundLater() async throws {
        // 1 real second of lag at the harness's time scale.
        let harness = try await Harness(simulator: SimulatorConfiguration(logsLag: 2000))
        defer { Task { await harness.close() } }
        let engine = try harness.engine(settle: Self.fast())
        let submitted = try await engine.submit(GenerationParameters(prompt: "late row [sim:lost]"))
        await engine.start()
        let job = try await Self.waitFor(engine, submitted.id) { $0.phase.isFinished }
        #expect(job.phase == .completed)
        #expect(harness.requests(.create).count == 1)
        let notes = try engine.history(jobID: job.id).compactMap(\.note)
        let notYet = notes.firstIndex { $0.hasPrefix("looked up in the provider's request logs: not found yet") }
        let found = notes.firstIndex { $0.hasPrefix("found in the provider's request logs") }
        #expect(notYet != nil)
        #expect(found != nil)
        if let notYet, let found { #expect(notYet < found) }
        #expect(notes.filter { $0.hasPrefix("looked up in the provider's request logs") }.count == 1)
    }

    @Test(arguments: [
        SimulatorFault.logsBadRequest, .logsRateLimited, .logsServerError, .logsNullRows,
    ])
    func aFailingLogsAnswerNeverCrashesNorResendsAndALaterAnswerSettles(fault: SimulatorFault) async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        harness.simulator.inject(fault, on: .logs, count: 3)
        let engine = try harness.engine(settle: Self.fast())
        let submitted = try await engine.submit(GenerationParameters(prompt: "bumpy logs [sim:lost]"))
        await engine.start()
        let job = try await Self.waitFor(engine, submitted.id) { $0.phase.isFinished }
        #expect(job.phase == .completed, "\(fault)")
        #expect(harness.requests(.create).count == 1)
        #expect(harness.simulator.logsRequestCount >= 4)
        let notes = try engine.history(jobID: job.id).compactMap(\.note)
        #expect(notes.filter { $0.hasPrefix("could not look the job up") }.count <= 1)
    }

    /// The reliability row: lost answers all settle, each billed once, none resent.
    @Test func tenLostCreatesAllCompleteWithTenCreatesAndNoResend() async throws {
        let harness = try await Harness(simulator: SimulatorConfiguration(logsLag: 1000))
        defer { Task { await harness.close() } }
        let engine = try harness.engine(settle: Self.fast())
        var ids: [String] = []
        for index in 0..<10 {
            let job = try await engine.submit(GenerationParameters(prompt: "lost \(index) [sim:lost]"))
            #expect(job.phase == .unconfirmed)
            ids.append(job.id)
        }
        await engine.start()
        var completed = 0
        for id in ids {
            if try await Self.waitFor(engine, id, seconds: 60, { $0.phase.isFinished }).phase == .completed {
                completed += 1
            }
        }
        let creates = harness.requests(.create)
        let resends = creates.count - Set(creates.compactMap(\.clientRequestID)).count
        let logs = harness.simulator.logsRequestCount
        #expect(completed == 10)
        #expect(creates.count == 10)
        #expect(resends == 0)
        #expect(harness.simulator.issuedGenerationIDs().count == 10)
        print(
            "FIGURE settle-lost-answers: lost creates 10, completed \(completed), creates upstream \(creates.count), "
                + "resends \(resends), logs requests \(logs)")
    }

    static func neverSent(id: String) -> Job {
        var job = Job.fixture(id: id, phase: .unconfirmed, prompt: "never arrived")
        job.clientRequestID = id
        job.errorMessage = "the API did not answer; the job may have been created and billed"
        return job
    }
}
