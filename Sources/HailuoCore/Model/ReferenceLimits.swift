/// How many reference inputs a model takes (H3, H3 Max): images, videos and audio clips that the
/// clip should follow in style, subject, motion or voice.
public struct ReferenceLimits: Sendable, Hashable {
    /// The most reference images (`reference_image_urls`).
    public let images: Int
    /// The most reference videos (`video_urls`).
    public let videos: Int
    /// The most reference audio clips (`audio_urls`).
    public let audio: Int
    /// The most references of all kinds together, when the model sets one (H3 Max: 12).
    public let total: Int?

    /// Creates the limits.
    public init(images: Int, videos: Int, audio: Int, total: Int? = nil) {
        self.images = images
        self.videos = videos
        self.audio = audio
        self.total = total
    }
}

/// One kind of reference input.
public enum ReferenceKind: String, Sendable, Hashable, CaseIterable {
    case image
    case video
    case audio

    /// The request field that carries this kind.
    public var fieldName: String {
        switch self {
        case .image: "reference_image_urls"
        case .video: "video_urls"
        case .audio: "audio_urls"
        }
    }

    /// The parameter's name in hailuo's own flat formats (`--json`, presets, batch rows):
    /// `reference_images`, `reference_videos`, `reference_audio`.
    public var parameterName: String {
        switch self {
        case .image: "reference_images"
        case .video: "reference_videos"
        case .audio: "reference_audio"
        }
    }

    /// The plural in sentences (`reference images`).
    public var plural: String {
        switch self {
        case .image: "reference images"
        case .video: "reference videos"
        case .audio: "reference audio clips"
        }
    }
}
