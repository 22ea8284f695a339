import Foundation
import GRDB
import HailuoCore

/// Changes that must not land on a job someone else changed meanwhile.
extension JobStore {
    /// Like ``update(_:note:now:_:)``, but only when `condition` holds for the job as stored at the
    /// moment of the write (one transaction). Returns nil, and writes nothing, when it does not:
    /// the request-log lookup uses it so that a job resubmitted or dismissed during a lookup is
    /// left alone.
    @discardableResult
    public func update(
        _ id: String, if condition: @Sendable (Job) -> Bool, note: String? = nil, now: Date = Date(),
        _ change: @Sendable (inout Job) -> Void
    ) throws -> Job? {
        try pool.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(JobRow.selectList) FROM jobs WHERE id = ?", arguments: [id]),
                condition(JobRow.job(from: row))
            else { return nil }
            return try Self.updateRow(db, id, note: note, now: now, change)
        }
    }
}
