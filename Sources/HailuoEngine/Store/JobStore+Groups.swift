import Foundation
import GRDB
import HailuoCore

/// One row of a batch file as the store records it: the row's identity and its job.
public struct StoredBatchRow: Sendable, Equatable {
    /// The hash of the row's normalized request and its occurrence index (``BatchRowKey``).
    public var key: String
    /// The job made for the row.
    public var jobID: String
}

/// Groups of jobs (batches and variants), and which job each batch row became.
extension JobStore {
    /// Every group, newest first.
    public func groups() throws -> [JobGroup] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, kind, name, source, created_at, total FROM groups ORDER BY created_at DESC, id DESC"
            ).map(Self.group(from:))
        }
    }

    /// The group with this id, or `nil`.
    public func group(id: String) throws -> JobGroup? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, kind, name, source, created_at, total FROM groups WHERE id = ?", arguments: [id]
            ).map(Self.group(from:))
        }
    }

    /// The batch group of the file at `source` (a canonical absolute path), or `nil`.
    public func group(source: String) throws -> JobGroup? {
        try pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, kind, name, source, created_at, total FROM groups WHERE source = ?",
                arguments: [source]
            ).map(Self.group(from:))
        }
    }

    /// The rows already stored for the group, by key.
    public func batchRows(groupID: String) throws -> [String: String] {
        try pool.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT row_key, job_id FROM batch_rows WHERE group_id = ?", arguments: [groupID])
            return Dictionary(rows.map { ($0[0] as String, $0[1] as String) }) { first, _ in first }
        }
    }

    /// Stores a batch's new rows as `waiting` jobs in ONE transaction: the group (made when the file
    /// has none yet, else reused), each job and its `batch_rows` entry. A row whose key is already
    /// stored is left alone, so two runs racing on one file cannot both add it. Returns the group
    /// and the rows this call added.
    public func storeBatch(
        _ group: JobGroup, rows: [(key: String, job: Job)]
    ) throws -> (group: JobGroup, added: [StoredBatchRow]) {
        try pool.write { db in
            var stored = group
            if let source = group.source,
                let existing = try Row.fetchOne(
                    db, sql: "SELECT id, kind, name, source, created_at, total FROM groups WHERE source = ?",
                    arguments: [source])
            {
                stored = Self.group(from: existing)
            } else {
                try Self.insertGroup(db, group)
            }
            var position =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM batch_rows WHERE group_id = ?", arguments: [stored.id]) ?? 0
            var added: [StoredBatchRow] = []
            for (key, template) in rows {
                let known =
                    try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM batch_rows WHERE group_id = ? AND row_key = ?",
                        arguments: [stored.id, key]) ?? false
                guard !known else { continue }
                var job = template
                job.groupID = stored.id
                try Self.insertRow(db, job, leaseOwner: nil, leaseSeconds: 0, note: "waiting for its turn")
                try db.execute(
                    sql: "INSERT INTO batch_rows (group_id, row_key, job_id, position) VALUES (?, ?, ?, ?)",
                    arguments: [stored.id, key, job.id, position])
                position += 1
                added.append(StoredBatchRow(key: key, jobID: job.id))
            }
            stored.total = position
            try db.execute(sql: "UPDATE groups SET total = ? WHERE id = ?", arguments: [position, stored.id])
            return (stored, added)
        }
    }

    /// Stores a group that has no batch rows (variants).
    public func insertGroup(_ group: JobGroup) throws {
        try pool.write { db in try Self.insertGroup(db, group) }
    }

    /// The group's jobs still waiting for their turn, in the file's order.
    public func waitingJobs(groupID: String) throws -> [Job] {
        let columns = JobRow.columns.map { "jobs.\($0)" }.joined(separator: ", ")
        return try pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(columns) FROM jobs LEFT JOIN batch_rows ON batch_rows.job_id = jobs.id
                    WHERE jobs.group_id = ? AND jobs.phase = '\(JobPhase.waiting.rawValue)'
                    ORDER BY batch_rows.position, jobs.created_at, jobs.id
                    """,
                arguments: [groupID]
            ).map(JobRow.job(from:))
        }
    }

    /// Moves a waiting job to `submitting`, leased to `owner`, in one `IMMEDIATE` transaction with
    /// the budget check (the job itself is left out of the sums). `nil` when the job is no longer
    /// waiting (another process took it): nothing was changed.
    public func claimWaiting(
        _ id: String, owner: String, leaseSeconds: Double, estimatedUSD: Double?, periods: BudgetPeriods,
        admit: (BudgetLedger) -> String?
    ) throws -> Result<Job, BudgetRefusal>? {
        try immediate { db in
            let phase = try String.fetchOne(db, sql: "SELECT phase FROM jobs WHERE id = ?", arguments: [id])
            guard phase == JobPhase.waiting.rawValue else { return nil }
            if let refusal = admit(try Self.ledger(db, periods: periods, excluding: id)) {
                return .failure(BudgetRefusal(sentence: refusal))
            }
            let now = Date()
            let job = try Self.updateRow(db, id, note: "submitting", now: now) {
                $0.phase = .submitting
                $0.estimatedUSD = estimatedUSD ?? $0.estimatedUSD
                $0.clientRequestID = ClientRequestID.validated($0.id)
            }
            try db.execute(
                sql: "UPDATE jobs SET lease_owner = ?, lease_expires_at = ? WHERE id = ?",
                arguments: [owner, now.timeIntervalSince1970 + leaseSeconds, id])
            return .success(job)
        }
    }

    /// Marks or unmarks a job as a favourite.
    @discardableResult
    public func setFavourite(_ id: String, _ favourite: Bool) throws -> Job {
        try update(id) { $0.favourite = favourite }
    }

    static func insertGroup(_ db: Database, _ group: JobGroup) throws {
        try db.execute(
            sql: "INSERT INTO groups (id, kind, name, source, created_at, total) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [
                group.id, group.kind.rawValue, group.name, group.source, group.createdAt.timeIntervalSince1970,
                group.total,
            ])
    }

    static func group(from row: Row) -> JobGroup {
        JobGroup(
            id: row[0], kind: JobGroup.Kind(rawValue: row[1] as String) ?? .batch, name: row[2], source: row[3],
            createdAt: Date(timeIntervalSince1970: row[4]), total: row[5])
    }
}
