import Foundation
import HailuoCore
import Testing

@Suite("Prices: catalogue kinds, rates, variants, built-in table, budget")
struct PricingTests {
    func parameters(_ model: ModelID = "minimax/hailuo-02", _ duration: Int = 6, _ resolution: Resolution = .p768)
        -> GenerationParameters
    {
        GenerationParameters(model: model, prompt: "a boat", duration: duration, resolution: resolution)
    }

    func entry(_ pricing: String, id: String = "minimax/hailuo-02", aliases: String = "[]") -> CatalogueEntry? {
        let body = #"{"object":"list","data":[{"id":"\#(id)","aliases":\#(aliases),"pricing":\#(pricing)}]}"#
        return CatalogueEntry.read(Array(body.utf8), model: "minimax/hailuo-02")
    }

    func usd(_ quote: PriceQuote) -> Double? { quote.usd }

    @Test func fixedPerRequestIsThePrice() throws {
        let e = entry(#"{"kind":"fixed","units":[{"price":0.45,"unit":"request","per":1}]}"#)
        let quote = PriceBook.quote(parameters(), catalogue: e)
        #expect(quote == .known(usd: 0.45, source: .catalogue))
        #expect(usd(PriceBook.quote(parameters("minimax/hailuo-02", 10), catalogue: e)) == 0.45)
    }

    @Test func perAndSecondAreReadTogether() throws {
        let perSecond = try #require(entry(#"{"kind":"fixed","units":[{"price":0.05,"unit":"second","per":1}]}"#))
        #expect(
            abs((PriceBook.quote(parameters("minimax/hailuo-02", 10), catalogue: perSecond).usd ?? 0) - 0.5) < 1e-12)
        #expect(abs((PriceBook.quote(parameters(), catalogue: perSecond).usd ?? 0) - 0.3) < 1e-12)
        let perTen = entry(#"{"kind":"fixed","units":[{"price":1.0,"unit":"second","per":10}]}"#)
        #expect(abs((PriceBook.quote(parameters(), catalogue: perTen).usd ?? 0) - 0.6) < 1e-12)
        let perThousand = entry(#"{"kind":"fixed","units":[{"price":294,"unit":"generation","per":1000}]}"#)
        #expect(abs((PriceBook.quote(parameters(), catalogue: perThousand).usd ?? 0) - 0.294) < 1e-12)
        let video = entry(#"{"kind":"fixed","units":[{"price":0.3,"unit":"video","per":1}]}"#)
        #expect(PriceBook.quote(parameters(), catalogue: video).usd == 0.3)
    }

    @Test func anUnknownUnitOrBadPerIsUnknown() {
        for units in [
            #"[{"price":0.3,"unit":"token","per":1}]"#, #"[{"price":0.3,"unit":"request","per":0}]"#,
            #"[{"price":-1,"unit":"request","per":1}]"#, #"[]"#,
        ] {
            let quote = PriceBook.quote(parameters(), catalogue: entry(#"{"kind":"fixed","units":\#(units)}"#))
            #expect(quote.usd == nil, "\(units)")
            guard case .unknown(let reason) = quote else { continue }
            #expect(!reason.isEmpty)
        }
    }

    @Test func variableAndUnknownKindsAreUnknownNotBuiltIn() {
        let variable = PriceBook.quote(parameters(), catalogue: entry(#"{"kind":"variable"}"#))
        guard case .unknown(let why) = variable else { Issue.record("variable quoted \(variable)"); return }
        #expect(why.contains("variable"))
        let tiered = PriceBook.quote(parameters(), catalogue: entry(#"{"kind":"tiered","tiers":[1]}"#))
        guard case .unknown(let reason) = tiered else { Issue.record("tiered quoted \(tiered)"); return }
        #expect(reason.contains("tiered"))
    }

    @Test func variantsMatchResolutionAndDurationAsTextOrNumber() {
        let e = entry(
            #"""
            {"kind":"variants","dimensions":["resolution","duration"],"variants":[
             {"when":{"resolution":"768p","duration":"6"},"price":0.294,"unit":"request","per":1},
             {"when":{"resolution":"768P","duration":10},"price":0.588,"unit":"request","per":1},
             {"when":{"resolution":"1080P","duration":6.0},"price":0.5145,"unit":"request","per":1}]}
            """#)
        #expect(PriceBook.quote(parameters(), catalogue: e) == .known(usd: 0.294, source: .catalogue))
        #expect(PriceBook.quote(parameters("minimax/hailuo-02", 10), catalogue: e).usd == 0.588)
        #expect(PriceBook.quote(parameters("minimax/hailuo-02", 6, .p1080), catalogue: e).usd == 0.5145)
        let missing = PriceBook.quote(parameters("minimax/hailuo-02", 10, .p1080), catalogue: e)
        #expect(missing.usd == nil)
    }

    @Test func aVariantOnAnotherDimensionNeverMatches() {
        let e = entry(
            #"{"kind":"variants","dimensions":["ratio"],"variants":[{"when":{"ratio":"16:9"},"price":1,"unit":"request","per":1}]}"#
        )
        #expect(PriceBook.quote(parameters(), catalogue: e).usd == nil)
    }

    @Test func anAliasFindsTheModelAndAMissingModelOrGarbageFallsBack() {
        let byAlias = entry(
            #"{"kind":"fixed","units":[{"price":0.1,"unit":"request","per":1}]}"#, id: "other/id",
            aliases: #"["MiniMax/Hailuo-02"]"#)
        #expect(PriceBook.quote(parameters(), catalogue: byAlias).usd == 0.1)
        let elsewhere = CatalogueEntry.read(
            Array(#"{"data":[{"id":"x","pricing":{"kind":"variable"}}]}"#.utf8), model: "minimax/hailuo-02")
        #expect(elsewhere == .notListed)
        #expect(
            PriceBook.quote(parameters(), catalogue: elsewhere) == .known(usd: 0.294, source: .builtIn(asOf: "2026-08"))
        )
        #expect(CatalogueEntry.read(Array("<html>oops</html>".utf8), model: "minimax/hailuo-02") == nil)
        #expect(PriceBook.quote(parameters(), catalogue: nil).usd == 0.294)
    }

    @Test func theBuiltInTable() {
        let asOf = PriceSource.builtIn(asOf: "2026-08")
        #expect(BuiltInPrices.quote(parameters()) == .known(usd: 0.294, source: asOf))
        #expect(BuiltInPrices.quote(parameters("minimax/hailuo-2.3", 10)).usd == 0.588)
        #expect(BuiltInPrices.quote(parameters("minimax/hailuo-2.3", 6, .p1080)).usd == 0.5145)
        #expect(BuiltInPrices.quote(parameters("minimax/hailuo-2.3-fast")).usd == 0.1995)
        #expect(BuiltInPrices.quote(parameters("minimax/hailuo-2.3-fast", 10)).usd == 0.336)
        #expect(BuiltInPrices.quote(parameters("minimax/hailuo-2.3-fast", 6, .p1080)).usd == 0.3465)
        #expect(BuiltInPrices.quote(parameters("video-01")).usd == nil)
    }

    @Test func theHighestKnownPriceSpansCatalogueAndTable() {
        #expect(PriceBook.highestKnown(model: "minimax/hailuo-02", catalogue: nil) == 0.588)
        #expect(PriceBook.highestKnown(model: "video-01", catalogue: nil) == nil)
        let perSecond = entry(#"{"kind":"fixed","units":[{"price":0.1,"unit":"second","per":1}]}"#)
        #expect(PriceBook.highestKnown(model: "minimax/hailuo-02", catalogue: perSecond) == 1.0)
        #expect(PriceBook.highestKnown(model: "minimax/hailuo-02", catalogue: entry(#"{"kind":"variable"}"#)) == 0.588)
    }

    @Test func dollarsAndSentences() {
        #expect(PriceQuote.dollars(0.294) == "$0.29")
        #expect(PriceQuote.dollars(1.0) == "$1.00")
        #expect(PriceQuote.dollars(0.0045) == "$0.0045")
        #expect(PriceQuote.known(usd: 0.294, source: .catalogue).sentence == "$0.29 (catalogue)")
        #expect(PriceQuote.unknown(reason: "why").sentence == "price unknown: why")
    }

    @Test func theBudgetNamesTheCapAndTheFigures() {
        let ledger = BudgetLedger(spentToday: 0.588, spentThisMonth: 3, pending: 0.294)
        let daily = Budget(dailyUSD: 1)
        #expect(
            daily.refusal(thisJob: 0.294, ledger: ledger)
                == "daily budget $1.00: spent $0.59 + pending $0.29 + this job $0.29 = $1.18")
        #expect(Budget(dailyUSD: 1.2).refusal(thisJob: 0.294, ledger: ledger) == nil)
        let monthly = Budget(monthlyUSD: 3.5)
        #expect(monthly.refusal(thisJob: 0.294, ledger: ledger)?.hasPrefix("monthly budget $3.50: spent $3.00") == true)
        #expect(
            Budget(perJobUSD: 0.25).refusal(thisJob: 0.294, ledger: ledger)?.hasPrefix("per-job budget $0.25") == true)
        #expect(Budget().refusal(thisJob: 100, ledger: ledger) == nil)
        #expect(Budget(dailyUSD: 0.882).refusal(thisJob: 0.0, ledger: ledger) == nil)
        #expect(Budget(dailyUSD: 5, perJobUSD: 0.6).description == "daily $5.00, per job $0.60")
    }
}
