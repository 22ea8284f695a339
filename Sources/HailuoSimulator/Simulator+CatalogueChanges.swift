/// Models appearing in the catalogue while the simulator runs (removing one is
/// ``Simulator/removeFromCatalogue(model:)``).
extension Simulator {
    /// Adds `model` at the end of the catalogue, or replaces the entry with the same id. The
    /// catalogue's `ETag` changes with it. Creates are not taught its rules: this is the provider
    /// listing a model before hailuo knows it.
    public func addToCatalogue(_ model: SimulatorCatalogueModel) {
        state.withLock { state in
            if let index = state.catalogue.firstIndex(where: { $0.id.lowercased() == model.id.lowercased() }) {
                state.catalogue[index] = model
            } else {
                state.catalogue.append(model)
            }
        }
    }

    /// Adds a MiniMax video model named `id` with a fixed price per clip (a model hailuo's table
    /// does not know, for tests of the roster).
    public func addCatalogueModel(_ id: String, aliases: [String] = [], name: String? = nil, usd: Double = 0.5) {
        addToCatalogue(
            SimulatorCatalogueModel(
                id: id, aliases: aliases, name: name ?? id, pricing: .fixed([SimulatorRate(price: usd)])))
    }
}
