import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import HailuoTestSupport
import Testing

@Suite("Several processes on one store", .serialized, .sharesTheMachine)
struct SharedStoreTests {
    /// Engine A talks to simulator 1, engine B to simulator 2 (ids are stateless, so either can
    /// answer for any job): polls per job per simulator show who polled what.
    @Test func twoEnginesPollEachJobOnce() async throws {
        let harness = try await Harness(timeScale: 300)
        defer { Task { await harness.close() } }
        let second = Simulator(configuration: SimulatorConfiguration(timeScale: 300))
        _ = try await second.start()
        let submitter = try harness.engine()
        var ids: [String] = []
        for index in 0..<6 {
            ids.append(try await submitter.submit(GenerationParameters(prompt: "shared \(index)")).id)
        }
        await submitter.shutdown()

        let a = try harness.engine()
        let b = try harness.engine(baseURL: second.baseURL)
        await a.start()
        await b.start()
        for id in ids {
            let job = try await harness.settle(a, id, seconds: 30)
            #expect(job.phase == .completed)
        }
        var pollsByA = 0
        var pollsByB = 0
        for id in ids {
            let generationID = try #require(try a.job(id: id)?.generationID)
            let one = harness.requests(.poll, for: generationID).count
            let two = second.recordedRequests().filter { $0.kind == .poll && $0.generationID == generationID }.count
            #expect(one == 0 || two == 0, "job \(id) was polled by both engines (\(one) and \(two))")
            pollsByA += one
            pollsByB += two
        }
        #expect(pollsByA + pollsByB >= ids.count)
        await second.stop()
    }

    @Test func closingOneEngineHandsItsJobsToTheOther() async throws {
        let harness = try await Harness(timeScale: 30)
        defer { Task { await harness.close() } }
        let second = Simulator(configuration: SimulatorConfiguration(timeScale: 30))
        _ = try await second.start()
        let a = try harness.engine(leaseSeconds: 1.5)
        await a.start()
        let job = try await a.submit(GenerationParameters(prompt: "hand me over"))
        let b = try harness.engine(leaseSeconds: 1.5, baseURL: second.baseURL)
        await b.start()
        try await Task.sleep(for: .seconds(1))
        let generationID = try #require(job.generationID)
        #expect(second.recordedRequests().filter { $0.generationID == generationID }.isEmpty)
        await a.shutdown()
        var polledByB = false
        for _ in 0..<100 {
            if second.recordedRequests().contains(where: { $0.kind == .poll && $0.generationID == generationID }) {
                polledByB = true
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(polledByB)
        await second.stop()
    }

    /// With a 60 s lease, B's own lease refresh comes only every 20 s: B must take A's job over
    /// because A gave its leases back (a store change), not because B's refresh came round.
    @Test func aQuittingEngineIsTakenOverAtOnceNotAtTheNextLeaseRefresh() async throws {
        let harness = try await Harness(timeScale: 30)
        defer { Task { await harness.close() } }
        let second = Simulator(configuration: SimulatorConfiguration(timeScale: 30))
        _ = try await second.start()
        defer { Task { await second.stop() } }
        let a = try harness.engine(leaseSeconds: 60)
        await a.start()
        let job = try await a.submit(GenerationParameters(prompt: "take me over at once"))
        let b = try harness.engine(leaseSeconds: 60, baseURL: second.baseURL)
        await b.start()
        let generationID = try #require(job.generationID)
        await a.shutdown()
        var polledByB = false
        // 10 s: half of B's 20 s refresh period, and far more than the store watch (0.1 s) needs.
        for _ in 0..<200 where !polledByB {
            polledByB = second.recordedRequests().contains { $0.kind == .poll && $0.generationID == generationID }
            if !polledByB { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(polledByB, "B did not take over the job A gave back")
    }

    @Test func everyProcessSeesEveryJobAndIsToldOfChanges() async throws {
        let harness = try await Harness(timeScale: 30)
        defer { Task { await harness.close() } }
        let watcher = try harness.engine()
        let events = watcher.events()
        await watcher.start()
        let other = try harness.engine()
        let job = try await other.submit(GenerationParameters(prompt: "see me"))
        var told = false
        for await event in events {
            if case .jobsChanged(let jobs) = event, jobs.contains(where: { $0.id == job.id }) {
                told = true
                break
            }
        }
        #expect(told, "the other process's job arrives as a changed job")
        #expect(try watcher.job(id: job.id) != nil)
    }

    @Test func aBurstOfFiftyChangesByAnotherProcessArrivesAsThoseFiftyJobs() async throws {
        let harness = try await Harness(timeScale: 30)
        defer { Task { await harness.close() } }
        // Another process's store: its own connections to the same file.
        let other = try JobStore(url: harness.databaseURL)
        let seeded = try (0..<200).map { index in
            let job = Job.fixture(id: String(format: "seed%04d", index), phase: .completed)
            try other.insert(job)
            return job
        }
        let watcher = try harness.engine()
        let events = watcher.events()
        await watcher.start()
        let changed = Array(seeded[100..<150])
        for job in changed {
            try other.update(job.id) { $0.filePath = "/videos/\($0.id).mp4" }
        }
        let collector = Task {
            var seen: [String] = []
            for await event in events {
                if case .jobsChanged(let jobs) = event { seen += jobs.map(\.id) }
                if Set(seen).count >= changed.count { break }
            }
            return seen
        }
        let timeout = Task {
            try? await Task.sleep(for: .seconds(20))
            collector.cancel()
        }
        let seen = await collector.value
        timeout.cancel()
        #expect(Set(seen) == Set(changed.map(\.id)), "those fifty, none lost, no other job")
        #expect(seen.count == changed.count, "each once")
    }

    @Test func twoProcessesDownloadingOneVideoFetchItOnce() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let a = try harness.engine()
        let b = try harness.engine()
        await a.start()
        let submitted = try await a.submit(GenerationParameters(prompt: "download me once"))
        #expect(try await harness.settle(a, submitted.id).phase == .completed)
        async let first = a.download(submitted.id)
        async let second = b.download(submitted.id)
        let (one, two) = try await (first, second)
        #expect(one.filePath == two.filePath)
        #expect(harness.requests(.download).count == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: harness.downloads.path)
        #expect(files.filter { $0.hasSuffix(".mp4") }.count == 1)
        #expect(try a.history(jobID: submitted.id).filter { $0.note?.hasPrefix("downloaded") == true }.count == 1)
    }

    @Test func aSubmissionInterruptedByACrashBecomesUnconfirmed() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let store = try JobStore(url: harness.databaseURL)
        // A row written by a process (pid 999999 on this host) that died before the POST answered.
        let now = Date()
        let job = Job(
            id: "crash001", phase: .submitting, parameters: GenerationParameters(prompt: "crashed"), family: .vendor,
            baseURL: harness.simulator.baseURL, profile: "default", createdAt: now, updatedAt: now)
        var host = [CChar](repeating: 0, count: 256)
        gethostname(&host, host.count)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let owner = "\(hostName):999999:deadbeef"
        try store.insert(job, leaseOwner: owner, leaseSeconds: 3600)
        let engine = try harness.engine()
        await engine.start()
        var phase: JobPhase?
        for _ in 0..<100 {
            phase = try store.job(id: job.id)?.phase
            if phase == .unconfirmed { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(phase == .unconfirmed)
        #expect(harness.requests(.create).isEmpty)
    }
}
