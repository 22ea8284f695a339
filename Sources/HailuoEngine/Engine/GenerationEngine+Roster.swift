import Foundation
import HailuoCore

/// Which models the provider still serves: the built-in table checked against the catalogue.
extension GenerationEngine {
    /// The model roster: the catalogue's list (cached in the store for a day, revalidated with its
    /// `ETag`; `refresh` asks again whatever the cache's age) checked against the built-in table.
    /// Never fails: without an answer the built-in table is the roster and every model is offered.
    public nonisolated func modelRoster(refresh: Bool) async -> ModelRoster {
        await rosterCatalogue.roster(refresh: refresh)
    }

    /// ``modelRoster(refresh:)`` without the network: the cached list however old, else the table.
    public nonisolated func cachedModelRoster() -> ModelRoster {
        rosterCatalogue.cached()
    }

    /// Refuses, before anything is stored or sent, a request for a model the catalogue no longer
    /// lists (the roster is asked at most once a day; offline, nothing is refused).
    nonisolated func refuseUnlisted(_ models: [ModelID]) async throws(SubmitError) {
        guard !models.isEmpty else { return }
        let roster = await modelRoster(refresh: false)
        let issues = Set(models).sorted { $0.rawValue < $1.rawValue }.compactMap { model -> ValidationIssue? in
            guard let refusal = roster.refusal(for: model) else { return nil }
            return ValidationIssue(
                field: .model, rule: .unlisted, value: InertText.oneLine(model.rawValue), message: "model: \(refusal)")
        }
        guard issues.isEmpty else {
            logger.notice("refused: \(issues.map(\.message).joined(separator: "; "))")
            throw .invalid(ValidationError(issues: issues))
        }
    }
}
