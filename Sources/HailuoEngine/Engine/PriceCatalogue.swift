import Foundation
import HailuoCore
import Synchronization

/// The catalogue's prices for the engine: cached per model in the store with their `ETag`,
/// revalidated at most once a day, one fetch per model at a time.
final class PriceCatalogue: Sendable {
    /// How long a cached answer is used without asking again.
    static let maxAge: Double = 24 * 3600

    let store: JobStore
    let client: CatalogueClient
    let now: @Sendable () -> Date
    private let refreshes = Mutex<[ModelID: Task<CatalogueEntry?, Never>]>([:])

    init(store: JobStore, client: CatalogueClient, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.client = client
        self.now = now
    }

    /// What the cache says about `model`, without the network; `nil` when nothing usable is cached.
    func cachedEntry(_ model: ModelID) -> CatalogueEntry? {
        guard let cached = try? store.cachedCatalogue(model: model) else { return nil }
        return CatalogueEntry.read(Array(cached.body.utf8), model: model)
    }

    /// What the catalogue says about `model`: the cached answer while it is less than a day old,
    /// else a fetch (with `If-None-Match`, bounded by the client's timeout). When the fetch gives
    /// nothing usable, the cached answer however old; `nil` when there is none either.
    func entry(_ model: ModelID) async -> CatalogueEntry? {
        let cached = try? store.cachedCatalogue(model: model)
        if let cached, now().timeIntervalSince(cached.fetchedAt) < Self.maxAge,
            let entry = CatalogueEntry.read(Array(cached.body.utf8), model: model)
        {
            return entry
        }
        let task = refreshes.withLock { running in
            if let task = running[model] { return task }
            let task = Task { await self.refresh(model, cached: cached) }
            running[model] = task
            return task
        }
        let entry = await task.value
        refreshes.withLock { running in _ = running.removeValue(forKey: model) }
        return entry
    }

    private func refresh(_ model: ModelID, cached: CachedCatalogueAnswer?) async -> CatalogueEntry? {
        let stale = cached.flatMap { CatalogueEntry.read(Array($0.body.utf8), model: model) }
        switch await client.fetch(model: model, etag: stale == nil ? nil : cached?.etag) {
        case .fresh(let body, let etag):
            guard let entry = CatalogueEntry.read(Array(body.utf8), model: model) else { return stale }
            try? store.saveCatalogue(model: model, CachedCatalogueAnswer(etag: etag, fetchedAt: now(), body: body))
            return entry
        case .notModified:
            if stale != nil { try? store.touchCatalogue(model: model, at: now()) }
            return stale
        case .failed:
            return stale
        }
    }
}
