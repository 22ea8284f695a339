import Foundation
import GRDB
import HailuoCore

/// Jobs made elsewhere: whether the store knows a log row, and importing one once.
extension JobStore {
    /// Whether some job carries this generation id (with or without a `:model` suffix) or has
    /// this client request id (or local id).
    public func knows(inferenceID: String, clientRequestID: String?) throws -> Bool {
        try pool.read { db in try Self.knows(db, inferenceID: inferenceID, clientRequestID: clientRequestID) }
    }

    /// Inserts `job` unless a job with its generation id or client request id is already there
    /// (one transaction, so two processes importing at once add it once). Returns whether it was added.
    public func insertIfUnknown(_ job: Job, note: String) throws -> Bool {
        guard let generationID = job.generationID else { return false }
        return try pool.write { db in
            guard try !Self.knows(db, inferenceID: generationID, clientRequestID: job.clientRequestID) else {
                return false
            }
            try Self.insertRow(db, job, leaseOwner: nil, leaseSeconds: 0, note: note)
            return true
        }
    }

    private static func knows(_ db: Database, inferenceID: String, clientRequestID: String?) throws -> Bool {
        let bare = inferenceID.split(separator: ":").first.map(String.init) ?? inferenceID
        var sql = """
            SELECT EXISTS(SELECT 1 FROM jobs WHERE generation_id IN (?, ?) OR inference_id IN (?, ?)
              OR generation_id LIKE ? ESCAPE '\\'
            """
        var arguments: [(any DatabaseValueConvertible)?] = [
            inferenceID, bare, inferenceID, bare, likeEscaped(bare) + ":%",
        ]
        if let clientRequestID {
            sql += " OR client_request_id = ? OR id = ?"
            arguments += [clientRequestID, clientRequestID]
        }
        return try Bool.fetchOne(db, sql: sql + ")", arguments: StatementArguments(arguments)) ?? false
    }
}
