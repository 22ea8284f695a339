import Foundation
import GRDB
import HailuoCore

/// A failure of the job store, in words.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The SQLite job store (WAL), shared by every hailuo process of a user at once.
///
/// Writes are read-modify-write inside one SQLite write transaction, so two processes never
/// overwrite each other's changes. Nothing is ever deleted. Each pending job is polled by one
/// process at a time through a lease that lapses when its holder stops renewing it.
public final class JobStore: Sendable {
    let pool: DatabasePool
    /// The database file.
    public let url: URL

    private init(url: URL, pool: DatabasePool) {
        self.url = url
        self.pool = pool
    }

    /// Opens the store at `url` for reading and writing: creates the file (mode 0600) when there is
    /// none, puts it in WAL mode and migrates it to the current schema. Each of these writes.
    public convenience init(url: URL) throws {
        let path = url.path
        try Self.createPrivately(path: path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.label = "hailuo.jobs"
        let pool: DatabasePool
        do {
            pool = try Self.openPool(path: path, configuration: configuration)
            try Self.migrate(pool)
        } catch {
            throw StoreError("cannot open the job store at \(path): \(error)")
        }
        self.init(url: url, pool: pool)
    }

    /// Opens the store at `url` for reading only: nothing is created, migrated or written (SQLite
    /// opens it read-only, so a write method throws). `nil` when there is no store there yet, or
    /// it holds no jobs table (no job was ever stored). The one exception: a store made by an
    /// older hailuo is migrated (once) and opened for writing, since its tables lack columns.
    public static func openReadOnly(url: URL) throws -> JobStore? {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        configuration.label = "hailuo.jobs.read"
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            guard try pool.read({ try $0.tableExists("jobs") }) else { return nil }
            // A store an older hailuo made lacks columns every query reads: migrate it once.
            guard try pool.read({ try StoreSchema.migrator.hasCompletedMigrations($0) }) else {
                return try JobStore(url: url)
            }
            return JobStore(url: url, pool: pool)
        } catch {
            throw StoreError("cannot open the job store at \(path): \(error)")
        }
    }

    /// Opens the pool. Two processes opening a new store at the same moment both switch it to WAL,
    /// and SQLite answers the loser `SQLITE_BUSY` at once (its busy timeout does not cover that
    /// switch): the loser waits a little and opens the store the winner prepared.
    private static func openPool(path: String, configuration: Configuration) throws -> DatabasePool {
        var attempt = 1
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && attempt < 10 {
                Thread.sleep(forTimeInterval: 0.02 * Double(attempt))
                attempt += 1
            }
        }
    }

    private static func migrate(_ pool: DatabasePool) throws {
        // Two processes may start at once; the loser of a race retries and finds it done.
        for attempt in 1...3 {
            do {
                try StoreSchema.migrator.migrate(pool)
                return
            } catch  where attempt < 3 {
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt))
            }
        }
    }

    /// SQLite gives `-wal` and `-shm` the database file's mode, so creating it 0600 keeps all three private.
    private static func createPrivately(path: String) throws {
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw StoreError("cannot create the job store at \(path): \(String(cString: strerror(errno)))")
        }
        fchmod(fd, 0o600)
        close(fd)
    }

    // MARK: Writing

    /// Inserts a new job and its first history entry, optionally leased to `leaseOwner`
    /// (a submission in flight belongs to the process sending it).
    public func insert(_ job: Job, leaseOwner: String? = nil, leaseSeconds: Double = 0, note: String? = nil) throws {
        try pool.write { db in
            try Self.insertRow(db, job, leaseOwner: leaseOwner, leaseSeconds: leaseSeconds, note: note)
        }
    }

    /// Inserts many new jobs, none leased, in one write transaction (seeding a store for a
    /// benchmark or a test: one commit instead of one per job).
    public func insert(contentsOf jobs: [Job]) throws {
        try pool.write { db in
            for job in jobs { try Self.insertRow(db, job, leaseOwner: nil, leaseSeconds: 0, note: nil) }
        }
    }

    static func insertRow(_ db: Database, _ job: Job, leaseOwner: String?, leaseSeconds: Double, note: String?) throws {
        let marks = Array(repeating: "?", count: JobRow.columns.count + 2).joined(separator: ", ")
        let lease: [(any DatabaseValueConvertible)?] = [
            leaseOwner, leaseOwner.map { _ in job.createdAt.timeIntervalSince1970 + leaseSeconds },
        ]
        try db.execute(
            sql: "INSERT INTO jobs (\(JobRow.selectList), lease_owner, lease_expires_at) VALUES (\(marks))",
            arguments: StatementArguments(JobRow.values(job) + lease))
        try appendEvent(db, job: job, note: note)
    }

    /// ``recoverAbandoned(isAlive:now:)`` judging holders by their process on this host: a
    /// holder whose process is gone has left its work.
    @discardableResult
    public func recoverAbandoned(now: Date = Date()) throws -> [Job] {
        try recoverAbandoned(isAlive: ProcessOwner.isAlive, now: now)
    }

    /// ``hasAbandonedSubmissions(isAlive:now:)`` judging holders by their process on this host.
    public func hasAbandonedSubmissions(now: Date = Date()) throws -> Bool {
        try hasAbandonedSubmissions(isAlive: ProcessOwner.isAlive, now: now)
    }

    /// Whether some submission was left half-way by a process that is gone: the jobs
    /// ``recoverAbandoned(isAlive:now:)`` would mark unconfirmed. A read, so a front end that only
    /// reads can ask it and write only when there is something to recover.
    public func hasAbandonedSubmissions(isAlive: (String) -> Bool, now: Date = Date()) throws -> Bool {
        let t = now.timeIntervalSince1970
        let holders = try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT lease_owner, lease_expires_at FROM jobs WHERE phase = '\(JobPhase.submitting.rawValue)'")
        }
        return holders.contains { row in
            guard let owner = row["lease_owner"] as String?, let expires = row["lease_expires_at"] as Double?
            else { return true }
            return expires < t || !isAlive(owner)
        }
    }

    /// Frees the leases of holders that are gone, and marks submissions they left half-way as
    /// unconfirmed (their POST may or may not have reached the provider). Returns those jobs.
    public func recoverAbandoned(isAlive: (String) -> Bool, now: Date = Date()) throws -> [Job] {
        let t = now.timeIntervalSince1970
        return try pool.write { db in
            // Cached statements: a poller runs this every lease refresh (every 10 s by default).
            let owners = try String.fetchAll(
                db.cachedStatement(sql: "SELECT DISTINCT lease_owner FROM jobs WHERE lease_owner IS NOT NULL"))
            for owner in owners where !isAlive(owner) {
                try db.execute(
                    sql: "UPDATE jobs SET lease_expires_at = 0 WHERE lease_owner = ?", arguments: [owner])
            }
            let stale = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(JobRow.selectList) FROM jobs WHERE phase = '\(JobPhase.submitting.rawValue)'
                          AND (lease_owner IS NULL OR lease_expires_at IS NULL OR lease_expires_at < ?)
                        """),
                arguments: [t]
            ).map(JobRow.job(from:))
            var recovered: [Job] = []
            for var job in stale {
                job.phase = .unconfirmed
                job.updatedAt = now
                job.errorMessage =
                    "the submitting process ended before the provider answered; "
                    + "the job may exist upstream and may be billed"
                try db.execute(
                    sql:
                        "UPDATE jobs SET phase = ?, updated_at = ?, error_message = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?",
                    arguments: [job.phase.rawValue, t, job.errorMessage, job.id])
                try Self.appendEvent(db, job: job, note: "submission interrupted")
                recovered.append(job)
            }
            return recovered
        }
    }

    /// Changes a job atomically: reads the current row, applies `change`, writes it back, and
    /// records a history entry when the phase or provider status changed. Returns the new job.
    @discardableResult
    public func update(
        _ id: String, note: String? = nil, now: Date = Date(), _ change: @Sendable (inout Job) -> Void
    ) throws -> Job {
        try pool.write { db in try Self.updateRow(db, id, note: note, now: now, change) }
    }

    static func updateRow(
        _ db: Database, _ id: String, note: String?, now: Date, _ change: @Sendable (inout Job) -> Void
    ) throws -> Job {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT \(JobRow.selectList) FROM jobs WHERE id = ?", arguments: [id])
        else { throw StoreError("no job \(id) in the store") }
        let before = JobRow.job(from: row)
        var job = before
        change(&job)
        job.id = before.id
        job.updatedAt = now
        let assignments = JobRow.columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        try db.execute(
            sql: "UPDATE jobs SET \(assignments) WHERE id = ?",
            arguments: StatementArguments(Array(JobRow.values(job).dropFirst()) + [id]))
        if job.phase != before.phase || job.providerStatus != before.providerStatus || note != nil {
            try appendEvent(db, job: job, note: note)
        }
        return job
    }

    /// Counts one poll of the job (for the request economy figures).
    public func countPoll(_ id: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE jobs SET poll_count = poll_count + 1 WHERE id = ?", arguments: [id])
        }
    }

    private static func appendEvent(_ db: Database, job: Job, note: String?) throws {
        try db.execute(
            sql: "INSERT INTO job_events (job_id, at, phase, provider_status, note) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                job.id, job.updatedAt.timeIntervalSince1970, job.phase.rawValue, job.providerStatus, note,
            ])
    }

    // MARK: Reading

    /// The job with this local id.
    public func job(id: String) throws -> Job? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(JobRow.selectList) FROM jobs WHERE id = ?", arguments: [id])
                .map(JobRow.job(from:))
        }
    }

    /// Finds a job by local id, generation id (with or without a `:model` suffix), or an
    /// unambiguous prefix of the local id. Throws when a prefix matches several jobs.
    public func resolve(_ reference: String) throws -> Job? {
        let text = reference.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        return try pool.read { db in
            let exact = try Row.fetchOne(
                db,
                sql: """
                    SELECT \(JobRow.selectList) FROM jobs
                    WHERE id = ? OR generation_id = ? OR generation_id LIKE ? ESCAPE '\\'
                    ORDER BY created_at DESC LIMIT 1
                    """,
                arguments: [text, text, Self.likeEscaped(text) + ":%"])
            if let exact { return JobRow.job(from: exact) }
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT \(JobRow.selectList) FROM jobs WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                arguments: [Self.likeEscaped(text.lowercased()) + "%"])
            if rows.count > 1 { throw StoreError("\"\(text)\" matches several jobs; give more characters") }
            return rows.first.map(JobRow.job(from:))
        }
    }

    /// Jobs, newest first, optionally only in some phases; hidden ones only when asked.
    /// Only the jobs of group `groupID` when given; only favourites when `favouritesOnly`.
    public func jobs(
        phases: Set<JobPhase>? = nil, includeHidden: Bool = false, limit: Int? = nil, groupID: String? = nil,
        favouritesOnly: Bool = false
    ) throws -> [Job] {
        var clauses: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let groupID {
            clauses.append("group_id = ?")
            arguments.append(groupID)
        }
        if favouritesOnly { clauses.append("favourite = 1") }
        if let phases {
            clauses.append("phase IN (\(phases.map { _ in "?" }.joined(separator: ", ")))")
            arguments += phases.map(\.rawValue)
        }
        if !includeHidden { clauses.append("hidden = 0") }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let cap = limit.map { " LIMIT \($0)" } ?? ""
        return try pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(JobRow.selectList) FROM jobs \(filter) ORDER BY created_at DESC, id DESC\(cap)",
                arguments: StatementArguments(arguments)
            ).map(JobRow.job(from:))
        }
    }

    /// The job's history, oldest first.
    public func history(jobID: String) throws -> [JobEvent] {
        try pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT job_id, at, phase, provider_status, note FROM job_events WHERE job_id = ? ORDER BY at, id",
                arguments: [jobID]
            ).map { row in
                JobEvent(
                    jobID: row["job_id"], at: Date(timeIntervalSince1970: row["at"]),
                    phase: JobPhase(rawValue: row["phase"] as String) ?? .failed,
                    providerStatus: row["provider_status"], note: row["note"])
            }
        }
    }

    /// How many times the job was polled.
    public func pollCount(jobID: String) throws -> Int {
        try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT poll_count FROM jobs WHERE id = ?", arguments: [jobID]) ?? 0
        }
    }

    /// A number that grows whenever any process changes a job (not on lease renewals): cheap to
    /// read every second to notice other processes' work.
    public func revision() throws -> Int64 {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM store_meta WHERE key = 'revision'") ?? 0
        }
    }

    /// Seconds from acceptance to completion of recent completed jobs like this one.
    public func generationTimes(model: ModelID, duration: Int, resolution: Resolution, limit: Int = 50) throws
        -> [Double]
    {
        try pool.read { db in
            try Double.fetchAll(
                db, sql: Self.generationTimesSQL, arguments: [model.rawValue, duration, resolution.rawValue, limit])
        }
    }

    /// The read behind ``generationTimes(model:duration:resolution:limit:)``: an index range on
    /// `jobs_generation_times`, already in `finished_at` order.
    static let generationTimesSQL = """
        SELECT finished_at - submitted_at FROM jobs
        WHERE model = ? AND duration = ? AND resolution = ? AND phase = '\(JobPhase.completed.rawValue)'
          AND submitted_at IS NOT NULL AND finished_at IS NOT NULL AND finished_at > submitted_at
        ORDER BY finished_at DESC LIMIT ?
        """

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
