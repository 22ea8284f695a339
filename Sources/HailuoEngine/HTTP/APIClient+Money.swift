import Foundation
import HailuoCore
import NIOCore
import NIOHTTP1

/// Money and tracing: the cost headers of an answer and the account's balance.
extension APIClient {
    /// `GET /v2/billing`: the account's balance. One attempt, never retried; `nil` for anything but
    /// a readable 2xx answer (401, 403, 5xx, a lost connection, garbage), logged without the key.
    /// - Parameter timeout: seconds allowed for the whole exchange.
    public func balance(timeout: Double = 15) async -> Balance? {
        let deadline = TimeAmount.milliseconds(Int64(max(0.1, timeout) * 1000))
        let result = await attempt(.GET, "/v2/billing", body: nil, timeout: deadline) { data, _ throws(WireError) in
            try WireDecoding.balance(from: data)
        }
        switch result {
        case .success(let balance): return balance
        case .failure(let error):
            logger.info("balance unknown: \(error)")
            return nil
        }
    }

    /// The tracing and cost headers of an answer, as text.
    static func trace(_ headers: HTTPHeaders) -> AnswerTrace {
        func value(_ name: String) -> String? {
            guard let text = headers.first(name: name)?.trimmingCharacters(in: .whitespaces), !text.isEmpty
            else { return nil }
            return String(text.prefix(200))
        }
        return AnswerTrace(
            inferenceID: value(AnswerTrace.Header.inferenceID),
            clientRequestID: value(AnswerTrace.Header.clientRequestID),
            creditsUsed: value(AnswerTrace.Header.creditsUsed),
            usdSpent: value(AnswerTrace.Header.usdSpent))
    }
}
