import HailuoCore

/// A failure talking to the provider, sorted by what it means for money and retries.
public enum APIError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The request certainly never reached the server (connection refused, DNS failure,
    /// connect timeout). Safe to resend.
    case notSent(String)
    /// The request may have reached the server but no complete answer came back (read timeout,
    /// reset after sending). A create in this state may exist upstream and may be billed.
    case answerLost(String)
    /// The server answered with an HTTP error status.
    case http(status: Int, body: ProviderErrorBody, retryAfter: Double?)
    /// The server answered 2xx but the body could not be understood.
    case unreadable(String)

    /// One plain sentence for a person, with the provider's requestId where there is one.
    public var description: String {
        switch self {
        case .notSent(let why):
            return "could not reach the API (\(why)); nothing was sent"
        case .answerLost(let why):
            return "the API did not answer (\(why))"
        case .http(let status, let body, let retryAfter):
            var text = "\(Self.summary(for: status)) (HTTP \(status)): \(Self.oneLine(body.message))"
            if let retryAfter { text += "; retry after \(Int(retryAfter.rounded(.up))) s" }
            if let requestID = requestID { text += " [requestId \(requestID)]" }
            return text
        case .unreadable(let why):
            return "the API's answer could not be read (\(why))"
        }
    }

    /// The provider's requestId, when the failure carries one, made safe to print (a hostile or
    /// broken provider could put escape sequences in it).
    public var requestID: String? {
        if case .http(_, let body, _) = self { return body.requestID.map { InertText.oneLine($0) } }
        return nil
    }

    /// The HTTP status, when the server answered.
    public var status: Int? {
        if case .http(let status, _, _) = self { return status }
        return nil
    }

    static func summary(for status: Int) -> String {
        switch status {
        case 400: "the API refused the request"
        case 401: "the API key was missing or not accepted"
        case 403: "the account is out of credits or not allowed"
        case 404: "the API does not know this path or generation id"
        case 429: "the API is rate limiting this key"
        case 504: "the API timed out generating"
        case 500...599: "the API had a server error"
        default: "the API answered with an error"
        }
    }

    static func oneLine(_ message: String) -> String {
        let lines = message.split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        return InertText.oneLine(lines.filter { !$0.isEmpty }.joined(separator: "; "))
    }
}
