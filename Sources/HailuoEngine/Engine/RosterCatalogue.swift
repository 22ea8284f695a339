import Foundation
import HailuoCore
import Synchronization

/// The catalogue's full list of models (`GET /v1/models`, no filter, no key) for the model
/// roster: cached in the store's catalogue cache under a reserved key with its `ETag`,
/// revalidated at most once a day, one fetch at a time.
final class RosterCatalogue: Sendable {
    /// The cache row's key: no model id has a space or parentheses.
    static let cacheKey: ModelID = "(all models)"
    /// How long a cached list is used without asking again.
    static let maxAge: Double = PriceCatalogue.maxAge
    /// The whole catalogue, identities only (the default answer is small: no pricing).
    static let path = "/v1/models"
    /// The most body read: the whole catalogue with pricing was about 1.3 MB in 2026.
    static let bodyLimit = 8 << 20

    let store: JobStore
    let client: CatalogueClient
    let now: @Sendable () -> Date
    private let refreshing = Mutex<Task<ModelRoster, Never>?>(nil)

    init(store: JobStore, client: CatalogueClient, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.client = client
        self.now = now
    }

    /// The roster from the cache however old, without the network; the built-in table when
    /// nothing usable is cached.
    func cached() -> ModelRoster {
        guard let cached = try? store.cachedCatalogue(model: Self.cacheKey),
            let listing = CatalogueListing.read(Array(cached.body.utf8))
        else { return .builtIn(reason: "not checked yet") }
        return ModelRoster(listing: listing, checkedAt: cached.fetchedAt)
    }

    /// The roster: the cached list while it is less than a day old (unless `refresh`), else a
    /// fetch with `If-None-Match` (bounded by the client's timeout). When the fetch gives nothing
    /// usable, the cached list however old; the built-in table when there is none.
    func roster(refresh: Bool) async -> ModelRoster {
        let cached = try? store.cachedCatalogue(model: Self.cacheKey)
        let listing = cached.flatMap { CatalogueListing.read(Array($0.body.utf8)) }
        if !refresh, let cached, let listing, now().timeIntervalSince(cached.fetchedAt) < Self.maxAge {
            return ModelRoster(listing: listing, checkedAt: cached.fetchedAt)
        }
        let usable = listing.flatMap { listing in cached.map { (answer: $0, listing: listing) } }
        let task = refreshing.withLock { running in
            if let running { return running }
            let task = Task { await self.fetch(cached: usable) }
            running = task
            return task
        }
        let roster = await task.value
        refreshing.withLock { $0 = nil }
        return roster
    }

    /// Now, as the store keeps it (seconds since 1970 as a double), so a roster from the cache
    /// equals the one from the fetch that filled it.
    private func stamp() -> Date {
        Date(timeIntervalSince1970: now().timeIntervalSince1970)
    }

    private func fetch(cached: (answer: CachedCatalogueAnswer, listing: [ListedModel])?) async -> ModelRoster {
        let stale = cached.map { ModelRoster(listing: $0.listing, checkedAt: $0.answer.fetchedAt) }
        switch await client.fetch(path: Self.path, etag: cached?.answer.etag, limit: Self.bodyLimit) {
        case .fresh(let body, let etag):
            guard let listing = CatalogueListing.read(Array(body.utf8)) else {
                return stale ?? .builtIn(reason: "the catalogue's answer was not a list of models")
            }
            let at = stamp()
            try? store.saveCatalogue(model: Self.cacheKey, CachedCatalogueAnswer(etag: etag, fetchedAt: at, body: body))
            return ModelRoster(listing: listing, checkedAt: at)
        case .notModified:
            guard let cached else { return .builtIn(reason: "the catalogue answered 304 to a plain request") }
            let at = stamp()
            try? store.touchCatalogue(model: Self.cacheKey, at: at)
            return ModelRoster(listing: cached.listing, checkedAt: at)
        case .failed(let why):
            return stale ?? .builtIn(reason: why)
        }
    }
}
