import Foundation
import HailuoCore
import HailuoTestSupport
import Synchronization
import Testing

@testable import HailuoEngine

@Suite("Money in the engine: the store's spending query and the balance refreshes")
struct MoneyStoreTests {
    @Test func theStoreAddsUpProviderFiguresAndCompletedEstimates() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try JobStore(url: folder.url.appendingPathComponent("jobs.sqlite"))
        var billed = Job.fixture(phase: .completed)
        billed.costUSD = 0.294
        var hiddenBilled = Job.fixture(phase: .completed, hidden: true)
        hiddenBilled.costUSD = 0.588
        var estimated = Job.fixture(phase: .completed)
        estimated.estimatedUSD = 0.3
        var pending = Job.fixture(phase: .pending)
        pending.estimatedUSD = 0.3
        let unknown = Job.fixture(phase: .completed)
        for job in [billed, hiddenBilled, estimated, pending, unknown] { try store.insert(job) }
        #expect(Set(try store.jobsWithCost().map(\.id)) == [billed.id, hiddenBilled.id, estimated.id])
        let summary = try store.spend()
        #expect(abs(summary.total.usd - 0.882) < 1e-12)
        #expect(summary.total.jobs == 2)
        #expect(summary.today.estimatedUSD == 0.3)
        #expect(summary.today.estimatedJobs == 1)
    }

    /// A counter the fake fetch bumps.
    final class Count: Sendable {
        let value = Mutex(0)
    }

    @Test func refreshesFoldIntoOneRequestAMinute() async throws {
        let count = Count()
        let readings = AsyncStream<BalanceReading>.makeStream()
        let keeper = BalanceKeeper(
            minimumInterval: 3600, isDemo: true,
            fetch: {
                count.value.withLock { $0 += 1 }
                return Balance(amount: 7)
            },
            publish: { readings.continuation.yield($0) })
        await keeper.refresh()
        await keeper.refresh()
        var iterator = readings.stream.makeAsyncIterator()
        let first = await iterator.next()
        #expect(first?.balance == Balance(amount: 7))
        #expect(first?.isDemo == true)
        await keeper.refresh()  // within the hour: waits, never sent before stop
        await keeper.stop()
        #expect(count.value.withLock { $0 } == 1)
        #expect(await keeper.latest?.balance.amount == 7)
    }
}
