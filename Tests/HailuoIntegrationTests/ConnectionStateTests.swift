import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Synchronization
import Testing

/// What a submission tells front ends about the link: the badge must end where the link is.
@Suite("Connection state after a submission", .sharesTheMachine)
struct ConnectionStateTests {
    /// Collects the connection events an engine announces.
    final class Recorder: Sendable {
        private final class Log: Sendable {
            let states = Mutex<[ConnectionState]>([])
        }

        private let log = Log()
        private let task: Task<Void, Never>

        init(_ engine: GenerationEngine) {
            let stream = engine.events()
            let log = log
            task = Task {
                for await event in stream {
                    if case .connection(let state) = event { log.states.withLock { $0.append(state) } }
                }
            }
        }

        var last: ConnectionState? { log.states.withLock { $0.last } }

        /// Waits (bounded) until the last announced state satisfies `condition`.
        func waitFor(_ condition: (ConnectionState?) -> Bool) async throws -> ConnectionState? {
            for _ in 0..<100 where !condition(last) { try await Task.sleep(for: .milliseconds(20)) }
            return last
        }

        deinit { task.cancel() }
    }

    @Test func aRefusedKeyIsAnnouncedAndAnAcceptedCreateTurnsItBackToOnline() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let recorder = Recorder(engine)
        harness.simulator.inject(try #require(SimulatorFault(rawValue: "401")), on: .create, count: 1)
        let refused = try await engine.submit(GenerationParameters(prompt: "refused"))
        #expect(refused.phase == .failed)
        let afterRefusal = try await recorder.waitFor {
            if case .unauthorized = $0 { true } else { false }
        }
        guard case .unauthorized = afterRefusal else {
            Issue.record("expected unauthorized, got \(String(describing: afterRefusal))")
            return
        }
        let accepted = try await engine.submit(GenerationParameters(prompt: "accepted"))
        #expect(accepted.phase == .pending)
        #expect(try await recorder.waitFor { $0 == .online } == .online)
    }

    @Test func aRetriedCreateEndsOnline() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let recorder = Recorder(engine)
        harness.simulator.inject(try #require(SimulatorFault(rawValue: "503")), on: .create, count: 1)
        let job = try await engine.submit(GenerationParameters(prompt: "retried once"))
        #expect(job.phase == .pending)
        #expect(try await recorder.waitFor { $0 == .online } == .online, "a passing 'offline' must not stick")
        #expect(harness.simulator.issuedGenerationIDs().count == 1)
    }

    @Test func aServerThatAnswersEveryRetryWith503IsNotShownAsOffline() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let recorder = Recorder(engine)
        harness.simulator.inject(try #require(SimulatorFault(rawValue: "503")), on: .create, count: 10)
        let job = try await engine.submit(GenerationParameters(prompt: "never accepted"))
        #expect(job.phase == .failed)
        // The retries said "offline, retrying"; the server did answer, so the badge ends online.
        #expect(try await recorder.waitFor { $0 == .online } == .online)
        #expect(harness.simulator.issuedGenerationIDs().isEmpty)
    }
}
