import Foundation

/// What the catalogue says about one model: read from a `GET /v1/models?id=…&include=pricing`
/// answer (`{"data": [{"id", "aliases", "pricing"}, …]}`).
public enum CatalogueEntry: Sendable, Equatable {
    /// The model is listed with a pricing block.
    case priced(ModelPricing)
    /// The answer does not list the model, or lists it without pricing.
    case notListed

    /// Reads the answer `body` for `model` (matched against each entry's id and aliases, without
    /// regard to case). `nil` when the body is not a catalogue answer (garbage, an error page).
    public static func read(_ body: [UInt8], model: ModelID) -> CatalogueEntry? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let data = root["data"] as? [Any]
        else { return nil }
        let wanted = model.rawValue.lowercased()
        for case let entry as [String: Any] in data {
            let names = [entry["id"] as? String] + ((entry["aliases"] as? [Any]) ?? []).map { $0 as? String }
            guard names.contains(where: { $0?.lowercased() == wanted }) else { continue }
            guard let pricing = entry["pricing"] as? [String: Any] else { return .notListed }
            return .priced(Self.pricing(pricing))
        }
        return .notListed
    }

    static func pricing(_ object: [String: Any]) -> ModelPricing {
        let kind = (object["kind"] as? String) ?? "(none)"
        switch kind.lowercased() {
        case "fixed":
            let units = (object["units"] as? [Any]) ?? []
            return .fixed(units.compactMap { ($0 as? [String: Any]).flatMap(rate) })
        case "variants":
            let dimensions = ((object["dimensions"] as? [Any]) ?? []).compactMap { $0 as? String }
            let variants = ((object["variants"] as? [Any]) ?? []).compactMap { item -> PriceVariant? in
                guard let fields = item as? [String: Any], let rate = rate(fields),
                    let when = fields["when"] as? [String: Any]
                else { return nil }
                var values: [String: PriceValue] = [:]
                for (name, raw) in when {
                    guard let value = value(raw) else { return nil }
                    values[name] = value
                }
                return PriceVariant(when: values, rate: rate)
            }
            return .variants(dimensions: dimensions, variants: variants)
        case "variable":
            return .variable
        default:
            return .unknownKind(kind)
        }
    }

    /// `{price, unit, per}`; `per` defaults to 1 when absent, `unit` is required.
    private static func rate(_ fields: [String: Any]) -> PriceRate? {
        guard let price = number(fields["price"]), let unit = fields["unit"] as? String else { return nil }
        let per = fields["per"] == nil ? 1 : number(fields["per"])
        guard let per else { return nil }
        return PriceRate(price: price, unit: unit, per: per)
    }

    /// A JSON number, or text holding one (`"0.294"`); never a boolean.
    private static func number(_ raw: Any?) -> Double? {
        switch raw {
        case let number as NSNumber where !isBoolean(number): number.doubleValue
        case let text as String: Double(text.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    private static func value(_ raw: Any) -> PriceValue? {
        switch raw {
        case let text as String: .text(text)
        case let number as NSNumber where !isBoolean(number): .number(number.doubleValue)
        default: nil
        }
    }

    /// JSON `true`/`false` arrive as an `NSNumber` of type `c` (a C `char`).
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
