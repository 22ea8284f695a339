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
        /// `resolution` (`768P`, `1080P`, `2K`, `480p`).
        case resolution
        /// `ratio` (`adaptive`, `16:9`, ...).
        case ratio
        /// `reference_image_urls`.
        case referenceImages
        /// `video_urls`.
        case referenceVideos
        /// `audio_urls`.
        case referenceAudio
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
    /// Where the typical times come from, in words (`the provider's docs: ...`, `no figure yet`).
    public let timesSource: String
    /// The endpoint families that serve the model (H3 is on the unified endpoint only).
    public let families: Set<EndpointFamily>
    /// The prompt limit in UTF-16 code units.
    public let maxPromptLength: Int
    /// The clip length the provider picks when none is sent, and the composer's first choice.
    public let defaultDuration: Int
    /// How the wire spells a resolution when it differs from its hailuo name (H3 Max: `768p`).
    public let wireResolutions: [Resolution: String]
    /// The `ratio` values the model takes, in menu order; empty when it takes none.
    public let ratios: [AspectRatio]
    /// The reference inputs the model takes; `nil` when it takes none.
    public let references: ReferenceLimits?

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
        typicalGenerationSeconds: [Int: ClosedRange<Int>],
        timesSource: String = "",
        families: Set<EndpointFamily> = Set(EndpointFamily.allCases),
        maxPromptLength: Int = 2000,
        defaultDuration: Int? = nil,
        wireResolutions: [Resolution: String] = [:],
        ratios: [AspectRatio] = [],
        references: ReferenceLimits? = nil
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
        self.timesSource = timesSource
        self.families = families
        self.maxPromptLength = maxPromptLength
        self.defaultDuration = defaultDuration ?? durations.min() ?? 6
        self.wireResolutions = wireResolutions
        self.ratios = ratios
        self.references = references
    }

    /// The request fields this model takes (images included when optional or required).
    public var fields: Set<RequestField> {
        var set: Set<RequestField> = [.model, .prompt]
        if takesPromptOptimizer { set.insert(.promptOptimizer) }
        if firstFrame != .notAccepted { set.insert(.firstFrame) }
        if lastFrame != .notAccepted { set.insert(.lastFrame) }
        if takesDuration { set.insert(.duration) }
        if takesResolution { set.insert(.resolution) }
        if !ratios.isEmpty { set.insert(.ratio) }
        if let references {
            if references.images > 0 { set.insert(.referenceImages) }
            if references.videos > 0 { set.insert(.referenceVideos) }
            if references.audio > 0 { set.insert(.referenceAudio) }
        }
        return set
    }

    /// Whether the clip length is a range of whole seconds (a stepper on the screen) rather than a
    /// few choices (a toggle).
    public var durationIsRange: Bool { takesDuration && durations.count > 2 }

    /// `4 to 15 s` for a range, `6 or 10 s` for choices.
    public var durationsInWords: String {
        guard durationIsRange, let low = durations.first, let high = durations.last else {
            let names = durations.map(String.init)
            guard names.count > 1 else { return (names.first ?? "") + " s" }
            return names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] + " s"
        }
        return "\(low) to \(high) s"
    }

    /// The endpoint family a request for this model goes to: `preferred` when the model is served
    /// there, else the one family that serves it.
    public func family(preferring preferred: EndpointFamily) -> EndpointFamily {
        families.contains(preferred) ? preferred : (families.sorted { $0.rawValue < $1.rawValue }.first ?? preferred)
    }

    /// How the wire spells `resolution` for this model.
    public func wireName(_ resolution: Resolution) -> String {
        wireResolutions[resolution] ?? resolution.rawValue
    }

    /// Whether the model takes references of `kind`.
    public func takesReferences(_ kind: ReferenceKind) -> Bool { referenceLimit(kind) > 0 }

    /// The most references of `kind` the model takes (0 when none).
    public func referenceLimit(_ kind: ReferenceKind) -> Int {
        guard let references else { return 0 }
        switch kind {
        case .image: return references.images
        case .video: return references.videos
        case .audio: return references.audio
        }
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
        case .ratio: return "ratio"
        case .referenceImages: return ReferenceKind.image.fieldName
        case .referenceVideos: return ReferenceKind.video.fieldName
        case .referenceAudio: return ReferenceKind.audio.fieldName
        }
    }
}
