import Foundation
import HailuoCore
import HailuoEngine
import HailuoSimulator
import Testing

@Suite("The model roster in the engine, against the simulator", .serialized, .sharesTheMachine)
struct RosterEngineTests {
    /// The roster's requests: the whole catalogue, with no `id` filter.
    func listingRequests(_ harness: Harness) -> [RecordedRequest] {
        harness.requests(.catalogue).filter { !$0.query.contains("id=") }
    }

    /// The same moment, as the store keeps it (seconds as a double: a microsecond is lost).
    func sameTime(_ one: Date?, _ other: Date?) -> Bool {
        guard let one, let other else { return false }
        return abs(one.timeIntervalSince(other)) < 0.001
    }

    @Test func theRosterComesFromTheWholeCatalogueWithoutTheKey() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine()
        let roster = await engine.modelRoster(refresh: false)
        #expect(roster.isChecked)
        for id in ModelCatalog.ids { #expect(roster.availability(of: id) == .available, "\(id)") }
        #expect(roster.unavailable.isEmpty)
        #expect(!roster.newModels.contains { model in ModelCatalog.ids.contains { model.isNamed($0.rawValue) } })
        let requests = listingRequests(harness)
        #expect(requests.count == 1)
        #expect(requests.allSatisfy { !$0.hadValidAuth && $0.path == "/v1/models" && $0.query.isEmpty })
        let cached = engine.cachedModelRoster()
        #expect(cached.newModels == roster.newModels)
        #expect(sameTime(cached.checkedAt, roster.checkedAt), "the cache holds the answer with its date")
    }

    @Test func theListIsCachedForADayThenRevalidatedWithItsETag() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let clock = TestClock()
        let engine = try harness.engine(clock: clock.function)
        let first = await engine.modelRoster(refresh: false)
        #expect(first.isChecked)
        clock.advance(hours: 23)
        #expect(await engine.modelRoster(refresh: false) == first)
        #expect(listingRequests(harness).count == 1, "a roster within the day asked the catalogue again")

        clock.advance(hours: 2)
        let revalidated = await engine.modelRoster(refresh: false)
        let afterADay = listingRequests(harness)
        #expect(afterADay.count == 2)
        #expect(afterADay.last?.answeredStatus == 304, "the cached ETag was sent back as If-None-Match")
        #expect(sameTime(revalidated.checkedAt, clock.read()), "the 304 confirmed the cached list now")
        #expect(revalidated.newModels == first.newModels)
        #expect(revalidated.unavailable == first.unavailable)
        // The 304 refreshed the cache's age: no request for another day.
        clock.advance(hours: 20)
        _ = await engine.modelRoster(refresh: false)
        #expect(listingRequests(harness).count == 2)
        // `refresh` asks whatever the age.
        _ = await engine.modelRoster(refresh: true)
        #expect(listingRequests(harness).count == 3)
    }

    @Test func aModelTheCatalogueDropsIsUnavailableAndRefusedBeforeAnythingIsSent() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let clock = TestClock()
        let engine = try harness.engine(clock: clock.function)
        #expect(await engine.modelRoster(refresh: false).unavailable.isEmpty)
        harness.simulator.removeFromCatalogue(model: "video-01")
        #expect(await engine.modelRoster(refresh: false).unavailable.isEmpty, "the cached list holds within the day")
        clock.advance(hours: 25)
        let roster = await engine.modelRoster(refresh: false)
        #expect(listingRequests(harness).last?.answeredStatus == 200, "the changed catalogue has a new ETag")
        #expect(roster.unavailable == ["video-01"])
        #expect(roster.availability(of: "minimax/hailuo-02") == .available)

        let parameters = GenerationParameters(model: "video-01", prompt: "a boat")
        do {
            _ = try await engine.submit(parameters)
            Issue.record("a model the provider no longer lists was submitted")
        } catch {
            guard case .invalid(let invalid) = error else {
                Issue.record("refused as \(error), not as invalid")
                return
            }
            let issue = try #require(invalid.issues.first)
            #expect(issue.field == .model)
            #expect(issue.rule == .unlisted)
            #expect(issue.message.contains("video-01 is no longer listed by the provider (catalogue checked "))
        }
        await #expect(throws: SubmitError.self) { try await engine.dryRun(parameters) }
        await #expect(throws: SubmitError.self) { try await engine.submitVariants(parameters, count: 2) }
        #expect(harness.requests(.create).isEmpty)
        #expect(try engine.jobs(includeHidden: true, limit: nil).isEmpty, "nothing was stored")
        // Another model still goes.
        let job = try await engine.submit(GenerationParameters(model: "minimax/hailuo-02", prompt: "a boat"))
        #expect(job.phase == .pending)
    }

    @Test func aNewMiniMaxModelIsListedButNotOffered() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        harness.simulator.addCatalogueModel("minimax/h9", aliases: ["h9"], name: "MiniMax H9")
        harness.simulator.addToCatalogue(
            SimulatorCatalogueModel(
                id: "acme/video-9", name: "Acme Video", developer: "Acme",
                pricing: .fixed([SimulatorRate(price: 0.1)])))
        let engine = try harness.engine()
        let roster = await engine.modelRoster(refresh: false)
        let h9 = try #require(roster.newModels.first { $0.id == "minimax/h9" })
        #expect(h9.aliases == ["h9"])
        #expect(h9.name == "MiniMax H9")
        #expect(!roster.newModels.contains { $0.id == "acme/video-9" }, "another developer's model is not MiniMax's")
        #expect(!roster.offered.contains("minimax/h9"))
        #expect(roster.unavailable.isEmpty)
        // Not offered: the table does not know its rules, so a submission is refused unsent.
        await #expect(throws: SubmitError.self) {
            try await engine.submit(GenerationParameters(model: "minimax/h9", prompt: "a boat"))
        }
        #expect(harness.requests(.create).isEmpty)
    }

    @Test func offlineTheTableIsTheRosterAndNothingIsRefused() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        let engine = try harness.engine(baseURL: "http://127.0.0.1:1")
        let roster = await engine.modelRoster(refresh: true)
        #expect(!roster.isChecked)
        #expect(roster.uncheckedReason != nil)
        for id in ModelCatalog.ids { #expect(roster.availability(of: id) == .unchecked) }
        #expect(roster.offered == ModelCatalog.ids)
        let dry = try await engine.dryRun(GenerationParameters(model: "video-01", prompt: "a boat"))
        #expect(dry.parameters.model == "video-01", "offline, the roster refuses nothing")
    }

    @Test func offlineAnOldCachedListIsStillTheAnswer() async throws {
        let harness = try await Harness()
        defer { Task { await harness.close() } }
        harness.simulator.removeFromCatalogue(model: "video-01-live2d")
        let clock = TestClock()
        let online = try harness.engine(clock: clock.function)
        let fetched = await online.modelRoster(refresh: false)
        #expect(fetched.unavailable == ["video-01-live2d"])
        clock.advance(hours: 72)
        let offline = try harness.engine(baseURL: "http://127.0.0.1:1", clock: clock.function)
        let roster = await offline.modelRoster(refresh: false)
        #expect(sameTime(roster.checkedAt, fetched.checkedAt), "the last answer, with its own date")
        #expect(roster.unavailable == ["video-01-live2d"])
    }
}
