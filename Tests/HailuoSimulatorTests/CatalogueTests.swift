import Foundation
import Testing

@testable import HailuoSimulator

@Suite("Simulator model catalogue")
struct CatalogueTests {
    /// The entry with this id in a catalogue answer.
    private func entry(_ answer: HTTPAnswer, _ id: String) -> [String: Any]? {
        (answer.object?["data"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    /// The ids of a catalogue answer, in order.
    private func ids(_ answer: HTTPAnswer) -> [String] {
        (answer.object?["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test("Without include: every model, identity only, no pricing; with or without a key")
    func identityOnly() async throws {
        try await withSimulator { _, client async throws in
            var anonymous = client
            anonymous.key = nil
            let answer = try await anonymous.send("GET", "/v1/models")
            #expect(answer.status == 200)
            #expect(answer.object?["object"] as? String == "list")
            #expect(
                ids(answer) == [
                    "minimax/hailuo-02", "minimax/hailuo-2.3", "minimax/hailuo-2.3-fast", "video-01", "video-01-live2d",
                    "minimax/h3", "minimax/h3-max",
                ])
            for model in answer.object?["data"] as? [[String: Any]] ?? [] {
                #expect(model["pricing"] == nil)
                #expect(model["type"] as? String == "video")
                #expect((model["info"] as? [String: Any])?["developer"] as? String == "MiniMax")
                #expect((model["info"] as? [String: Any])?["name"] as? String != nil)
                #expect(model["aliases"] as? [String] != nil)
                #expect(model["tags"] as? [String] != nil)
            }
            let keyed = try await client.send("GET", "/v1/models")
            #expect(keyed.status == 200)
            #expect(keyed.body == answer.body)
        }
    }

    @Test("include=pricing: variants for Hailuo, fixed per request for video-01, fixed per second for H3")
    func pricingKinds() async throws {
        try await withSimulator { _, client async throws in
            let answer = try await client.send("GET", "/v1/models?include=pricing")
            let hailuo = try #require(entry(answer, "minimax/hailuo-02")?["pricing"] as? [String: Any])
            #expect(hailuo["kind"] as? String == "variants")
            #expect(hailuo["dimensions"] as? [String] == ["resolution", "duration"])
            let variants = try #require(hailuo["variants"] as? [[String: Any]])
            let figures = variants.map { variant -> String in
                let when = variant["when"] as? [String: Any] ?? [:]
                let resolution = when["resolution"] as? String ?? "?"
                let unit = variant["unit"] as? String ?? "?"
                return "\(resolution) \(number(when["duration"]) ?? -1) \(number(variant["price"]) ?? -1) "
                    + "\(unit) \(number(variant["per"]) ?? -1)"
            }
            #expect(
                figures == [
                    "768P 6.0 0.294 request 1.0", "768P 10.0 0.588 request 1.0", "1080P 6.0 0.5145 request 1.0",
                ])
            let fast = try #require(entry(answer, "minimax/hailuo-2.3-fast")?["pricing"] as? [String: Any])
            #expect(
                (fast["variants"] as? [[String: Any]])?.compactMap { number($0["price"]) } == [0.1995, 0.336, 0.3465])
            let same = try #require(entry(answer, "minimax/hailuo-2.3")?["pricing"] as? [String: Any])
            #expect(
                (same["variants"] as? [[String: Any]])?.compactMap { number($0["price"]) } == [0.294, 0.588, 0.5145])

            for id in ["video-01", "video-01-live2d"] {
                let fixed = try #require(entry(answer, id)?["pricing"] as? [String: Any])
                #expect(fixed["kind"] as? String == "fixed")
                let unit = try #require((fixed["units"] as? [[String: Any]])?.first)
                #expect(number(unit["price"]) == 0.45)
                #expect(unit["unit"] as? String == "request")
                #expect(number(unit["per"]) == 1)
            }
            let h3 = try #require(entry(answer, "minimax/h3")?["pricing"] as? [String: Any])
            let second = try #require((h3["units"] as? [[String: Any]])?.first)
            #expect(h3["kind"] as? String == "fixed")
            #expect(second["unit"] as? String == "second")
            #expect(number(second["price"]) == 0.05)
        }
    }

    @Test("id matches an id or an alias, case-insensitively; an unknown id lists nothing")
    func idLookup() async throws {
        try await withSimulator { _, client async throws in
            #expect(ids(try await client.send("GET", "/v1/models?id=minimax/video-01")) == ["video-01"])
            #expect(
                ids(try await client.send("GET", "/v1/models?id=HAILUO-02&include=pricing")) == ["minimax/hailuo-02"])
            #expect(
                ids(try await client.send("GET", "/v1/models?id=minimax/h3&id=video-01-live2d"))
                    == ["video-01-live2d", "minimax/h3"])
            let none = try await client.send("GET", "/v1/models?id=openai/sora")
            #expect(none.status == 200)
            #expect(ids(none).isEmpty)
        }
    }

    @Test("ETag: 304 with no body for a matching If-None-Match, a new tag after a price change")
    func etag() async throws {
        try await withSimulator { simulator, client async throws in
            let path = "/v1/models?id=minimax/hailuo-02&include=pricing"
            let first = try await client.send("GET", path)
            let tag = try #require(first.header("ETag"))
            #expect(tag.count > 8)
            let again = try await client.send("GET", path, headers: ["If-None-Match": tag])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(try await client.send("GET", path, headers: ["If-None-Match": "\"other\""]).status == 200)

            simulator.setPrice(0.31, model: "minimax/hailuo-02", resolution: "768P", duration: 6)
            let changed = try await client.send("GET", path, headers: ["If-None-Match": tag])
            #expect(changed.status == 200)
            let newTag = try #require(changed.header("ETag"))
            #expect(newTag != tag)
            let variants = (entry(changed, "minimax/hailuo-02")?["pricing"] as? [String: Any])?["variants"]
            #expect((variants as? [[String: Any]])?.first.flatMap { number($0["price"]) } == 0.31)
            #expect(simulator.price(model: "minimax/hailuo-02", resolution: "768P", duration: 6) == 0.31)
            #expect(try await client.send("GET", path, headers: ["If-None-Match": newTag]).status == 304)
        }
    }

    @Test("Pricing replaced by variable or an unknown kind, a model dropped; reset() restores them")
    func changes() async throws {
        try await withSimulator { simulator, client async throws in
            simulator.setPricing(.variable, forModel: "minimax/hailuo-2.3")
            simulator.setPricing(.unknown(kind: "tiered"), forModel: "hailuo-2.3-fast")
            simulator.removeFromCatalogue(model: "minimax/video-01")
            let answer = try await client.send("GET", "/v1/models?include=pricing")
            #expect(
                (entry(answer, "minimax/hailuo-2.3")?["pricing"] as? [String: Any])?["kind"] as? String == "variable")
            #expect(
                (entry(answer, "minimax/hailuo-2.3-fast")?["pricing"] as? [String: Any])?["kind"] as? String == "tiered"
            )
            #expect(entry(answer, "video-01") == nil)
            #expect(simulator.price(model: "minimax/hailuo-2.3", resolution: "768P", duration: 6) == nil)
            simulator.reset()
            #expect(simulator.catalogueModels() == SimulatorPrices.catalogue)
        }
    }

    @Test("The configuration's catalogue is the one served")
    func configuredCatalogue() async throws {
        var catalogue = SimulatorPrices.catalogue.filter { $0.id != "minimax/h3" }
        catalogue[0].pricing = .variable
        try await withSimulator(SimulatorConfiguration(catalogue: catalogue)) { _, client async throws in
            let answer = try await client.send("GET", "/v1/models?include=pricing")
            #expect(ids(answer).count == SimulatorPrices.catalogue.count - 1)
            #expect(
                (entry(answer, "minimax/hailuo-02")?["pricing"] as? [String: Any])?["kind"] as? String == "variable")
        }
    }

    @Test("SimulatorPrices quotes per request, per second, and nothing for 1080P at 10 s")
    func listPrices() {
        #expect(SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "768P", duration: 10) == 0.588)
        #expect(SimulatorPrices.price(model: "minimax/hailuo-2.3-fast", resolution: "1080P", duration: 6) == 0.3465)
        #expect(SimulatorPrices.price(model: "minimax/video-01", resolution: "768P", duration: 6) == 0.45)
        let h3 = SimulatorPrices.price(model: "minimax/h3", resolution: "2K", duration: 8) ?? 0
        #expect(abs(h3 - 0.4) < 1e-12)
        #expect(SimulatorPrices.price(model: "minimax/hailuo-02", resolution: "1080P", duration: 10) == nil)
        #expect(SimulatorPrices.price(model: "nobody/nothing", resolution: "768P", duration: 6) == nil)
        #expect(SimulatorPrices.credits(usd: 0.294) == 588_000)
        #expect(SimulatorPrices.usdText(credits: 1_029_000) == "0.514500000")
    }
}
