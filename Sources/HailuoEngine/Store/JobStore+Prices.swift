import Foundation
import GRDB
import HailuoCore

/// One model's catalogue answer as cached in the `prices` table.
public struct CachedCatalogueAnswer: Sendable, Equatable {
    /// The answer's `ETag`, sent back as `If-None-Match`.
    public var etag: String?
    /// When the answer was last fetched or confirmed unchanged (a 304).
    public var fetchedAt: Date
    /// The answer's body, as it came.
    public var body: String
}

/// The catalogue cache: one row per model.
extension JobStore {
    /// The cached answer for `model`, if any.
    public func cachedCatalogue(model: ModelID) throws -> CachedCatalogueAnswer? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT etag, fetched_at, body FROM prices WHERE model = ?", arguments: [model.rawValue]
            ).map { row in
                CachedCatalogueAnswer(
                    etag: row["etag"], fetchedAt: Date(timeIntervalSince1970: row["fetched_at"]), body: row["body"])
            }
        }
    }

    /// Stores a fresh answer for `model`, replacing the one before.
    public func saveCatalogue(model: ModelID, _ answer: CachedCatalogueAnswer) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO prices (model, etag, fetched_at, body) VALUES (?, ?, ?, ?)",
                arguments: [model.rawValue, answer.etag, answer.fetchedAt.timeIntervalSince1970, answer.body])
        }
    }

    /// Marks the cached answer for `model` as confirmed unchanged at `date` (a 304).
    public func touchCatalogue(model: ModelID, at date: Date) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE prices SET fetched_at = ? WHERE model = ?",
                arguments: [date.timeIntervalSince1970, model.rawValue])
        }
    }
}
