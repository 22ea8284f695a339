import Foundation

/// Whether the provider still serves a model, as far as hailuo can tell.
public enum ModelAvailability: String, Sendable, Equatable, CaseIterable {
    /// The catalogue lists it, under its id or as an alias of another id.
    case available
    /// The catalogue answered and lists it under no id and no alias: it is not offered.
    case unlisted
    /// No catalogue answer (offline, or an answer that was not a catalogue): the built-in table
    /// is the answer, and the model is offered.
    case unchecked

    /// Whether a model in this state may be chosen and sent.
    public var isOffered: Bool { self != .unlisted }
}

/// Which MiniMax video models exist now: the built-in table (``ModelCatalog``) checked against the
/// provider's catalogue (`GET /v1/models`).
///
/// A model the table knows is available when the catalogue lists it under its id or any alias
/// (without regard to case), unlisted when the catalogue answered without it, and unchecked when
/// there was no answer. A MiniMax video model the catalogue lists and the table does not know is
/// new: listed for the user, never offered, because hailuo does not know its rules.
public struct ModelRoster: Sendable, Equatable {
    /// The table's ids, in table order.
    public let known: [ModelID]
    /// When the catalogue's answer was fetched or last confirmed unchanged; `nil` when there is
    /// no answer and the table alone is the roster.
    public let checkedAt: Date?
    /// Why there is no answer (`offline`, `the catalogue answered HTTP 500`); `nil` when checked.
    public let uncheckedReason: String?
    /// MiniMax video models the catalogue lists that the table does not know, in listing order.
    public let newModels: [ListedModel]
    /// Every name (ids and aliases) the catalogue lists, lowercased.
    private let listedNames: Set<String>

    /// The roster for a catalogue answer listing `listing`, fetched (or confirmed) at `checkedAt`.
    /// An empty list is taken as no answer: it would mark every model unavailable.
    public init(known: [ModelID] = ModelCatalog.ids, listing: [ListedModel], checkedAt: Date) {
        guard !listing.isEmpty else {
            self.init(known: known, uncheckedBecause: "the catalogue listed no models")
            return
        }
        let knownNames = Set(known.map { $0.rawValue.lowercased() })
        var seen = Set<String>()
        let new = listing.filter { model in
            model.isMiniMaxVideo && !model.names.contains { knownNames.contains($0.lowercased()) }
                && seen.insert(model.id.lowercased()).inserted
        }
        self.init(
            known: known, checkedAt: checkedAt, uncheckedReason: nil, newModels: new,
            listedNames: Set(listing.flatMap(\.names).map { $0.lowercased() }))
    }

    /// The roster without a catalogue answer: every model of the table is offered, unchecked.
    public init(known: [ModelID] = ModelCatalog.ids, uncheckedBecause reason: String) {
        self.init(known: known, checkedAt: nil, uncheckedReason: reason, newModels: [], listedNames: [])
    }

    private init(
        known: [ModelID], checkedAt: Date?, uncheckedReason: String?, newModels: [ListedModel], listedNames: Set<String>
    ) {
        self.known = known
        self.checkedAt = checkedAt
        self.uncheckedReason = uncheckedReason
        self.newModels = newModels
        self.listedNames = listedNames
    }

    /// The built-in table alone (no network).
    public static func builtIn(reason: String = "offline") -> ModelRoster {
        ModelRoster(uncheckedBecause: reason)
    }

    /// Whether the catalogue answered.
    public var isChecked: Bool { checkedAt != nil }

    /// What the roster says about `id` (an id of the table or not).
    public func availability(of id: ModelID) -> ModelAvailability {
        guard isChecked else { return .unchecked }
        return listedNames.contains(id.rawValue.lowercased()) ? .available : .unlisted
    }

    /// The table's models the provider no longer lists.
    public var unavailable: Set<ModelID> {
        Set(known.filter { availability(of: $0) == .unlisted })
    }

    /// The table's models that may be chosen, in table order.
    public var offered: [ModelID] {
        known.filter { availability(of: $0).isOffered }
    }

    /// The sentence refusing a submission of `model`, when the catalogue no longer lists it;
    /// `nil` when it may be sent.
    public func refusal(for model: ModelID) -> String? {
        guard availability(of: model) == .unlisted, let checkedAt else { return nil }
        return "\(InertText.oneLine(model.rawValue)) is no longer listed by the provider (catalogue checked "
            + "\(Self.dateText(checkedAt))); choose another model (`hailuo models` lists them, "
            + "`hailuo models --refresh` checks again)"
    }

    /// `2026-12-05 05:10 UTC`.
    public static func dateText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) UTC"
    }
}
