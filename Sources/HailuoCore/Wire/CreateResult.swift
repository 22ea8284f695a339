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
