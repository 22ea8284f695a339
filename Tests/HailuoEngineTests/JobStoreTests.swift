import Foundation
import GRDB
import HailuoCore
import HailuoTestSupport
import Testing

@testable import HailuoEngine

@Suite("Job store")
struct JobStoreTests {
    @Test func filesArePrivateAndTheJobRoundTrips() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        var job = Job.fixture(prompt: "雨の中の紙の船 🚣 \"quoted\"")
        job.parameters.firstFrame = "~/frame.png"
        job.firstFrameSHA256 = String(repeating: "a", count: 64)
        job.usageJSON = #"{"tokens_used":1}"#
        try store.insert(job)
        let read = try #require(try store.job(id: job.id))
        #expect(read.parameters == job.parameters)
        #expect(read.firstFrameSHA256 == job.firstFrameSHA256)
        #expect(read.generationID == job.generationID)
        #expect(abs(read.createdAt.timeIntervalSince(job.createdAt)) < 0.001)
        for name in ["jobs.sqlite", "jobs.sqlite-wal", "jobs.sqlite-shm"] {
            let path = folder.url.appendingPathComponent(name).path
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(name) has mode \(String(mode, radix: 8))")
        }
    }

    /// Rows are read by column position: a job with a distinct value in every field comes back equal.
    @Test func everyFieldComesBackFromItsOwnColumn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_800_000_000 + seconds) }
        let job = Job(
            id: "abcd2345", generationID: "gen-1", phase: .completed, providerStatus: "completed",
            parameters: GenerationParameters(
                model: "minimax/hailuo-02", prompt: "every column", promptOptimizer: false, duration: 10,
                resolution: .p768, firstFrame: "first.png", lastFrame: "last.png"),
            firstFramePath: "/f/first.png", firstFrameSHA256: String(repeating: "1", count: 64),
            lastFramePath: "/f/last.png", lastFrameSHA256: String(repeating: "2", count: 64), family: .unified,
            baseURL: "http://127.0.0.1:9", profile: "work", createdAt: at(1), updatedAt: at(2), submittedAt: at(3),
            finishedAt: at(4), videoURL: "http://127.0.0.1:9/v.mp4", videoURLExpiresAt: at(5), filePath: "/v/a.mp4",
            downloadedAt: at(6), errorMessage: "a message", errorRequestID: "req-7", usageJSON: "{}", hidden: true,
            clientRequestID: "abcd2345", inferenceID: "inf-8", estimatedUSD: 0.294, costUSD: 0.3)
        try store.insert(job)
        #expect(try store.job(id: job.id) == job)
    }

    @Test func theStoreRunsInWALModeSoProcessesShareIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let mode = try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func everyStatusChangeIsKeptWithItsTime() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let job = Job.fixture(phase: .submitting)
        try store.insert(job, note: "submitting")
        try store.update(job.id) {
            $0.phase = .pending; $0.providerStatus = "queued"
        }
        try store.update(job.id) { $0.providerStatus = "queued" }  // no change: no entry
        try store.update(job.id) { $0.providerStatus = "generating" }
        try store.update(job.id) {
            $0.phase = .completed; $0.providerStatus = "completed"; $0.videoURL = "http://x/v.mp4"
        }
        let words = try store.history(jobID: job.id).map {
            $0.phase == .pending ? $0.providerStatus ?? "" : $0.phase.rawValue
        }
        #expect(words == ["submitting", "queued", "generating", "completed"])
    }

    @Test func resolvesLocalIDGenerationIDSuffixAndPrefix() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        var job = Job.fixture(id: "abcd2345")
        job.generationID = "349865017168125:minimax/hailuo-2.3"
        try store.insert(job)
        try store.insert(Job.fixture(id: "abce9999"))
        #expect(try store.resolve("abcd2345")?.id == "abcd2345")
        #expect(try store.resolve("349865017168125:minimax/hailuo-2.3")?.id == "abcd2345")
        #expect(try store.resolve("349865017168125")?.id == "abcd2345")
        #expect(try store.resolve("abcd")?.id == "abcd2345")
        #expect(throws: StoreError.self) { try store.resolve("abc") }
        #expect(try store.resolve("zzzz") == nil)
    }

    @Test func revisionGrowsOnChangesButNotOnLeaseRenewals() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let before = try store.revision()
        let job = Job.fixture()
        try store.insert(job)
        let afterInsert = try store.revision()
        #expect(afterInsert > before)
        _ = try store.claimPending(owner: "me", leaseSeconds: 30)
        #expect(try store.revision() == afterInsert)
        try store.update(job.id) { $0.providerStatus = "generating" }
        #expect(try store.revision() > afterInsert)
    }

    @Test func aRenewalReadsBackWholeJobsOnlyForThoseTheCallerDoesNotKnow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("jobs.sqlite")
        let store = try JobStore(url: url)
        let other = try JobStore(url: url)
        let jobs = (1...3).map { Job.fixture(id: "renew00\($0)") }
        for job in jobs { try store.insert(job) }
        let now = Date()
        let first = try store.renewLeases(owner: "A", leaseSeconds: 30, known: [], now: now)
        #expect(first.held == Set(jobs.map(\.id)))
        #expect(Set(first.new.map(\.id)) == Set(jobs.map(\.id)))
        #expect(first.new.first { $0.id == jobs[0].id }?.parameters.prompt == jobs[0].parameters.prompt)
        // Known jobs are renewed (another owner still cannot take them) but not read back.
        let later = now.addingTimeInterval(20)
        let second = try store.renewLeases(owner: "A", leaseSeconds: 30, known: first.held, now: later)
        #expect(second.held == first.held)
        #expect(second.new.isEmpty)
        #expect(try other.claimPending(owner: "B", leaseSeconds: 30, now: now.addingTimeInterval(40)).isEmpty)
        // A job done elsewhere leaves the held set.
        try other.update(jobs[1].id) { $0.phase = .completed }
        let third = try store.renewLeases(owner: "A", leaseSeconds: 30, known: second.held, now: later)
        #expect(third.held == [jobs[0].id, jobs[2].id])
        #expect(third.new.isEmpty)
    }

    @Test func aFirstClaimOfManyJobsReadsThemAllAndARenewalNone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        // More than the by-id read takes: the first claim reads the held rows in one pass.
        let ids = Set((0..<450).map { String(format: "many%04d", $0) })
        for id in ids { try store.insert(Job.fixture(id: id)) }
        let first = try store.renewLeases(owner: "A", leaseSeconds: 30, known: [])
        #expect(first.held == ids)
        #expect(Set(first.new.map(\.id)) == ids)
        #expect(first.new.count == ids.count)
        let some = Set(ids.sorted().prefix(300))
        let second = try store.renewLeases(owner: "A", leaseSeconds: 30, known: some)
        #expect(Set(second.new.map(\.id)) == ids.subtracting(some))
    }

    @Test func aLeaseIsHeldByOneOwnerUntilItLapsesOrIsReleased() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("jobs.sqlite")
        let first = try JobStore(url: url)
        let second = try JobStore(url: url)  // another connection pool, as another process has
        let job = Job.fixture()
        try first.insert(job)
        let now = Date()
        #expect(try first.claimPending(owner: "A", leaseSeconds: 30, now: now).map(\.id) == [job.id])
        #expect(try second.claimPending(owner: "B", leaseSeconds: 30, now: now).isEmpty)
        #expect(
            try second.claimPending(owner: "B", leaseSeconds: 30, now: now.addingTimeInterval(31)).map(\.id) == [job.id]
        )
        try second.releaseLeases(owner: "B")
        #expect(
            try first.claimPending(owner: "A", leaseSeconds: 30, now: now.addingTimeInterval(32)).map(\.id) == [job.id])
    }

    @Test func claimCanBeLimitedToSomeJobs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let a = Job.fixture(), b = Job.fixture()
        try store.insert(a)
        try store.insert(b)
        #expect(try store.claimPending(owner: "W", leaseSeconds: 30, only: [a.id]).map(\.id) == [a.id])
        #expect(try store.claimPending(owner: "T", leaseSeconds: 30).map(\.id) == [b.id])
    }

    @Test func anAbandonedSubmissionBecomesUnconfirmed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let dead = Job.fixture(phase: .submitting)
        let alive = Job.fixture(phase: .submitting)
        try store.insert(dead, leaseOwner: "host:1:dead", leaseSeconds: 3600)
        try store.insert(alive, leaseOwner: "host:2:alive", leaseSeconds: 3600)
        let recovered = try store.recoverAbandoned(isAlive: { $0.hasSuffix("alive") })
        #expect(recovered.map(\.id) == [dead.id])
        #expect(try store.job(id: dead.id)?.phase == .unconfirmed)
        #expect(try store.job(id: alive.id)?.phase == .submitting)
    }

    @Test func anAbandonedSubmissionIsFoundByAReadFirst() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let job = Job.fixture(phase: .submitting)
        try store.insert(job, leaseOwner: "host:1:dead", leaseSeconds: 3600)
        let revision = try store.revision()
        #expect(try store.hasAbandonedSubmissions(isAlive: { _ in true }) == false)
        #expect(try store.hasAbandonedSubmissions(isAlive: { _ in false }))
        #expect(try store.hasAbandonedSubmissions(isAlive: { _ in true }, now: Date().addingTimeInterval(7200)))
        #expect(try store.revision() == revision)
        #expect(try store.job(id: job.id)?.phase == .submitting)
    }

    @Test func aReadOnlyStoreCreatesNothingAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = folder.url.appendingPathComponent("jobs.sqlite")
        #expect(try JobStore.openReadOnly(url: url) == nil)
        #expect(!FileManager.default.fileExists(atPath: url.path))

        let job = Job.fixture(createdAt: Date(timeIntervalSince1970: 1_800_000_000))
        try JobStore(url: url).insert(job)
        let reader = try #require(try JobStore.openReadOnly(url: url))
        #expect(try reader.job(id: job.id) == job)
        #expect(try reader.jobs().map(\.id) == [job.id])
        #expect(throws: (any Error).self) { try reader.update(job.id) { $0.hidden = true } }
        #expect(try reader.job(id: job.id)?.hidden == false)
    }

    @Test func listsNewestFirstFilteredAndWithoutHidden() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let old = Job.fixture(phase: .completed, createdAt: Date(timeIntervalSinceNow: -100))
        let new = Job.fixture(phase: .pending)
        var hidden = Job.fixture(phase: .failed, createdAt: Date(timeIntervalSinceNow: -50))
        hidden.hidden = true
        for job in [old, new, hidden] { try store.insert(job) }
        #expect(try store.jobs().map(\.id) == [new.id, old.id])
        #expect(try store.jobs(includeHidden: true).map(\.id) == [new.id, hidden.id, old.id])
        #expect(try store.jobs(phases: [.completed]).map(\.id) == [old.id])
    }

    @Test func generationTimesComeFromCompletedJobsOfTheSameKind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        var done = Job.fixture(phase: .completed)
        done.finishedAt = done.submittedAt?.addingTimeInterval(250)
        var other = Job.fixture(phase: .completed)
        other.parameters.duration = 10
        other.finishedAt = other.submittedAt?.addingTimeInterval(500)
        try store.insert(done)
        try store.insert(other)
        let times = try store.generationTimes(model: "minimax/hailuo-02", duration: 6, resolution: .p768)
        #expect(times.count == 1)
        #expect(abs(times[0] - 250) < 0.01)
    }

    /// The learned windows' read is an index range already in order, not a sort of every completed
    /// job (the plan SQLite chose; with 10,000 jobs the sort took 4-10 ms at every start).
    @Test func generationTimesReadAnIndexRange() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        let plan = try store.pool.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + JobStore.generationTimesSQL,
                arguments: ["minimax/hailuo-02", 6, "768P", 50]
            ).map { $0["detail"] as String? ?? "" }
        }
        #expect(plan.contains { $0.contains("jobs_generation_times") })
        #expect(!plan.contains { $0.contains("TEMP B-TREE") })
    }
}
