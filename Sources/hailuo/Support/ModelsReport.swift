import Foundation
import HailuoCore

/// The output of `hailuo models`: each known model with its rules and availability, then the
/// provider's new MiniMax video models; or one JSON object.
enum ModelsReport {
    static func text(_ roster: ModelRoster, isDemo: Bool) -> [String] {
        var lines: [String] = []
        if isDemo { lines.append("DEMO: the simulator's catalogue, not the provider's") }
        for model in ModelCatalog.all {
            let marker = model.id == ModelCatalog.defaultModelID ? " (default)" : ""
            lines.append("\(model.id)\(marker)  \(words(roster.availability(of: model.id), roster))")
            lines.append("  \(model.summary)")
            lines.append("  \(timesLine(model))")
        }
        lines.append("")
        if let checkedAt = roster.checkedAt {
            lines.append("Catalogue checked \(ModelRoster.dateText(checkedAt)) (hailuo models --refresh asks again).")
            lines.append("New on the provider (not offered until hailuo knows their rules):")
            if roster.newModels.isEmpty { lines.append("  none") }
            for model in roster.newModels {
                let name = model.name.flatMap { $0 == model.id ? nil : "  \(InertText.oneLine($0, limit: 80))" } ?? ""
                lines.append("  \(InertText.oneLine(model.id, limit: 120))\(name)")
            }
        } else {
            lines.append(
                "Not checked against the provider's catalogue (\(reason(roster))): the built-in table is the answer.")
        }
        return lines
    }

    static func json(_ roster: ModelRoster, isDemo: Bool) -> String {
        let models: [[String: Any]] = ModelCatalog.all.map { model in
            [
                "id": model.id.rawValue, "summary": model.summary,
                "default": model.id == ModelCatalog.defaultModelID,
                "availability": roster.availability(of: model.id).rawValue,
                "typical_seconds": Dictionary(
                    uniqueKeysWithValues: model.typicalGenerationSeconds.map {
                        ("\($0.key)", [$0.value.lowerBound, $0.value.upperBound])
                    }),
                "times_source": model.timesSource,
            ]
        }
        let new: [[String: Any]] = roster.newModels.map { model in
            [
                "id": InertText.oneLine(model.id, limit: 120),
                "aliases": model.aliases.map { InertText.oneLine($0, limit: 120) },
                "name": model.name.map { InertText.oneLine($0, limit: 80) as Any } ?? NSNull(),
                "developer": model.developer.map { InertText.oneLine($0, limit: 80) as Any } ?? NSNull(),
            ]
        }
        let object: [String: Any] = [
            "checked_at": roster.checkedAt.map { $0.formatted(.iso8601) as Any } ?? NSNull(),
            "unchecked_reason": roster.uncheckedReason.map { InertText.oneLine($0) as Any } ?? NSNull(),
            "models": models, "new": new, "demo": isDemo,
        ]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `typical time: 6 s clip 4-5 min, 10 s clip 8-9 min (the provider's docs: ...)`. Before the
    /// first jobs finish; after, the store's own times take over (the LEFT column and the polls).
    static func timesLine(_ model: VideoModel) -> String {
        let parts = model.typicalGenerationSeconds.keys.sorted().filter(model.durations.contains).compactMap {
            clip -> String? in
            guard let range = model.typicalGenerationSeconds[clip] else { return nil }
            return "\(clip) s clip \(span(range))"
        }
        return "typical time: " + parts.joined(separator: ", ") + " (\(model.timesSource))"
    }

    /// `75-105 s` under two minutes, else `4-5 min`.
    private static func span(_ range: ClosedRange<Int>) -> String {
        if range.upperBound < 120 { return "\(range.lowerBound)-\(range.upperBound) s" }
        let low = Double(range.lowerBound) / 60
        let high = Double(range.upperBound) / 60
        func minutes(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
        return "\(minutes(low))-\(minutes(high)) min"
    }

    /// `available`, `no longer listed`, `not checked: offline`.
    static func words(_ availability: ModelAvailability, _ roster: ModelRoster) -> String {
        switch availability {
        case .available: "available"
        case .unlisted: "no longer listed (not offered)"
        case .unchecked: "not checked: \(reason(roster))"
        }
    }

    private static func reason(_ roster: ModelRoster) -> String {
        InertText.oneLine(roster.uncheckedReason ?? "offline", limit: 120)
    }
}
