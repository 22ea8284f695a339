import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

/// The balance through the engine: read in the background at start and published as an event.
@Suite("The account balance", .serialized, .sharesTheMachine)
struct BalanceTests {
    /// The first balance event of `stream`, or `nil` when none came within `seconds`.
    static func firstBalance(_ stream: AsyncStream<EngineEvent>, seconds: Double = 15) async -> BalanceReading? {
        await withTaskGroup(of: BalanceReading?.self) { group in
            group.addTask {
                for await event in stream {
                    if case .balance(let reading) = event { return reading }
                }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test func startReadsTheBalanceAndPublishesIt() async throws {
        let harness = try await Harness(simulator: SimulatorConfiguration(startingBalance: 42.5))
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        #expect(await engine.balance() == nil)
        let events = engine.events()
        await engine.start()
        let reading = try #require(await Self.firstBalance(events))
        #expect(reading.balance.amount == 42.5)
        #expect(reading.balance.currency == "USD")
        #expect(reading.isDemo == false)
        #expect(await engine.balance() == Balance(amount: 42.5, currency: "USD"))
        #expect(harness.requests(.billing).count == 1)
        let billing = harness.requests(.billing)
        #expect(billing.allSatisfy { $0.hadValidAuth })
    }

    @Test func aServerErrorLeavesTheBalanceUnknown() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        harness.simulator.inject(.billingServerError, on: .billing, count: nil)
        let engine = try harness.engine()
        #expect(await engine.fetchBalance(timeout: 5) == nil)
        #expect(await engine.balance() == nil)
        #expect(harness.requests(.billing).count == 1)
        #expect(harness.requests(.billing).first?.answeredStatus == 500)
    }

    @Test func aRefusedKeyLeavesTheBalanceUnknown() async throws {
        var configuration = SimulatorConfiguration()
        configuration.acceptedKeys = ["sk-some-other-key"]
        let harness = try await Harness(simulator: configuration)
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        #expect(await engine.fetchBalance(timeout: 5) == nil)
        #expect(harness.requests(.billing).first?.answeredStatus == 401)
    }

    @Test func aBalanceLowerThanThePriceRefusesBeforeSending() async throws {
        let harness = try await Harness(simulator: SimulatorConfiguration(startingBalance: 0.1))
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        #expect(await engine.fetchBalance() == Balance(amount: 0.1, currency: "USD"))
        do {
            _ = try await engine.submit(GenerationParameters(prompt: "too dear"))
            Issue.record("a job dearer than the balance was sent")
        } catch {
            guard case .budget(let sentence) = error else {
                Issue.record("refused for another reason: \(error)")
                return
            }
            #expect(sentence.contains("the balance is $0.10, less than this job's price $0.29; top up"))
        }
        #expect(harness.requests(.create).isEmpty, "nothing was sent")
        #expect(try engine.jobs(includeHidden: true).isEmpty, "nothing was stored")

        // Topped up: the next submission reads the balance again and goes out.
        let rich = try await Harness(simulator: SimulatorConfiguration(startingBalance: 50))
        defer { Task { await rich.close() } }
        let other = try rich.engine()
        _ = await other.fetchBalance()
        let job = try await other.submit(GenerationParameters(prompt: "affordable"))
        #expect(job.phase == .pending)
        #expect(rich.requests(.create).count == 1)
    }
}
