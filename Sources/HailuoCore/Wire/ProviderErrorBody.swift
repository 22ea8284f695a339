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
