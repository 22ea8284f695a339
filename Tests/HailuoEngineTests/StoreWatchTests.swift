import Foundation
import GRDB
import HailuoCore
import HailuoTestSupport
import Testing

@testable import HailuoEngine

/// The store watch: SQLite's `data_version` on a kept connection notices other connections'
/// commits, and only the rows changed since the last look are read.
@Suite("Store watch")
struct StoreWatchTests {
    /// Two stores on one file: each its own connections, as two processes have.
    struct TwoProcesses {
        let folder: TemporaryFolder
        let mine: JobStore
        let other: JobStore

        init() throws {
            folder = try TemporaryFolder()
            let url = folder.url.appendingPathComponent("jobs.sqlite")
            mine = try JobStore(url: url)
            other = try JobStore(url: url)
        }

        func seed(_ count: Int) throws -> [Job] {
            try (0..<count).map { index in
                let job = Job.fixture(id: String(format: "seed%04d", index), prompt: "clip \(index)")
                try other.insert(job)
                return job
            }
        }
    }

    @Test func nothingCommittedReadsNothing() throws {
        let stores = try TwoProcesses()
        defer { stores.folder.remove() }
        _ = try stores.seed(3)
        let watch = try stores.mine.watch()
        #expect(try watch.changes() == nil, "what was there when the watch was made counts as seen")
        #expect(try watch.changes() == nil)
    }

    @Test func aCommitFromAnotherConnectionIsNoticedWithItsJob() throws {
        let stores = try TwoProcesses()
        defer { stores.folder.remove() }
        let watch = try stores.mine.watch()
        let job = Job.fixture(id: "new00001", prompt: "a heron")
        try stores.other.insert(job)
        let changes = try #require(try watch.changes())
        #expect(changes.revisionMoved)
        #expect(changes.jobs.map(\.id) == ["new00001"])
        #expect(changes.jobs.first?.parameters.prompt == "a heron")
        #expect(try watch.changes() == nil, "a change is reported once")
    }

    @Test func thisProcessesOwnWriterIsNoticedToo() throws {
        let stores = try TwoProcesses()
        defer { stores.folder.remove() }
        let watch = try stores.mine.watch()
        try stores.mine.insert(Job.fixture(id: "mine0001"))
        #expect(try watch.changes()?.jobs.map(\.id) == ["mine0001"])
    }

    @Test func leaseRenewalsAndPollCountsCommitButChangeNoJob() throws {
        let stores = try TwoProcesses()
        defer { stores.folder.remove() }
        let jobs = try stores.seed(2)
        let watch = try stores.mine.watch()
        try stores.other.countPoll(jobs[0].id)
        #expect(try stores.other.claim(jobID: jobs[1].id, owner: "someone", leaseSeconds: 30))
        #expect(try watch.changes() == StoreChanges.none, "a commit was noticed, no job changed")
    }

    @Test func aBurstOfFiftyChangesGivesThoseFiftyJobsOnceEach() throws {
        let stores = try TwoProcesses()
        defer { stores.folder.remove() }
        let jobs = try stores.seed(200)
        let watch = try stores.mine.watch()
        let changed = Array(jobs[20..<70])
        for job in changed {
            try stores.other.update(job.id) { $0.providerStatus = "generating" }
        }
        // Ten of them change again: still one row each, in the order of their last change.
        for job in changed.prefix(10) {
            try stores.other.update(job.id) { $0.phase = .completed }
        }
        let changes = try #require(try watch.changes())
        #expect(changes.jobs.count == 50)
        #expect(Set(changes.jobs.map(\.id)) == Set(changed.map(\.id)))
        #expect(changes.jobs.suffix(10).map(\.id) == changed.prefix(10).map(\.id))
        #expect(changes.jobs.suffix(10).allSatisfy { $0.phase == .completed })
        #expect(changes.jobs.prefix(40).allSatisfy { $0.providerStatus == "generating" })
    }

    @Test func aNewGroupComesWithItsJobs() throws {
        let stores = try TwoProcesses()
        defer { stores.folder.remove() }
        let watch = try stores.mine.watch()
        var row = Job.fixture(prompt: "row one")
        row.phase = .waiting
        let group = JobGroup(
            id: LocalID.make(), kind: .batch, name: "rows.csv", source: "/data/rows.csv", createdAt: Date(), total: 0)
        let stored = try stores.other.storeBatch(group, rows: [("k1", row)])
        let changes = try #require(try watch.changes())
        #expect(changes.groups.map(\.id) == [stored.group.id])
        #expect(changes.groups.first?.total == 1)
        #expect(changes.jobs.map(\.groupID) == [stored.group.id])
    }

    @Test func aStoreFromV4IsMigratedKeepsItsJobsAndIsWatched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("jobs.sqlite")
        let pool = try DatabasePool(path: url.path)
        try StoreSchema.migrator.migrate(pool, upTo: "v4-batches")
        let old = Job.fixture(id: "old00001", prompt: "an old boat")
        // As a v4 hailuo wrote it: the columns of that day only.
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO jobs (id, phase, model, prompt, prompt_optimizer, duration, resolution, family,
                        base_url, profile, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 1, 6, '768P', 'vendor', 'http://127.0.0.1', 'default', 0, 0)
                    """,
                arguments: [old.id, old.phase.rawValue, old.parameters.model.rawValue, old.parameters.prompt])
        }
        try pool.close()
        let store = try JobStore(url: url)
        let kept = try #require(try store.job(id: "old00001"))
        #expect(kept.parameters.prompt == "an old boat")
        #expect(kept.phase == old.phase)
        #expect(kept.parameters.ratio == nil && !kept.parameters.hasReferences)
        let watch = try store.watch()
        #expect(try watch.changes() == nil, "rows from before the migration count as seen")
        let other = try JobStore(url: url)
        try other.update("old00001") { $0.providerStatus = "generating" }
        #expect(try watch.changes()?.jobs.map(\.id) == ["old00001"])
    }
}
