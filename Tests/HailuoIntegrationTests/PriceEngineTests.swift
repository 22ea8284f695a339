import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Synchronization
import Testing

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let now = Mutex(Date())
    func read() -> Date { now.withLock { $0 } }
    func advance(hours: Double) { now.withLock { $0 = $0.addingTimeInterval(hours * 3600) } }
    var function: @Sendable () -> Date { { self.read() } }
}

@Suite("Prices and budget in the engine, against the simulator", .serialized, .sharesTheMachine)
struct PriceEngineTests {
    let p768 = GenerationParameters(model: "minimax/hailuo-02", prompt: "a boat", duration: 6, resolution: .p768)

    func catalogueRequests(_ harness: Harness) -> [RecordedRequest] { harness.requests(.catalogue) }

    @Test func aQuoteComesFromTheCatalogueWithoutTheKey() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let price = try #require(harness.simulator.price(model: "minimax/hailuo-02", resolution: "1080P", duration: 6))
        let hd = GenerationParameters(model: "minimax/hailuo-02", prompt: "a boat", duration: 6, resolution: .p1080)
        #expect(await engine.quote(hd) == .known(usd: price, source: .catalogue))
        let requests = catalogueRequests(harness)
        #expect(requests.count == 1)
        #expect(requests.allSatisfy { !$0.hadValidAuth })
        #expect(requests.first?.query.contains("include=pricing") == true)
        #expect(engine.cachedQuote(hd) == .known(usd: price, source: .catalogue))
    }

    @Test func aCachedPriceIsRevalidatedOnceADayWithItsETag() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let clock = TestClock()
        let engine = try harness.engine(clock: clock.function)
        let first = await engine.quote(p768)
        #expect(first == .known(usd: 0.294, source: .catalogue))
        #expect(await engine.quote(p768) == first)
        clock.advance(hours: 23)
        #expect(await engine.quote(p768) == first)
        #expect(catalogueRequests(harness).count == 1, "a quote within the day asked the catalogue again")

        clock.advance(hours: 2)
        #expect(await engine.quote(p768) == first)
        let afterADay = catalogueRequests(harness)
        #expect(afterADay.count == 2)
        #expect(afterADay.last?.answeredStatus == 304)
        // The 304 refreshed the cache's age: no request for another day.
        clock.advance(hours: 20)
        #expect(await engine.quote(p768) == first)
        #expect(catalogueRequests(harness).count == 2)
    }

    @Test func aPriceChangeIsSeenAtTheNextRevalidation() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let clock = TestClock()
        let engine = try harness.engine(clock: clock.function)
        #expect(await engine.quote(p768).usd == 0.294)
        harness.simulator.setPrice(0.31, model: "minimax/hailuo-02", resolution: "768P", duration: 6)
        #expect(await engine.quote(p768).usd == 0.294, "the cached price holds within the day")
        clock.advance(hours: 25)
        #expect(await engine.quote(p768) == .known(usd: 0.31, source: .catalogue))
        #expect(catalogueRequests(harness).last?.answeredStatus == 200)
        #expect(engine.cachedQuote(p768).usd == 0.31)
    }

    @Test func offlineUsesTheBuiltInTable() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine(baseURL: "http://127.0.0.1:1")
        #expect(await engine.quote(p768) == .known(usd: 0.294, source: .builtIn(asOf: "2026-08")))
        let fast = GenerationParameters(model: "minimax/hailuo-2.3-fast", prompt: "a", duration: 10)
        #expect(await engine.quote(fast).usd == 0.336)
        let video = GenerationParameters(model: "video-01", prompt: "a")
        #expect(await engine.quote(video).usd == nil)
        #expect(engine.cachedQuote(p768).usd == 0.294)
    }

    @Test func aMissingVariableOrUnknownKindModel() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        harness.simulator.removeFromCatalogue(model: "minimax/hailuo-2.3")
        harness.simulator.removeFromCatalogue(model: "video-01")
        harness.simulator.setPricing(.variable, forModel: "minimax/hailuo-02")
        harness.simulator.setPricing(.unknown(kind: "tiered"), forModel: "minimax/hailuo-2.3-fast")
        let missing = GenerationParameters(model: "minimax/hailuo-2.3", prompt: "a")
        #expect(await engine.quote(missing) == .known(usd: 0.294, source: .builtIn(asOf: "2026-08")))
        #expect(await engine.quote(GenerationParameters(model: "video-01", prompt: "a")).usd == nil)
        guard case .unknown(let variable) = await engine.quote(p768) else {
            Issue.record("a variable price was quoted")
            return
        }
        #expect(variable.contains("variable"))
        let fast = GenerationParameters(model: "minimax/hailuo-2.3-fast", prompt: "a")
        guard case .unknown(let tiered) = await engine.quote(fast) else {
            Issue.record("an unknown kind was quoted")
            return
        }
        #expect(tiered.contains("tiered"))
    }

    @Test func theEstimateIsStoredWithTheJob() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let job = try await engine.submit(p768)
        #expect(job.estimatedUSD == 0.294)
        #expect(try engine.job(id: job.id)?.estimatedUSD == 0.294)
    }

    @Test func aJobOverTheDailyBudgetIsRefusedAndNotSent() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine(budget: Budget(dailyUSD: 0.5))
        let first = try await engine.submit(p768)
        #expect(first.phase == .pending)
        do {
            _ = try await engine.submit(p768)
            Issue.record("the second job was not refused")
        } catch {
            guard case .budget(let sentence) = error else {
                Issue.record("refused for another reason: \(error)")
                return
            }
            #expect(sentence == "daily budget $0.50: spent $0.00 + pending $0.29 + this job $0.29 = $0.59")
        }
        #expect(harness.requests(.create).count == 1)
        #expect(try engine.jobs(includeHidden: true, limit: nil).count == 1)
    }

    @Test func anUnknownPriceCountsAsTheHighestKnown() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        harness.simulator.setPricing(.variable, forModel: "minimax/hailuo-02")
        let engine = try harness.engine(budget: Budget(perJobUSD: 0.5))
        do {
            _ = try await engine.submit(p768)
            Issue.record("an unknown price slipped under the per-job cap")
        } catch {
            guard case .budget(let sentence) = error else {
                Issue.record("refused for another reason: \(error)")
                return
            }
            #expect(sentence.hasPrefix("per-job budget $0.50: this job $0.59"))
            #expect(sentence.contains("highest known"))
        }
        #expect(harness.requests(.create).isEmpty)
    }

    @Test func aResubmitGoesThroughTheSameCheck() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine(budget: Budget(dailyUSD: 0.5))
        harness.simulator.inject(.noCredits, on: .create, count: 1)
        let refused = try await engine.submit(p768)
        #expect(refused.phase == .failed)
        // A failed job counts for nothing, so this one fits.
        let running = try await engine.submit(p768)
        #expect(running.phase == .pending)
        do {
            _ = try await engine.resubmit(refused.id)
            Issue.record("the resubmission was not refused")
        } catch let error as SubmitError {
            guard case .budget(let sentence) = error else {
                Issue.record("refused for another reason: \(error)")
                return
            }
            #expect(sentence.contains("pending $0.29 + this job $0.29"))
        }
        #expect(harness.requests(.create).count == 2)
        #expect(try engine.job(id: refused.id)?.phase == .failed)
    }
}
