import HailuoCore

/// The models the provider no longer lists, which the model toggle skips.
extension Composer {
    /// Takes the models the provider no longer lists (``ModelRoster/unavailable``); F2 skips them.
    /// The model chosen stays as it is (a submission of it is refused with the reason), with a
    /// note under the options when it is one of them.
    mutating func setUnavailableModels(_ models: Set<ModelID>) {
        unavailableModels = models
        if models.contains(model) {
            showOptionNote("\(model) is no longer listed by the provider: F2 chooses another model")
        }
    }

    /// The table's next model after `current` (the first when `nil` or unknown) that the provider
    /// still lists; `current` itself when every other model is unlisted.
    func nextOfferedModel(after current: ModelID?) -> ModelID {
        let ids = ModelCatalog.ids
        let start = current.flatMap { ids.firstIndex(of: $0) } ?? -1
        for step in 1...ids.count {
            let candidate = ids[(start + step + ids.count) % ids.count]
            if !unavailableModels.contains(candidate) { return candidate }
        }
        return current ?? ids[0]
    }
}
