import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Synchronization
import Testing

/// Batches in the engine against the simulator: identity, idempotency, pacing, the budget.
@Suite("Batches in the engine", .serialized, .sharesTheMachine)
struct BatchEngineTests {
    func write(_ harness: Harness, _ name: String, _ text: String) throws -> String {
        let url = harness.folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func plan(_ engine: GenerationEngine, _ path: String) async throws -> BatchPlan {
        try await engine.planBatch(path: path, defaults: BatchDefaults(), maxJobs: 100).get()
    }

    /// Plans, stores and paces the file to the end; returns how it started.
    func run(_ engine: GenerationEngine, _ path: String, maxInFlight: Int = 2) async throws -> BatchStart {
        let start = try await engine.storeBatch(try await plan(engine, path))
        try await engine.runBatch(groupID: start.group.id, maxInFlight: maxInFlight)
        return start
    }

    func creates(_ harness: Harness) -> Int { harness.requests(.create).count }

    @Test func theSameFileTwiceSendsNothingNewAndAnEditedRowSendsOne() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        _ = try harness.writeImage("boat.png", width: 640, height: 360)
        let path = try write(
            harness, "scenes.jsonl",
            """
            {"prompt": "a boat", "image": "boat.png"}
            {"prompt": "a kite"}
            {"prompt": "a kite"}
            """)
        let engine = try harness.engine()
        let first = try await run(engine, path)
        #expect(first.added == 3)
        #expect(creates(harness) == 3)
        let again = try await run(try harness.engine(), path)
        #expect(again.added == 0 && again.alreadySent == 3)
        #expect(again.group.id == first.group.id)
        #expect(creates(harness) == 3)

        _ = try write(
            harness, "scenes.jsonl",
            """
            {"prompt": "a boat", "image": "boat.png"}
            {"prompt": "a kite, at dusk"}
            {"prompt": "a kite"}
            """)
        let edited = try await run(try harness.engine(), path)
        #expect(edited.added == 1)
        #expect(creates(harness) == 4)
        #expect(try engine.jobs(groupID: first.group.id).count == 4)  // the old row's job stays
    }

    @Test func waitingRowsLeftByAnEndedRunAreSentAndNothingTwice() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let path = try write(harness, "rows.csv", "prompt\none\ntwo\nthree\n")
        let engine = try harness.engine()
        let start = try await engine.storeBatch(try await plan(engine, path))
        // The run that stored them "ended" before sending any: all three wait in the store.
        #expect(try engine.jobs(phases: [.waiting], groupID: start.group.id).count == 3)
        #expect(creates(harness) == 0)
        let resumed = try await run(try harness.engine(), path)
        #expect(resumed.resumed == 3 && resumed.added == 0)
        #expect(creates(harness) == 3)
        #expect(try engine.jobs(phases: [.waiting], groupID: start.group.id).isEmpty)
    }

    @Test func anUnconfirmedRowCountsAsSent() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        harness.simulator.inject(.reset, on: .create, count: 1)
        let path = try write(harness, "one.jsonl", #"{"prompt": "lost answer"}"#)
        let engine = try harness.engine()
        let start = try await run(engine, path)
        let job = try #require(try engine.job(id: start.jobIDs[0]))
        #expect(job.phase == .unconfirmed)
        let sent = creates(harness)
        let again = try await run(try harness.engine(), path)
        #expect(again.alreadySent == 1 && again.added == 0 && again.resumed == 0)
        #expect(creates(harness) == sent)
    }

    @Test func pacingKeepsAtMostNInFlight() async throws {
        let harness = try await Harness(timeScale: 400)
        defer { Task { await harness.close() } }
        let path = try write(harness, "six.csv", "prompt\n" + (1...6).map { "clip \($0)" }.joined(separator: "\n"))
        let engine = try harness.engine()
        let start = try await engine.storeBatch(try await plan(engine, path))
        let most = Most()
        try await engine.runBatch(groupID: start.group.id, maxInFlight: 2) { most.note($0.inFlight) }
        #expect(most.value <= 2)
        #expect(creates(harness) == 6)
    }

    @Test func aBatchOverTheBudgetIsRefusedBeforeAnythingIsStored() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let path = try write(harness, "many.csv", "prompt\n" + (1...5).map { "clip \($0)" }.joined(separator: "\n"))
        let engine = try harness.engine(budget: Budget(dailyUSD: 1))
        let price = try #require(harness.simulator.price(model: "minimax/hailuo-02", resolution: "768P", duration: 6))
        do {
            _ = try await engine.storeBatch(try await plan(engine, path))
            Issue.record("the batch was stored")
        } catch {
            #expect(
                String(describing: error)
                    == "daily budget $1.00: spent $0.00 + pending $0.00 + these 5 jobs "
                    + "\(PriceQuote.dollars(price * 5)) = \(PriceQuote.dollars(price * 5))")
        }
        #expect(try engine.jobs(includeHidden: true).isEmpty)
        #expect(try engine.groups().isEmpty)
        #expect(creates(harness) == 0)
    }

    @Test func variantsAreOneGroupOfSeparateJobs() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let (group, jobs) = try await engine.submitVariants(GenerationParameters(prompt: "three boats"), count: 3)
        #expect(group.kind == .variants && group.total == 3)
        #expect(group.name == "×3 three boats")
        #expect(Set(jobs.map(\.id)).count == 3)
        #expect(jobs.allSatisfy { $0.groupID == group.id })
        #expect(creates(harness) == 3)
        let picked = try await engine.setFavourite(jobID: jobs[1].id, true)
        #expect(picked.favourite)
        #expect(try engine.jobs(favouritesOnly: true).map(\.id) == [jobs[1].id])
        #expect(try engine.groups().map(\.id) == [group.id])
    }
}

/// The largest number seen.
final class Most: Sendable {
    private let most = Mutex(0)
    func note(_ value: Int) { most.withLock { $0 = max($0, value) } }
    var value: Int { most.withLock { $0 } }
}
