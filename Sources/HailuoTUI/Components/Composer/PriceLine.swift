import HailuoCore

/// The price of the clip the composer's toggles make: which toggles were last sent for a quote,
/// and the last quote with the toggles it is for. A quote for toggles that have since changed is
/// never shown.
public struct PriceLine: Sendable, Equatable {
    /// What decides a clip's price: the model and the clip's length and size.
    public struct Key: Sendable, Hashable {
        var model: ModelID
        var duration: Int
        var resolution: Resolution

        init(_ parameters: GenerationParameters) {
            model = parameters.model
            duration = parameters.duration
            resolution = parameters.resolution
        }
    }

    /// The last quote and the toggles it is for.
    private var quoted: (key: Key, quote: PriceQuote)?
    /// The toggles last sent for a quote.
    private var asked: Key

    /// A price line whose first quote (for `parameters`) the screen asks for as it opens.
    init(asked parameters: GenerationParameters) { asked = Key(parameters) }

    /// The quote for `parameters`, when the last one is for the same toggles.
    func quote(for parameters: GenerationParameters) -> PriceQuote? {
        guard let quoted, quoted.key == Key(parameters) else { return nil }
        return quoted.quote
    }

    /// A quote to ask for, when `parameters`' toggles differ from the last ones asked.
    mutating func request(for parameters: GenerationParameters) -> Command? {
        let key = Key(parameters)
        guard key != asked else { return nil }
        asked = key
        return .quote(parameters)
    }

    /// Keeps `quote` when it is for the `current` toggles.
    mutating func receive(_ quote: PriceQuote, for parameters: GenerationParameters, current: GenerationParameters) {
        let key = Key(parameters)
        guard key == Key(current) else { return }
        quoted = (key, quote)
    }

    public static func == (a: PriceLine, b: PriceLine) -> Bool {
        a.asked == b.asked && a.quoted?.key == b.quoted?.key && a.quoted?.quote == b.quoted?.quote
    }
}
