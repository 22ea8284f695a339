import Hummingbird

/// What jobs cost, and how answers say it (`meta.usage` and the `x-aimlapi-*` headers).
extension Simulator {
    /// Credits a clip costs now: the catalogue's quote as it stands; when the catalogue cannot quote
    /// it (`variable`, an unknown kind, a model dropped from it), the default list price
    /// (`SimulatorPrices`); 0 when neither knows the combination (1080P at 10 s, which fails anyway).
    func credits(model: String, resolution: String, duration: Int) -> Int {
        let quoted = price(model: model, resolution: resolution, duration: duration)
        guard let usd = quoted ?? SimulatorPrices.price(model: model, resolution: resolution, duration: duration)
        else { return 0 }
        return SimulatorPrices.credits(usd: usd)
    }

    /// The `meta.usage` object for a charge of `credits`: `credits_used` and `usd_spent` (the vendor
    /// family also keeps its older `tokens_used`, the same number); with `legacyUsage`, only
    /// `tokens_used`.
    func usage(credits: Int, family: SimulatorEndpointFamily?) -> JSONValue {
        if configuration.legacyUsage { return ["tokens_used": .number(Double(credits))] }
        var usage: [String: JSONValue] = [
            "credits_used": .number(Double(credits)),
            "usd_spent": .number(SimulatorPrices.usd(credits: credits)),
        ]
        if family == .vendor { usage["tokens_used"] = .number(Double(credits)) }
        return .object(usage)
    }

    /// The cost headers for a charge of `credits`, bent by a cost-header fault; none with `legacyUsage`.
    func costHeaders(credits: Int, fault: SimulatorFault?) -> HTTPFields {
        if configuration.legacyUsage { return [:] }
        let (creditsText, usdText): (String, String)
        switch fault {
        case .costHeadersMissing?: return [:]
        case .costHeadersNegative?: (creditsText, usdText) = ("-1", "-1")
        case .costHeadersGarbage?: (creditsText, usdText) = ("abc", "abc")
        case .costHeadersDisagree?:
            (creditsText, usdText) = (String(credits * 2), SimulatorPrices.usdText(credits: credits * 2))
        default: (creditsText, usdText) = (String(credits), SimulatorPrices.usdText(credits: credits))
        }
        return [.creditsUsed: creditsText, .usdSpent: usdText]
    }
}
