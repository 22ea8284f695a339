import Foundation

/// One model as the provider's catalogue lists it (`GET /v1/models`): its canonical `id`, the
/// other names it still answers to (`aliases`), its endpoint `type` and `info{name, developer}`.
public struct ListedModel: Sendable, Equatable, Hashable {
    /// The canonical id (`minimax/hailuo-02`).
    public var id: String
    /// Other names the model can still be requested under.
    public var aliases: [String]
    /// The endpoint type (`video`); `nil` when the entry has none.
    public var type: String?
    /// The human-readable name (`info.name`), when given.
    public var name: String?
    /// The developer (`info.developer`), when given.
    public var developer: String?

    /// An entry as listed.
    public init(id: String, aliases: [String] = [], type: String? = nil, name: String? = nil, developer: String? = nil)
    {
        self.id = id
        self.aliases = aliases
        self.type = type
        self.name = name
        self.developer = developer
    }

    /// The id, then the aliases.
    public var names: [String] { [id] + aliases }

    /// Whether `name` is the id or one of the aliases, without regard to case (the catalogue's own
    /// `id=` filter matches the same way).
    public func isNamed(_ name: String) -> Bool {
        let wanted = name.lowercased()
        return names.contains { $0.lowercased() == wanted }
    }

    /// A MiniMax video model: type `video`, and an id or alias under `minimax/` or MiniMax as the
    /// developer.
    public var isMiniMaxVideo: Bool {
        guard type?.lowercased() == "video" else { return false }
        if names.contains(where: { $0.lowercased().hasPrefix("minimax/") }) { return true }
        return developer?.lowercased().contains("minimax") ?? false
    }
}

/// Reads the catalogue's list of models.
public enum CatalogueListing {
    /// The models in a `GET /v1/models` answer (`{"object": "list", "data": [...]}`), in listing
    /// order. Tolerant: an entry without a text `id` is skipped, a missing `aliases`, `type` or
    /// `info` reads as none. `nil` when the body is not a catalogue answer (garbage, an error page,
    /// no `data` array).
    public static func read(_ body: [UInt8]) -> [ListedModel]? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let data = root["data"] as? [Any]
        else { return nil }
        return data.compactMap { item -> ListedModel? in
            guard let entry = item as? [String: Any], let id = entry["id"] as? String, !id.isEmpty else { return nil }
            let aliases = ((entry["aliases"] as? [Any]) ?? []).compactMap { $0 as? String }.filter { !$0.isEmpty }
            let info = entry["info"] as? [String: Any]
            return ListedModel(
                id: id, aliases: aliases, type: entry["type"] as? String, name: info?["name"] as? String,
                developer: info?["developer"] as? String)
        }
    }
}
