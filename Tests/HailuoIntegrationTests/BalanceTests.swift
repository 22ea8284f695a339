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
}
