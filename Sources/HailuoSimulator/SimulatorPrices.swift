/// The simulator's list prices, in one place: the default catalogue that `GET /v1/models` serves,
/// the figures jobs are charged by (unless a test changes the catalogue), and the credit rate.
/// Tests of the simulator and of the engine read the same figures from here.
///
/// | model | pricing |
/// |---|---|
/// | `minimax/hailuo-02`, `minimax/hailuo-2.3` | variants: 768P 6 s $0.294, 768P 10 s $0.588, 1080P 6 s $0.5145 per request |
/// | `minimax/hailuo-2.3-fast` | variants: 768P 6 s $0.1995, 768P 10 s $0.336, 1080P 6 s $0.3465 per request |
/// | `video-01`, `video-01-live2d` | fixed: $0.45 per request |
/// | `minimax/h3` | fixed: $0.05 per second of clip |
/// | `minimax/h3-max` | fixed: $0.04 per second of clip (the simulator's own figure) |
public enum SimulatorPrices {
    /// Credits in one USD.
    public static let creditsPerUSD = 2_000_000

    /// Credits for `usd` dollars, rounded to the nearest credit.
    public static func credits(usd: Double) -> Int {
        Int((usd * Double(creditsPerUSD)).rounded())
    }

    /// USD for `credits` credits.
    public static func usd(credits: Int) -> Double {
        Double(credits) / Double(creditsPerUSD)
    }

    /// `credits` in USD as decimal text with nine places (`0.294000000`), exact: a credit is 500
    /// nano-dollars.
    static func usdText(credits: Int) -> String {
        let nanos = credits.magnitude * 500
        let fraction = String(nanos % 1_000_000_000)
        let padded = String(repeating: "0", count: 9 - fraction.count) + fraction
        return (credits < 0 ? "-" : "") + "\(nanos / 1_000_000_000).\(padded)"
    }

    /// The default catalogue, in the order `GET /v1/models` lists it.
    public static let catalogue: [SimulatorCatalogueModel] = [
        SimulatorCatalogueModel(
            id: "minimax/hailuo-02", aliases: ["hailuo-02"], name: "Hailuo 02",
            pricing: hailuo(at768: (0.294, 0.588), at1080: 0.5145)),
        SimulatorCatalogueModel(
            id: "minimax/hailuo-2.3", aliases: ["hailuo-2.3"], name: "Hailuo 2.3",
            pricing: hailuo(at768: (0.294, 0.588), at1080: 0.5145)),
        SimulatorCatalogueModel(
            id: "minimax/hailuo-2.3-fast", aliases: ["hailuo-2.3-fast"], name: "Hailuo 2.3 Fast",
            pricing: hailuo(at768: (0.1995, 0.336), at1080: 0.3465)),
        SimulatorCatalogueModel(
            id: "video-01", aliases: ["minimax/video-01"], name: "MiniMax Video-01",
            pricing: .fixed([SimulatorRate(price: 0.45)])),
        SimulatorCatalogueModel(
            id: "video-01-live2d", aliases: ["minimax/video-01-live2d"], name: "MiniMax Video-01 Live2D",
            pricing: .fixed([SimulatorRate(price: 0.45)])),
        SimulatorCatalogueModel(
            id: "minimax/h3", aliases: ["h3"], name: "MiniMax H3",
            pricing: .fixed([SimulatorRate(price: 0.05, unit: "second")])),
        SimulatorCatalogueModel(
            id: "minimax/h3-max", aliases: ["h3-max"], name: "MiniMax H3 Max",
            pricing: .fixed([SimulatorRate(price: 0.04, unit: "second")])),
    ]

    /// The default list price in USD of one clip of `model` (an id or an alias) at `resolution` and
    /// `duration` seconds; nil for an unknown model or a combination the model is not priced for
    /// (1080P at 10 s).
    public static func price(model: String, resolution: String, duration: Int) -> Double? {
        catalogue.first { $0.isNamed(model) }?.pricing.quote(resolution: resolution, duration: duration)
    }

    /// The Hailuo pricing: 768P at 6 and 10 s, 1080P at 6 s, per request.
    private static func hailuo(at768 sd: (six: Double, ten: Double), at1080 hd: Double) -> SimulatorPricing {
        .variants(
            dimensions: ["resolution", "duration"],
            variants: [
                SimulatorPriceVariant(when: ["resolution": "768P", "duration": 6], rate: SimulatorRate(price: sd.six)),
                SimulatorPriceVariant(
                    when: ["resolution": "768P", "duration": 10], rate: SimulatorRate(price: sd.ten)),
                SimulatorPriceVariant(when: ["resolution": "1080P", "duration": 6], rate: SimulatorRate(price: hd)),
            ])
    }
}
