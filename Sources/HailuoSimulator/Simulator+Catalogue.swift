import Foundation
import Hummingbird

/// `GET /v1/models` and the calls that change the catalogue while the simulator runs.
extension Simulator {
    /// `GET /v1/models[?id=..][&include=pricing]`: no key needed (one is ignored). `id` keeps the
    /// models with that id or alias (case-insensitive; repeated or comma-separated values are OR'd);
    /// `include=pricing` (or `all`, or `details=true`) adds `pricing`, `all` also `modalities` and
    /// `capabilities`. Answers `{"object": "list", "data": [...]}` with an `ETag` (a digest of the
    /// body); a matching `If-None-Match` gets 304 with no body.
    func catalogue(_ incoming: IncomingRequest) -> Answer {
        let values = { (name: String) in
            incoming.queryPairs.filter { $0.name == name }.flatMap { $0.value.split(separator: ",") }
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        }
        let ids = values("id")
        let include = Set(values("include"))
        let details = include.contains("all") || incoming.queryItems["details"]?.lowercased() == "true"
        let pricing = details || include.contains("pricing")
        let models = catalogueModels().filter { model in ids.isEmpty || ids.contains { model.isNamed($0) } }
        let body: JSONValue = [
            "object": "list", "data": .array(models.map { $0.json(pricing: pricing, details: details) }),
        ]
        let data = body.serialized
        let tag = "\"" + SHA256Digest.hex(Array(SHA256Digest.hash(Array(data)).prefix(16))) + "\""
        if let ifNoneMatch = incoming.ifNoneMatch, Self.etagMatches(tag, ifNoneMatch) {
            return Answer(response: Response(status: .notModified, headers: [.eTag: tag]), status: 304)
        }
        return Answer(response: ProviderResponse.raw(data, headers: [.eTag: tag]), status: 200)
    }

    /// Whether an `If-None-Match` value names `tag` (a list, `*`, weak `W/` tags all count).
    static func etagMatches(_ tag: String, _ ifNoneMatch: String) -> Bool {
        ifNoneMatch.split(separator: ",").contains { candidate in
            var text = candidate.trimmingCharacters(in: .whitespaces)
            if text == "*" { return true }
            if text.hasPrefix("W/") { text.removeFirst(2) }
            return text == tag
        }
    }

    /// The catalogue as it stands now, in listing order.
    public func catalogueModels() -> [SimulatorCatalogueModel] {
        state.withLock { $0.catalogue }
    }

    /// Replaces the pricing of the model with this id or alias (`.variable`, `.unknown(kind: "tiered")`,
    /// other figures). Jobs created from now on are charged by the new pricing when it quotes them,
    /// else by `SimulatorPrices`. No effect when the model is not in the catalogue.
    public func setPricing(_ pricing: SimulatorPricing, forModel model: String) {
        state.withLock { state in
            guard let index = state.catalogue.firstIndex(where: { $0.isNamed(model) }) else { return }
            state.catalogue[index].pricing = pricing
        }
    }

    /// Sets the price in USD of one clip of `model` (id or alias) at `resolution` and `duration`:
    /// the matching variant (added when missing) or a fixed rate's first unit; `variable` and unknown
    /// kinds become a fixed per-request rate. The catalogue's `ETag` changes with it.
    public func setPrice(_ usd: Double, model: String, resolution: String = "768P", duration: Int = 6) {
        state.withLock { state in
            guard let index = state.catalogue.firstIndex(where: { $0.isNamed(model) }) else { return }
            state.catalogue[index].pricing = state.catalogue[index].pricing.setting(
                price: usd, resolution: resolution, duration: duration)
        }
    }

    /// Drops the model with this id or alias from the catalogue (creates still accept it and charge
    /// the `SimulatorPrices` figure).
    public func removeFromCatalogue(model: String) {
        state.withLock { state in state.catalogue.removeAll { $0.isNamed(model) } }
    }

    /// The price in USD the catalogue quotes now for one clip of `model` at `resolution` and
    /// `duration`; nil when it cannot quote it (see `SimulatorPricing.quote`) or lists no such model.
    public func price(model: String, resolution: String, duration: Int) -> Double? {
        catalogueModels().first { $0.isNamed(model) }?.pricing.quote(resolution: resolution, duration: duration)
    }
}
