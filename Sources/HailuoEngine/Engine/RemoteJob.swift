import Foundation
import HailuoCore

/// A video job the provider's request logs list and the store does not hold: made on the
/// provider's website (`origin` `playground`), by another program, or on another machine.
public struct RemoteJob: Sendable, Equatable {
    public var created: Date
    public var model: String
    /// `succeeded` or `failed`, as the logs say.
    public var status: String
    public var costUSD: Double?
    /// The generation id.
    public var inferenceID: String
    /// `api` or `playground`.
    public var origin: String
    public var clientRequestID: String?

    public init(
        created: Date, model: String, status: String, costUSD: Double?, inferenceID: String, origin: String,
        clientRequestID: String?
    ) {
        self.created = created
        self.model = model
        self.status = status
        self.costUSD = costUSD
        self.inferenceID = inferenceID
        self.origin = origin
        self.clientRequestID = clientRequestID
    }

    /// The prompt stored for an imported job: the logs do not carry the real one.
    public var placeholderPrompt: String { "(made elsewhere: \(origin))" }
}
