/// One entry of the simulated model catalogue (`GET /v1/models`).
public struct SimulatorCatalogueModel: Sendable, Equatable {
    /// The canonical id (`minimax/hailuo-02`).
    public var id: String
    /// Other names the model answers to (`id=` matches these too).
    public var aliases: [String]
    /// The human-readable name (`info.name`).
    public var name: String
    /// The developer (`info.developer`).
    public var developer: String
    /// The endpoint type (`video`).
    public var type: String
    /// Free-form tags (`playground:video`).
    public var tags: [String]
    /// The `pricing` block shown with `include=pricing`.
    public var pricing: SimulatorPricing

    /// An entry; `developer`, `type` and `tags` default to MiniMax video.
    public init(
        id: String, aliases: [String] = [], name: String, developer: String = "MiniMax", type: String = "video",
        tags: [String] = ["playground:video"], pricing: SimulatorPricing
    ) {
        self.id = id
        self.aliases = aliases
        self.name = name
        self.developer = developer
        self.type = type
        self.tags = tags
        self.pricing = pricing
    }

    /// Whether `name` is this model's id or one of its aliases (case-insensitive, as the catalogue's
    /// filters are).
    public func isNamed(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return id.lowercased() == lowered || aliases.contains { $0.lowercased() == lowered }
    }

    /// The entry as the catalogue answers it, with or without `pricing`, with or without the
    /// `modalities` and `capabilities` sections.
    func json(pricing includePricing: Bool, details: Bool) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(id),
            "aliases": .array(aliases.map { .string($0) }),
            "type": .string(type),
            "info": ["name": .string(name), "developer": .string(developer)],
            "tags": .array(tags.map { .string($0) }),
        ]
        if includePricing { object["pricing"] = pricing.json }
        if details {
            object["modalities"] = ["input": ["text", "image"], "output": ["video"]]
            object["capabilities"] = ["text_to_video", "image_to_video"]
        }
        return .object(object)
    }
}
