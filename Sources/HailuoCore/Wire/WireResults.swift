import Foundation

/// The provider's answer to a create request.
public struct CreateResult: Sendable, Equatable {
    /// The generation id (`generation_id`, or `id` in some schemas), opaque.
    public var generationID: String
    /// The status word sent with it (usually `queued`).
    public var status: String?
    /// `meta.usage` as compact JSON text, when present.
    public var usageJSON: String?

    public init(generationID: String, status: String?, usageJSON: String?) {
        self.generationID = generationID
        self.status = status
        self.usageJSON = usageJSON
    }
}

/// The provider's answer to a poll.
public struct PollResult: Sendable, Equatable {
    public var id: String?
    /// The status word exactly as sent.
    public var status: String
    /// `video.url`, when present and non-empty.
    public var videoURL: String?
    /// The `error` field rendered as one sentence, when present.
    public var errorMessage: String?
    /// `meta.usage` as compact JSON text, when present.
    public var usageJSON: String?

    public init(
        id: String?, status: String, videoURL: String?, errorMessage: String?, usageJSON: String?
    ) {
        self.id = id
        self.status = status
        self.videoURL = videoURL
        self.errorMessage = errorMessage
        self.usageJSON = usageJSON
    }

    /// The status's meaning.
    public var meaning: StatusMeaning { ProviderStatus.meaning(of: status) }
}

/// The provider's HTTP error body: `{"message", "path", "requestId", "statusCode", "timestamp"}`.
public struct ProviderErrorBody: Sendable, Equatable {
    /// The message, possibly several lines ("Body validation error!" and one line per problem).
    public var message: String
    public var requestID: String?
    public var path: String?
    public var statusCode: Int?

    public init(message: String, requestID: String? = nil, path: String? = nil, statusCode: Int? = nil) {
        self.message = message
        self.requestID = requestID
        self.path = path
        self.statusCode = statusCode
    }
}

/// A response body that could not be understood.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "the server's answer could not be read: \(reason)" }
}
