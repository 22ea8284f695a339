import Foundation
import HailuoCore

/// One lookup of a job in the request logs: its window, newest first, page by page.
extension LogSettler {
    /// Pages through the job's window (a minute before it was created until now) for a row with
    /// its client request id. Rows with a missing id are skipped.
    func lookUp(_ job: Job) async -> Lookup {
        guard let wanted = job.clientRequestID else { return .notFound }
        let start = job.createdAt.addingTimeInterval(-60)
        let end = max(clock(), job.createdAt.addingTimeInterval(1))
        var offset = 0
        for _ in 0..<max(1, settings.policy.maxPages) {
            let page: RequestLogPage
            do {
                page = try await throttledLogs(
                    start: start, end: end, model: job.parameters.model.rawValue, offset: offset)
            } catch {
                return Self.sort(error)
            }
            if let row = page.rows.first(where: { $0.clientRequestID == wanted && $0.inferenceID?.isEmpty == false }) {
                return .found(row)
            }
            let pastWindow = page.rows.contains { ($0.created ?? .distantFuture) < start }
            guard page.hasMore, !page.rows.isEmpty, !pastWindow else { return .notFound }
            offset += page.rows.count
        }
        return .notFound
    }

    /// What a failed request to the logs means for the lookup.
    static func sort(_ error: APIError) -> Lookup {
        switch error {
        case .http(let status, _, let retryAfter) where status == 429 || (500...599).contains(status):
            .busy("HTTP \(status)", retryAfter: retryAfter)
        case .http(let status, _, _): .couldNotCheck("HTTP \(status)")
        case .unreadable: .couldNotCheck("the answer could not be read")
        case .answerLost, .notSent: .couldNotCheck("no answer")
        }
    }
}
