/// One video model the provider offers, described as data: which request fields it takes and
/// which values are allowed. The validator, the request builder and the scheduler read these rows;
/// none of them has a code path per model.
public struct VideoModel: Sendable, Hashable {
    /// Whether a model takes an image for one frame slot.
    public enum ImageRule: String, Sendable, Hashable {
        /// The model takes no image here; one that is given is refused.
        case notAccepted
        /// An image is optional.
        case optional
        /// An image must be given.
        case required
    }

    /// A request field, named independently of the endpoint family.
    public enum RequestField: String, Sendable, Hashable, CaseIterable {
        /// `model`.
        case model
        /// `prompt`.
        case prompt
        /// `prompt_optimizer` (vendor) / `enhance_prompt` (unified).
        case promptOptimizer
        /// The row's vendor field (`first_frame_image` or `image_url`) / `image_url` (unified).
        case firstFrame
        /// `last_image_url`.
        case lastFrame
        /// `duration` (seconds).
        case duration
        /// `resolution` (`768P`, `1080P`).
        case resolution
    }

    /// Model id as the provider spells it (for example `minimax/hailuo-02`).
    public let id: ModelID
    /// One line for menus and help.
    public let summary: String
    /// First-frame image rule.
    public let firstFrame: ImageRule
    /// Last-frame image rule.
    public let lastFrame: ImageRule
    /// The vendor family's field for the first frame (`first_frame_image` or `image_url`).
    /// The unified family always uses `image_url`.
    public let vendorFirstFrameField: String
    /// Whether the model takes `prompt_optimizer` / `enhance_prompt`.
    public let takesPromptOptimizer: Bool
    /// Whether `duration` is sent. When `false`, ``durations`` holds the one length the model makes.
    public let takesDuration: Bool
    /// Clip lengths in seconds, ascending.
    public let durations: [Int]
    /// Whether `resolution` is sent. When `false`, ``resolutions`` holds the one accepted value.
    public let takesResolution: Bool
    /// Resolutions, in menu order.
    public let resolutions: [Resolution]
    /// Resolutions that allow only some durations (for example 1080P: 6 s only).
    public let durationLimits: [Resolution: [Int]]
    /// The provider's typical generation time in seconds, per clip duration in seconds.
    /// The scheduler uses it before it has history of its own.
    public let typicalGenerationSeconds: [Int: ClosedRange<Int>]

    /// Creates a row of the catalog.
    public init(
        id: ModelID,
        summary: String,
        firstFrame: ImageRule,
        lastFrame: ImageRule,
        vendorFirstFrameField: String = "first_frame_image",
        takesPromptOptimizer: Bool = true,
        takesDuration: Bool = true,
        durations: [Int],
        takesResolution: Bool = true,
        resolutions: [Resolution],
        durationLimits: [Resolution: [Int]] = [:],
        typicalGenerationSeconds: [Int: ClosedRange<Int>]
    ) {
        self.id = id
        self.summary = summary
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
        self.vendorFirstFrameField = vendorFirstFrameField
        self.takesPromptOptimizer = takesPromptOptimizer
        self.takesDuration = takesDuration
        self.durations = durations.sorted()
        self.takesResolution = takesResolution
        self.resolutions = resolutions
        self.durationLimits = durationLimits
        self.typicalGenerationSeconds = typicalGenerationSeconds
    }

    /// The request fields this model takes (images included when optional or required).
    public var fields: Set<RequestField> {
        var set: Set<RequestField> = [.model, .prompt]
        if takesPromptOptimizer { set.insert(.promptOptimizer) }
        if firstFrame != .notAccepted { set.insert(.firstFrame) }
        if lastFrame != .notAccepted { set.insert(.lastFrame) }
        if takesDuration { set.insert(.duration) }
        if takesResolution { set.insert(.resolution) }
        return set
    }

    /// Whether the model takes `field`.
    public func takes(_ field: RequestField) -> Bool { fields.contains(field) }

    /// Durations allowed at `resolution` (empty when the resolution itself is not allowed).
    public func allowedDurations(for resolution: Resolution) -> [Int] {
        guard resolutions.contains(resolution) else { return [] }
        guard let limit = durationLimits[resolution] else { return durations }
        return durations.filter { limit.contains($0) }
    }

    /// Resolutions allowed for a clip of `duration` seconds.
    public func allowedResolutions(for duration: Int) -> [Resolution] {
        resolutions.filter { allowedDurations(for: $0).contains(duration) }
    }

    /// The clip length the model will make when `requested` is asked for: `requested` itself when
    /// the model takes a duration, else its one fixed length.
    public func effectiveDuration(_ requested: Int) -> Int {
        takesDuration ? requested : (durations.first ?? requested)
    }

    /// The provider's typical generation time for a clip of `duration` seconds. For a length
    /// without a figure, the figure of the nearest listed length is scaled linearly.
    public func typicalGenerationTime(forClip duration: Int) -> ClosedRange<Int>? {
        let clip = effectiveDuration(duration)
        if let exact = typicalGenerationSeconds[clip] { return exact }
        guard let nearest = typicalGenerationSeconds.keys.min(by: { abs($0 - clip) < abs($1 - clip) }),
            nearest > 0, let range = typicalGenerationSeconds[nearest]
        else { return nil }
        let low = range.lowerBound * clip / nearest
        let high = max(low, range.upperBound * clip / nearest)
        return low...high
    }

    /// The field name for a request field in `family`, or `nil` when the model does not take it.
    public func fieldName(_ field: RequestField, family: EndpointFamily) -> String? {
        guard takes(field) else { return nil }
        switch field {
        case .model: return "model"
        case .prompt: return "prompt"
        case .promptOptimizer: return family == .vendor ? "prompt_optimizer" : "enhance_prompt"
        case .firstFrame: return family == .vendor ? vendorFirstFrameField : "image_url"
        case .lastFrame: return "last_image_url"
        case .duration: return "duration"
        case .resolution: return "resolution"
        }
    }
}
