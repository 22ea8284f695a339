import Foundation
import HailuoCore
import HailuoTUI
import HailuoTestSupport
import Synchronization
import Testing

@testable import HailuoTUIRuntime

/// Changes by other processes reach the screen as the changed jobs only, never as a reload of
/// every job.
@Suite("Store changes in the runtime")
struct StoreChangeTests {
    /// The messages a runner posts, collected from any thread.
    final class Posted: Sendable {
        private let messages = Mutex<[Msg]>([])
        var all: [Msg] { messages.withLock { $0 } }
        func post(_ msg: Msg) { messages.withLock { $0.append(msg) } }

        /// Waits (up to 10 s) until `enough` holds for the messages posted so far.
        func wait(until enough: ([Msg]) -> Bool) async throws -> [Msg] {
            for _ in 0..<1_000 {
                let now = all
                if enough(now) { return now }
                try await Task.sleep(for: .milliseconds(10))
            }
            return all
        }
    }

    static func runner(_ engine: FakeEngine, _ posted: Posted) -> CommandRunner {
        CommandRunner(engine: engine, home: nil, currentDirectory: "/", post: { posted.post($0) })
    }

    static func changedJobs(_ msgs: [Msg]) -> [String] {
        msgs.flatMap { msg -> [String] in
            switch msg {
            case .jobChanged(let entry): [entry.id]
            case .jobsChanged(let entries): entries.map(\.id)
            default: []
            }
        }
    }

    @Test func oneChangedJobIsPostedAsThatJobAlone() async throws {
        let engine = FakeEngine()
        let posted = Posted()
        let pump = Self.runner(engine, posted).pumpEvents()
        defer { pump.cancel() }
        engine.send(.jobsChanged([Job.fixture(id: "other001", phase: .completed)]))
        let msgs = try await posted.wait { !$0.isEmpty }
        #expect(msgs.count == 1)
        guard case .jobChanged(let entry) = msgs.first else {
            Issue.record("expected one changed job, got \(msgs)")
            return
        }
        #expect(entry.id == "other001")
        #expect(entry.job.phase == .completed)
        #expect(engine.jobReads.isEmpty, "no job was read again")
    }

    @Test func aBurstOfFiftyIsOneMessageWithThoseFiftyAndNoReload() async throws {
        let engine = FakeEngine()
        let posted = Posted()
        let pump = Self.runner(engine, posted).pumpEvents()
        defer { pump.cancel() }
        let burst = (0..<50).map { Job.fixture(id: String(format: "burst%03d", $0), phase: .pending) }
        engine.send(.jobsChanged(Array(burst[0..<30])))
        engine.send(.jobsChanged(Array(burst[30...])))
        let msgs = try await posted.wait { Self.changedJobs($0).count >= 50 }
        #expect(Self.changedJobs(msgs) == burst.map(\.id), "every job, in order, none lost")
        #expect(msgs.count == 2, "one message per event, not one per job")
        #expect(!msgs.contains { if case .jobsLoaded = $0 { true } else { false } })
        #expect(engine.jobReads.isEmpty, "no job was read again")
        #expect(engine.groupReads == 0)
    }

    @Test func aJobOfAnUnknownGroupMakesTheGroupsReadAgain() async throws {
        let engine = FakeEngine()
        let posted = Posted()
        let pump = Self.runner(engine, posted).pumpEvents()
        defer { pump.cancel() }
        let group = JobGroup(id: "grp00001", kind: .batch, name: "rows.csv", createdAt: Date(), total: 1)
        engine.addGroup(group)
        var job = Job.fixture(id: "row00001", phase: .waiting)
        job.groupID = group.id
        engine.send(.jobsChanged([job]))
        let msgs = try await posted.wait { $0.contains { if case .groupsLoaded = $0 { true } else { false } } }
        #expect(msgs.contains(.groupsLoaded([group])))
        #expect(Self.changedJobs(msgs) == ["row00001"])
        #expect(engine.jobReads.isEmpty)
    }

    @Test func changedGroupsAreReadAgain() async throws {
        let engine = FakeEngine()
        let posted = Posted()
        let pump = Self.runner(engine, posted).pumpEvents()
        defer { pump.cancel() }
        let group = JobGroup(id: "grp00002", kind: .batch, name: "more.csv", createdAt: Date(), total: 3)
        engine.addGroup(group)
        engine.send(.groupsChanged([group]))
        let msgs = try await posted.wait { !$0.isEmpty }
        #expect(msgs == [.groupsLoaded([group])])
        #expect(engine.jobReads.isEmpty)
    }
}
