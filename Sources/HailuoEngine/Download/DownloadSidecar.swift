import Foundation
import HailuoCore

/// The JSON file written beside each video (`<stem>.json`): what was asked, when, and from where.
///
/// It never holds image data or the link's signature: frames are stored as the user typed them
/// (a path or a URL; a pasted `data:` URL is replaced by a placeholder) and the source URL has
/// its query removed (``SignedURL/withoutSignature(_:)``).
public struct DownloadSidecar: Codable, Equatable, Sendable {
    public var id: String
    public var generationID: String?
    public var prompt: String
    public var model: ModelID
    public var duration: Int
    public var resolution: String
    public var promptOptimizer: Bool
    public var firstFrame: String?
    public var lastFrame: String?
    public var endpointFamily: String
    public var createdAt: Date
    public var submittedAt: Date?
    public var finishedAt: Date?
    public var downloadedAt: Date
    public var sourceURL: String?
    /// The video's file name in the same folder.
    public var file: String
    /// What the provider says the job cost (USD), when it said.
    public var costUSD: Double?
    /// What the job was expected to cost (USD), when a price was known.
    public var estimatedUSD: Double?
    /// The `X-Client-Request-Id` the create was sent with (the provider's logs report it).
    public var clientRequestID: String?
    /// The provider's `x-inference-id` for the job.
    public var inferenceID: String?

    enum CodingKeys: String, CodingKey {
        case id
        case generationID = "generation_id"
        case prompt, model, duration, resolution
        case promptOptimizer = "prompt_optimizer"
        case firstFrame = "first_frame"
        case lastFrame = "last_frame"
        case endpointFamily = "endpoint_family"
        case createdAt = "created_at"
        case submittedAt = "submitted_at"
        case finishedAt = "finished_at"
        case downloadedAt = "downloaded_at"
        case sourceURL = "source_url"
        case file
        case costUSD = "cost_usd"
        case estimatedUSD = "estimated_usd"
        case clientRequestID = "client_request_id"
        case inferenceID = "inference_id"
    }

    /// The sidecar for a job whose video was saved as `file` at `downloadedAt`.
    public init(job: Job, file: String, downloadedAt: Date) {
        id = job.id
        generationID = job.generationID
        prompt = job.parameters.prompt
        model = job.parameters.model
        duration = job.parameters.duration
        resolution = job.parameters.resolution.rawValue
        promptOptimizer = job.parameters.promptOptimizer
        firstFrame = Self.frameReference(job.parameters.firstFrame)
        lastFrame = Self.frameReference(job.parameters.lastFrame)
        endpointFamily = job.family.rawValue
        createdAt = job.createdAt
        submittedAt = job.submittedAt
        finishedAt = job.finishedAt
        self.downloadedAt = downloadedAt
        sourceURL = job.videoURL.map(SignedURL.withoutSignature)
        self.file = file
        costUSD = job.costUSD
        estimatedUSD = job.estimatedUSD
        clientRequestID = job.clientRequestID
        inferenceID = job.inferenceID
    }

    /// Writes every key, `null` included, so the file always has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(generationID, forKey: .generationID)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(model, forKey: .model)
        try c.encode(duration, forKey: .duration)
        try c.encode(resolution, forKey: .resolution)
        try c.encode(promptOptimizer, forKey: .promptOptimizer)
        try c.encode(firstFrame, forKey: .firstFrame)
        try c.encode(lastFrame, forKey: .lastFrame)
        try c.encode(endpointFamily, forKey: .endpointFamily)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(submittedAt, forKey: .submittedAt)
        try c.encode(finishedAt, forKey: .finishedAt)
        try c.encode(downloadedAt, forKey: .downloadedAt)
        try c.encode(sourceURL, forKey: .sourceURL)
        try c.encode(file, forKey: .file)
        try c.encode(costUSD, forKey: .costUSD)
        try c.encode(estimatedUSD, forKey: .estimatedUSD)
        try c.encode(clientRequestID, forKey: .clientRequestID)
        try c.encode(inferenceID, forKey: .inferenceID)
    }

    /// Pretty JSON with sorted keys and ISO 8601 times, ending in a newline.
    public func jsonData() throws -> Data {
        var data = try Self.encoder().encode(self)
        data.append(0x0A)
        return data
    }

    /// The encoder the sidecar is written with.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// A decoder that reads what ``encoder()`` wrote.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    private static func frameReference(_ typed: String?) -> String? {
        guard let typed else { return nil }
        return typed.lowercased().hasPrefix("data:") ? "(inline image data, not stored)" : typed
    }
}
