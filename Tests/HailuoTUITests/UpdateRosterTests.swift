import Foundation
import HailuoCore
import TUIKit
import Testing

@testable import HailuoTUI

@Suite("Update: models the provider no longer lists")
struct UpdateRosterTests {
    func roster(without unlisted: Set<ModelID>) -> ModelRoster {
        let listing = ModelCatalog.ids.filter { !unlisted.contains($0) }.map { ListedModel(id: $0.rawValue) }
        return ModelRoster(listing: listing, checkedAt: UpdateSupport.start)
    }

    @Test("F2 skips the models the roster marks unavailable")
    func f2SkipsUnlistedModels() {
        var model = UpdateSupport.model()
        model.receive(.rosterLoaded(roster(without: ["video-01", "video-01-live2d"])))
        #expect(model.composer.unavailableModels == ["video-01", "video-01-live2d"])
        var seen: [ModelID] = []
        for _ in ModelCatalog.ids {
            model.press(.function(2))
            seen.append(model.composer.model)
        }
        #expect(!seen.contains("video-01"))
        #expect(!seen.contains("video-01-live2d"))
        let offered = ModelCatalog.ids.filter { $0 != "video-01" && $0 != "video-01-live2d" }
        #expect(Set(seen) == Set(offered), "every other model is still reached")
    }

    @Test("a chosen model the provider dropped gets a note, and F2 moves on")
    func chosenModelDropped() {
        var model = UpdateSupport.model()
        let chosen = model.composer.model
        model.receive(.rosterLoaded(roster(without: [chosen])))
        #expect(model.composer.model == chosen, "the roster does not change the request by itself")
        #expect(model.composer.optionNote?.contains("\(chosen) is no longer listed by the provider") == true)
        model.press(.function(2))
        #expect(model.composer.model != chosen)
        #expect(model.composer.optionNote == nil)
    }

    @Test("a roster without an answer takes nothing away")
    func uncheckedRosterOffersEverything() {
        var model = UpdateSupport.model()
        model.receive(.rosterLoaded(.builtIn()))
        #expect(model.composer.unavailableModels.isEmpty)
        var seen: [ModelID] = []
        for _ in ModelCatalog.ids {
            model.press(.function(2))
            seen.append(model.composer.model)
        }
        #expect(seen == Array(ModelCatalog.ids.dropFirst()) + [ModelCatalog.ids[0]])
    }

    @Test("the next offered model wraps round and skips from an unknown model too")
    func nextOfferedModel() {
        var model = UpdateSupport.model()
        model.receive(.rosterLoaded(roster(without: [ModelCatalog.ids[0]])))
        let composer = model.composer
        #expect(composer.nextOfferedModel(after: nil) == ModelCatalog.ids[1])
        #expect(composer.nextOfferedModel(after: "not-a-model") == ModelCatalog.ids[1])
        #expect(composer.nextOfferedModel(after: ModelCatalog.ids.last) == ModelCatalog.ids[1])
    }
}
