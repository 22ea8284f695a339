import Foundation

/// One generation: what was asked, what the provider said, and where the result went.
public struct Job: Sendable, Codable, Equatable, Identifiable {
    /// Short local id (8 lowercase base-32 characters), stable before the provider answers.
    public var id: String
    /// The provider's generation id, opaque (may carry a `:model` suffix); `nil` before it answers.
    public var generationID: String?
    public var phase: JobPhase
    /// The provider's last status word, as it sent it (`queued`, `generating`, or anything else).
    public var providerStatus: String?
    public var parameters: GenerationParameters
    /// Absolute path of the first-frame file as read, when it was a local file.
    public var firstFramePath: String?
    /// SHA-256 (hex) of the first-frame file when it was sent.
    public var firstFrameSHA256: String?
    public var lastFramePath: String?
    public var lastFrameSHA256: String?
    public var family: EndpointFamily
    /// The API base URL the job was sent to.
    public var baseURL: String
    /// Config profile in force when it was submitted.
    public var profile: String
    public var createdAt: Date
    public var updatedAt: Date
    /// When the provider accepted it (the POST answered).
    public var submittedAt: Date?
    /// When it reached `completed` or `failed`.
    public var finishedAt: Date?
    /// The signed result URL.
    public var videoURL: String?
    /// Parsed from the URL's `Expires=`.
    public var videoURLExpiresAt: Date?
    /// Where the video was saved.
    public var filePath: String?
    public var downloadedAt: Date?
    /// A failure in words, ready to show.
    public var errorMessage: String?
    /// The provider's `requestId` for the failure, when it sent one.
    public var errorRequestID: String?
    /// The provider's usage meta as JSON text (`tokens_used` or `credits_used`).
    public var usageJSON: String?
    /// Hidden from default listings by the user (never deleted).
    public var hidden: Bool
    /// The `X-Client-Request-Id` the create was sent with (the provider's logs report it).
    public var clientRequestID: String?
    /// The provider's `x-inference-id` for the create.
    public var inferenceID: String?
    /// What the job was expected to cost when it was submitted (USD), when a price was known.
    public var estimatedUSD: Double?
    /// What the provider says the job cost (USD): from its cost headers or `meta.usage`.
    public var costUSD: Double?
    /// Where the lookup of an unconfirmed job in the provider's request logs stands (nil: never looked up).
    public var settleState: SettleState?
    /// When the request logs were last looked up for this job.
    public var settleCheckedAt: Date?
    /// The group (a batch file or a set of variants) the job belongs to, if any (``JobGroup/id``).
    public var groupID: String?
    /// Picked as a favourite by the user (stored; `hailuo jobs --favourites`).
    public var favourite: Bool

    public init(
        id: String, generationID: String? = nil, phase: JobPhase, providerStatus: String? = nil,
        parameters: GenerationParameters, firstFramePath: String? = nil, firstFrameSHA256: String? = nil,
        lastFramePath: String? = nil, lastFrameSHA256: String? = nil, family: EndpointFamily,
        baseURL: String, profile: String, createdAt: Date, updatedAt: Date, submittedAt: Date? = nil,
        finishedAt: Date? = nil, videoURL: String? = nil, videoURLExpiresAt: Date? = nil,
        filePath: String? = nil, downloadedAt: Date? = nil, errorMessage: String? = nil,
        errorRequestID: String? = nil, usageJSON: String? = nil, hidden: Bool = false,
        clientRequestID: String? = nil, inferenceID: String? = nil, estimatedUSD: Double? = nil,
        costUSD: Double? = nil, settleState: SettleState? = nil, settleCheckedAt: Date? = nil,
        groupID: String? = nil, favourite: Bool = false
    ) {
        self.id = id
        self.generationID = generationID
        self.phase = phase
        self.providerStatus = providerStatus
        self.parameters = parameters
        self.firstFramePath = firstFramePath
        self.firstFrameSHA256 = firstFrameSHA256
        self.lastFramePath = lastFramePath
        self.lastFrameSHA256 = lastFrameSHA256
        self.family = family
        self.baseURL = baseURL
        self.profile = profile
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.submittedAt = submittedAt
        self.finishedAt = finishedAt
        self.videoURL = videoURL
        self.videoURLExpiresAt = videoURLExpiresAt
        self.filePath = filePath
        self.downloadedAt = downloadedAt
        self.errorMessage = errorMessage
        self.errorRequestID = errorRequestID
        self.usageJSON = usageJSON
        self.hidden = hidden
        self.clientRequestID = clientRequestID
        self.inferenceID = inferenceID
        self.estimatedUSD = estimatedUSD
        self.costUSD = costUSD
        self.settleState = settleState
        self.settleCheckedAt = settleCheckedAt
        self.groupID = groupID
        self.favourite = favourite
    }

    /// The status to show: the provider's word while pending, else the phase.
    public var displayStatus: String {
        phase == .pending ? (providerStatus ?? "queued") : phase.rawValue
    }
}
