import Foundation
import GRDB
import HailuoCore

/// Leases: which process polls which pending job, so two hailuo processes never poll one job.
extension JobStore {
    /// Takes the lease of every pending job that is free, lapsed, or already ours (renewing it),
    /// and returns the jobs now leased to `owner`.
    /// - Parameter only: when given, only these jobs are claimed (a `wait` for some jobs leaves
    ///   the others to whoever polls them).
    public func claimPending(owner: String, leaseSeconds: Double, only: Set<String>? = nil, now: Date = Date()) throws
        -> [Job]
    {
        try renewLeases(owner: owner, leaseSeconds: leaseSeconds, only: only, known: [], now: now).new
    }

    /// ``claimPending(owner:leaseSeconds:only:now:)`` for a poller that already holds most of
    /// the jobs: the same claim and renewal, but it reads back only the ids it holds, and whole
    /// jobs only for those not in `known`. A renewal every few seconds then costs one short
    /// write, not a decode of every pending job.
    public func renewLeases(
        owner: String, leaseSeconds: Double, only: Set<String>? = nil, known: Set<String>, now: Date = Date()
    ) throws -> (held: Set<String>, new: [Job]) {
        let t = now.timeIntervalSince1970
        let scope = only.map { ids in " AND id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))" } ?? ""
        let scopeArguments: [(any DatabaseValueConvertible)?] = only.map { Array($0) } ?? []
        return try pool.write { db in
            // Cached statements: this runs every lease refresh.
            try db.cachedStatement(
                sql: """
                    UPDATE jobs SET lease_owner = ?, lease_expires_at = ?
                    WHERE phase = '\(JobPhase.pending.rawValue)'
                      AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at IS NULL OR lease_expires_at < ?)\(scope)
                    """
            ).execute(arguments: StatementArguments([owner, t + leaseSeconds, owner, t] + scopeArguments))
            let held = Set(
                try String.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT id FROM jobs WHERE phase = '\(JobPhase.pending.rawValue)' AND lease_owner = ?"),
                    arguments: [owner]))
            let unknown = held.subtracting(known)
            guard !unknown.isEmpty else { return (held, []) }
            // A few new ones by id; many (the first claim of a large store) in one pass over the
            // held rows, which also keeps the statement under SQLite's limit on parameters.
            let rows: [Row]
            if unknown.count <= 200 {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(JobRow.selectList) FROM jobs
                        WHERE id IN (\(unknown.map { _ in "?" }.joined(separator: ", ")))
                        """,
                    arguments: StatementArguments(Array(unknown)))
            } else {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(JobRow.selectList) FROM jobs
                        WHERE phase = '\(JobPhase.pending.rawValue)' AND lease_owner = ?
                        """,
                    arguments: [owner])
            }
            let jobs = rows.map(JobRow.job(from:)).filter { unknown.contains($0.id) }
            return (held, jobs)
        }
    }

    /// Whether some pending job (among `only`, when given) has no live lease: a process gave it
    /// back or died. A read, so a store watcher can ask it on every change without writing.
    public func hasUnleasedPending(only: Set<String>? = nil, now: Date = Date()) throws -> Bool {
        let scope = only.map { ids in " AND id IN (\(ids.map { _ in "?" }.joined(separator: ", ")))" } ?? ""
        let scopeArguments: [(any DatabaseValueConvertible)?] = only.map { Array($0) } ?? []
        return try pool.read { db in
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS(SELECT 1 FROM jobs WHERE phase = '\(JobPhase.pending.rawValue)'
                      AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at < ?)\(scope))
                    """,
                arguments: StatementArguments([now.timeIntervalSince1970] + scopeArguments)) ?? false
        }
    }

    /// Takes one job's lease if it is free, lapsed or ours. Returns whether `owner` holds it.
    @discardableResult
    public func claim(jobID: String, owner: String, leaseSeconds: Double, now: Date = Date()) throws -> Bool {
        let t = now.timeIntervalSince1970
        return try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE jobs SET lease_owner = ?, lease_expires_at = ?
                    WHERE id = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_expires_at IS NULL OR lease_expires_at < ?)
                    """,
                arguments: [owner, t + leaseSeconds, jobID, owner, t])
            return db.changesCount > 0
        }
    }

    /// Who holds the job's lease and until when, if anyone.
    public func lease(jobID: String) throws -> (owner: String, expiresAt: Date)? {
        try pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT lease_owner, lease_expires_at FROM jobs WHERE id = ?", arguments: [jobID]),
                let owner = row["lease_owner"] as String?, let expires = row["lease_expires_at"] as Double?
            else { return nil }
            return (owner, Date(timeIntervalSince1970: expires))
        }
    }

    /// Gives up every lease `owner` holds, so another process can take the jobs at once.
    public func releaseLeases(owner: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?",
                arguments: [owner])
            // Lease renewals leave the revision alone (they would wake every watcher every few
            // seconds); giving leases back is rare and others should take the jobs over at once.
            if db.changesCount > 0 {
                try db.execute(sql: "UPDATE store_meta SET value = value + 1 WHERE key = 'revision'")
            }
        }
    }

    /// Gives up one job's lease if `owner` holds it.
    public func releaseLease(jobID: String, owner: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "UPDATE jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ? AND lease_owner = ?",
                arguments: [jobID, owner])
        }
    }
}
