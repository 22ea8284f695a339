import Foundation
import GRDB
import HailuoCore
import HailuoTestSupport
import Testing

@testable import HailuoEngine

@Suite("Groups and batch rows in the store")
struct BatchStoreTests {
    func waiting(_ prompt: String) -> Job {
        var job = Job.fixture(prompt: prompt)
        job.phase = .waiting
        return job
    }

    func group(source: String = "/data/scenes.csv") -> JobGroup {
        JobGroup(id: LocalID.make(), kind: .batch, name: "scenes.csv", source: source, createdAt: Date(), total: 0)
    }

    @Test func aStoreFromV3IsMigratedAndKeepsItsJobs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("jobs.sqlite")
        let pool = try DatabasePool(path: url.path)
        try StoreSchema.migrator.migrate(pool, upTo: "v3-settle")
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO jobs (id, phase, model, prompt, prompt_optimizer, duration, resolution, family,
                        base_url, profile, created_at, updated_at)
                    VALUES ('old00001', 'completed', 'minimax/hailuo-02', 'an old boat', 1, 6, '768P', 'vendor',
                        'http://x', 'default', 1, 1)
                    """)
        }
        try pool.close()
        let readOnly = try #require(try JobStore.openReadOnly(url: url))
        let old = try #require(try readOnly.job(id: "old00001"))
        #expect(old.groupID == nil)
        #expect(old.favourite == false)
        #expect(old.phase == .completed)
        let store = try JobStore(url: url)
        #expect(try store.groups().isEmpty)
        try store.setFavourite("old00001", true)
        #expect(try store.jobs(favouritesOnly: true).map(\.id) == ["old00001"])
    }

    @Test func theSameRowsTwiceAddNothingAndTheGroupIsReused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let first = try store.storeBatch(group(), rows: [("k1", waiting("a")), ("k2", waiting("b"))])
        #expect(first.added.count == 2)
        #expect(first.group.total == 2)
        let again = try store.storeBatch(
            group(), rows: [("k1", waiting("a")), ("k2", waiting("b")), ("k3", waiting("c"))])
        #expect(again.group.id == first.group.id)
        #expect(again.added.map(\.key) == ["k3"])
        #expect(again.group.total == 3)
        #expect(try store.jobs(groupID: first.group.id).count == 3)
        #expect(try store.waitingJobs(groupID: first.group.id).map(\.parameters.prompt) == ["a", "b", "c"])
        #expect(try store.batchRows(groupID: first.group.id).count == 3)
        #expect(try store.groups().count == 1)
    }

    @Test func aWaitingJobIsClaimedOnceAndNotCountedInTheBudget() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        var job = waiting("a")
        job.estimatedUSD = 0.29
        let stored = try store.storeBatch(group(), rows: [("k1", job)])
        let id = try #require(stored.added.first?.jobID)
        let periods = BudgetPeriods(now: Date())
        #expect(try store.ledger(periods: periods).pending == 0)
        let claimed = try store.claimWaiting(
            id, owner: "me", leaseSeconds: 60, estimatedUSD: 0.29, periods: periods
        ) { _ in nil }
        #expect(try claimed?.get().phase == .submitting)
        #expect(try store.ledger(periods: periods).pending == 0.29)
        let twice = try store.claimWaiting(
            id, owner: "other", leaseSeconds: 60, estimatedUSD: 0.29, periods: periods
        ) { _ in nil }
        #expect(twice == nil)
    }

    @Test func aRefusedClaimLeavesTheJobWaiting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let stored = try store.storeBatch(group(), rows: [("k1", waiting("a"))])
        let id = try #require(stored.added.first?.jobID)
        let claimed = try store.claimWaiting(
            id, owner: "me", leaseSeconds: 60, estimatedUSD: 0.29, periods: BudgetPeriods(now: Date())
        ) { _ in "no" }
        #expect(claimed == .failure(BudgetRefusal(sentence: "no")))
        #expect(try store.job(id: id)?.phase == .waiting)
    }
}
