import Foundation
import HailuoCore
import Testing

@Suite("Model roster: the built-in table checked against the catalogue's list")
struct ModelRosterTests {
    let checked = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15 08:00 UTC

    /// Every model of the table under its own id, as the simulator lists them.
    var everyKnown: [ListedModel] {
        ModelCatalog.ids.map { ListedModel(id: $0.rawValue, type: "video", name: $0.rawValue, developer: "MiniMax") }
    }

    func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    // MARK: Reading the listing

    @Test func aListingIsReadWithIdsAliasesTypeAndInfo() throws {
        let listing = try #require(
            CatalogueListing.read(
                body(
                    """
                    {"object": "list", "data": [
                      {"id": "minimax/hailuo-02", "aliases": ["hailuo-02"], "type": "video",
                       "info": {"name": "Hailuo 02", "developer": "MiniMax"}, "tags": []},
                      {"id": "gpt-4o", "type": "chat-completion", "info": {"name": "GPT-4o", "developer": "OpenAI"}}
                    ]}
                    """)))
        #expect(
            listing == [
                ListedModel(
                    id: "minimax/hailuo-02", aliases: ["hailuo-02"], type: "video", name: "Hailuo 02",
                    developer: "MiniMax"),
                ListedModel(id: "gpt-4o", type: "chat-completion", name: "GPT-4o", developer: "OpenAI"),
            ])
    }

    @Test func missingAndWrongFieldsAreTolerated() throws {
        let listing = try #require(
            CatalogueListing.read(
                body(
                    """
                    {"data": [
                      {"id": "a", "aliases": null},
                      {"id": "b", "aliases": ["b1", 7, ""], "info": "not an object", "type": 3},
                      {"aliases": ["no-id"]},
                      {"id": ""},
                      {"id": 12},
                      "not an entry"
                    ]}
                    """)))
        #expect(listing == [ListedModel(id: "a"), ListedModel(id: "b", aliases: ["b1"])])
    }

    @Test(arguments: ["", "<html>502</html>", "[]", "{\"object\": \"list\"}", "{\"data\": {}}", "null"])
    func somethingElseIsNotAListing(text: String) {
        #expect(CatalogueListing.read(body(text)) == nil)
    }

    // MARK: Known models

    @Test func everyListedModelIsAvailable() {
        let roster = ModelRoster(listing: everyKnown, checkedAt: checked)
        #expect(roster.isChecked)
        for id in ModelCatalog.ids { #expect(roster.availability(of: id) == .available) }
        #expect(roster.unavailable.isEmpty)
        #expect(roster.offered == ModelCatalog.ids)
        #expect(roster.newModels.isEmpty)
        #expect(roster.refusal(for: "minimax/hailuo-02") == nil)
    }

    @Test func aModelTheCatalogueNoLongerListsIsUnavailableAndRefused() throws {
        let roster = ModelRoster(listing: everyKnown.filter { $0.id != "minimax/hailuo-2.3" }, checkedAt: checked)
        #expect(roster.availability(of: "minimax/hailuo-2.3") == .unlisted)
        #expect(roster.unavailable == ["minimax/hailuo-2.3"])
        #expect(!roster.offered.contains("minimax/hailuo-2.3"))
        #expect(roster.offered.count == ModelCatalog.ids.count - 1)
        let refusal = try #require(roster.refusal(for: "minimax/hailuo-2.3"))
        #expect(
            refusal.hasPrefix(
                "minimax/hailuo-2.3 is no longer listed by the provider (catalogue checked 2027-01-15 08:00 UTC)"))
        #expect(roster.refusal(for: "minimax/hailuo-02") == nil)
    }

    @Test func aModelListedOnlyAsAnAliasOfAnotherIdIsAvailable() {
        var listing = everyKnown.filter { $0.id != "video-01" }
        listing.append(ListedModel(id: "minimax/video-01", aliases: ["video-01"], type: "video", developer: "MiniMax"))
        let roster = ModelRoster(listing: listing, checkedAt: checked)
        #expect(roster.availability(of: "video-01") == .available)
        #expect(roster.unavailable.isEmpty)
        #expect(roster.newModels.isEmpty, "the entry carrying a known name as an alias is not new")
    }

    @Test func idsAndAliasesMatchWithoutCase() {
        let listing = [
            ListedModel(id: "MiniMax/Hailuo-02", type: "video"),
            ListedModel(id: "x", aliases: ["VIDEO-01-LIVE2D"], type: "video"),
        ]
        let roster = ModelRoster(listing: listing, checkedAt: checked)
        #expect(roster.availability(of: "minimax/hailuo-02") == .available)
        #expect(roster.availability(of: "video-01-live2d") == .available)
        #expect(roster.availability(of: "minimax/hailuo-2.3") == .unlisted)
    }

    // MARK: No answer

    @Test func withoutAnAnswerTheTableIsTheRosterAndEverythingIsOffered() {
        let roster = ModelRoster.builtIn()
        #expect(!roster.isChecked)
        #expect(roster.checkedAt == nil)
        #expect(roster.uncheckedReason == "offline")
        for id in ModelCatalog.ids { #expect(roster.availability(of: id) == .unchecked) }
        #expect(roster.offered == ModelCatalog.ids)
        #expect(roster.unavailable.isEmpty)
        #expect(roster.refusal(for: "video-01") == nil)
        #expect(roster.newModels.isEmpty)
    }

    @Test func anEmptyListIsTakenAsNoAnswer() {
        let roster = ModelRoster(listing: [], checkedAt: checked)
        #expect(!roster.isChecked)
        #expect(roster.unavailable.isEmpty)
        #expect(roster.uncheckedReason?.contains("no models") == true)
    }

    // MARK: New models

    @Test func newMiniMaxVideoModelsAreListedAndNotOffered() {
        let listing =
            everyKnown + [
                ListedModel(id: "minimax/h9", aliases: ["h9"], type: "video", name: "MiniMax H9", developer: "MiniMax"),
                ListedModel(id: "hailuo-x", type: "video", name: "Hailuo X", developer: "MiniMax AI"),
                ListedModel(id: "minimax/speech-3", type: "tts", developer: "MiniMax"),
                ListedModel(id: "kling/v3", type: "video", developer: "Kuaishou"),
                ListedModel(id: "minimax/untyped"),
                ListedModel(id: "MiniMax/H9", type: "video"),
            ]
        let roster = ModelRoster(listing: listing, checkedAt: checked)
        #expect(roster.newModels.map(\.id) == ["minimax/h9", "hailuo-x"])
        #expect(!roster.offered.contains("minimax/h9"))
        #expect(roster.offered == ModelCatalog.ids)
        #expect(roster.availability(of: "minimax/h9") == .available, "listed, yet not in the table: not offered")
    }

    @Test func aNewIdWhoseAliasIsAKnownIdIsNotNew() {
        let listing = [
            ListedModel(id: "minimax/hailuo-02-v2", aliases: ["minimax/hailuo-02"], type: "video", developer: "MiniMax")
        ]
        let roster = ModelRoster(listing: listing, checkedAt: checked)
        #expect(roster.newModels.isEmpty)
        #expect(roster.availability(of: "minimax/hailuo-02") == .available)
    }

    @Test func aKnownModelCanBeMatchedByAnAliasOfADifferentCase() {
        let listing = [ListedModel(id: "minimax/video-01", aliases: ["Video-01"], type: "video")]
        let roster = ModelRoster(known: ["video-01", "minimax/hailuo-02"], listing: listing, checkedAt: checked)
        #expect(roster.newModels.isEmpty, "minimax/video-01 carries the known name video-01")
        #expect(roster.unavailable == ["minimax/hailuo-02"])
    }

    @Test func theDateIsWrittenInUTC() {
        #expect(ModelRoster.dateText(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
        #expect(ModelRoster.dateText(checked) == "2027-01-15 08:00 UTC")
    }
}
