import Foundation
import GRDB
import HailuoCore
import Synchronization

/// What changed in the store since a ``StoreWatch`` last looked.
public struct StoreChanges: Sendable, Equatable {
    /// Whether the store's revision moved: a job or group changed, or a process gave its leases back.
    public var revisionMoved: Bool
    /// The jobs changed since the last look, each once as it is now, in the order of their last change.
    public var jobs: [Job]
    /// The groups made or changed since the last look, in the order of their last change.
    public var groups: [JobGroup]

    /// Nothing changed that a front end shows.
    public static let none = StoreChanges(revisionMoved: false, jobs: [], groups: [])

    public init(revisionMoved: Bool, jobs: [Job], groups: [JobGroup]) {
        self.revisionMoved = revisionMoved
        self.jobs = jobs
        self.groups = groups
    }
}

/// Notices commits to the store by any connection (other processes', this process's writer) and
/// reads only the rows they changed.
///
/// It keeps one read-only connection of its own and asks it SQLite's `PRAGMA data_version`, which
/// moves when another connection has committed: no table is read while nothing changed. After a
/// commit it reads the store's revision and, when that moved, the job and group rows whose
/// `change_seq` is past the revision it saw last (an index range), in one read transaction.
public final class StoreWatch: Sendable {
    private struct Seen {
        var dataVersion: Int64
        var revision: Int64
    }

    private let connection: DatabaseQueue
    private let seen: Mutex<Seen>

    /// Opens the watch's own connection to the store at `url`; what is there now counts as seen.
    init(url: URL) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.label = "hailuo.jobs.watch"
        let connection = try DatabaseQueue(path: url.path, configuration: configuration)
        let start = try connection.read { db in
            Seen(dataVersion: try Self.dataVersion(db), revision: try Self.revision(db))
        }
        self.connection = connection
        seen = Mutex(start)
    }

    /// What changed since the last call (or since the watch was made): `nil` when no connection has
    /// committed since, ``StoreChanges/none`` when commits changed nothing counted (lease renewals,
    /// poll counts).
    public func changes() throws -> StoreChanges? {
        try seen.withLock { seen throws -> StoreChanges? in
            let version = try connection.inDatabase { try Self.dataVersion($0) }
            guard version != seen.dataVersion else { return nil }
            seen.dataVersion = version
            let last = seen.revision
            let (revision, changes) = try connection.read { db in
                let revision = try Self.revision(db)
                guard revision != last else { return (revision, StoreChanges.none) }
                return (revision, try Self.rows(db, after: last))
            }
            seen.revision = revision
            return changes
        }
    }

    /// The position every change so far is at or below: the store's revision as this watch last read it.
    public var position: Int64 { seen.withLock { $0.revision } }

    private static func rows(_ db: Database, after revision: Int64) throws -> StoreChanges {
        let jobs = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT \(JobRow.selectList) FROM jobs WHERE change_seq > ? ORDER BY change_seq"),
            arguments: [revision]
        ).map(JobRow.job(from:))
        let groups = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, kind, name, source, created_at, total FROM groups
                    WHERE change_seq > ? ORDER BY change_seq
                    """),
            arguments: [revision]
        ).map(JobStore.group(from:))
        return StoreChanges(revisionMoved: true, jobs: jobs, groups: groups)
    }

    private static func dataVersion(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
    }

    private static func revision(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM store_meta WHERE key = 'revision'")) ?? 0
    }
}

extension JobStore {
    /// A watch over this store's changes by any process, on its own kept connection.
    public func watch() throws -> StoreWatch {
        do {
            return try StoreWatch(url: url)
        } catch {
            throw StoreError("cannot watch the job store at \(url.path): \(error)")
        }
    }
}
