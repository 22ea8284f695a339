/// Everything a user chooses for one clip, exactly as they chose it.
///
/// Images are kept as typed (a local path or an http(s) URL); they are turned into
/// request fields by ``ImagePreflight`` and ``RequestBuilder``.
public struct GenerationParameters: Sendable, Codable, Equatable, Hashable {
    /// Model id from ``ModelCatalog`` (for example `minimax/hailuo-02`).
    public var model: ModelID
    /// The text prompt; not blank, at most the model's ``VideoModel/maxPromptLength`` UTF-16 units.
    public var prompt: String
    /// `prompt_optimizer` (vendor) / `enhance_prompt` (unified); `false` follows the prompt strictly.
    public var promptOptimizer: Bool
    /// Clip length in seconds (one of the model's ``VideoModel/durations``).
    public var duration: Int
    /// Output resolution.
    public var resolution: Resolution
    /// First frame: a local path (`~` allowed) or an http(s) URL, or `nil`.
    public var firstFrame: String?
    /// Last frame: a local path or an http(s) URL, or `nil`.
    public var lastFrame: String?
    /// `ratio` for models that take one (H3); `nil` leaves it to the provider's default.
    public var ratio: AspectRatio?
    /// Reference images (local paths or http(s) URLs) for models that take them.
    public var referenceImages: [String]
    /// Reference videos (http(s) URLs) for models that take them.
    public var referenceVideos: [String]
    /// Reference audio clips (http(s) URLs) for models that take them; never the only reference.
    public var referenceAudio: [String]

    public init(
        model: ModelID = ModelCatalog.defaultModelID,
        prompt: String,
        promptOptimizer: Bool = true,
        duration: Int = 6,
        resolution: Resolution = .p768,
        firstFrame: String? = nil,
        lastFrame: String? = nil,
        ratio: AspectRatio? = nil,
        referenceImages: [String] = [],
        referenceVideos: [String] = [],
        referenceAudio: [String] = []
    ) {
        self.model = model
        self.prompt = prompt
        self.promptOptimizer = promptOptimizer
        self.duration = duration
        self.resolution = resolution
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
        self.ratio = ratio
        self.referenceImages = referenceImages
        self.referenceVideos = referenceVideos
        self.referenceAudio = referenceAudio
    }

    /// The references of one kind.
    public func references(_ kind: ReferenceKind) -> [String] {
        switch kind {
        case .image: referenceImages
        case .video: referenceVideos
        case .audio: referenceAudio
        }
    }

    /// Replaces the references of one kind.
    public mutating func setReferences(_ kind: ReferenceKind, _ values: [String]) {
        switch kind {
        case .image: referenceImages = values
        case .video: referenceVideos = values
        case .audio: referenceAudio = values
        }
    }

    /// Moves a resolution or duration that was inherited (from the config's defaults, not chosen)
    /// to the model's own default when the model does not offer it: `minimax/h3` with the config's
    /// 768P makes a 2K clip. A chosen value is left alone for the validator to judge.
    public mutating func adoptModelDefaults(resolutionChosen: Bool, durationChosen: Bool) {
        guard let spec = ModelCatalog.model(model) else { return }
        if !resolutionChosen, !spec.resolutions.contains(resolution), let first = spec.resolutions.first {
            resolution = first
        }
        if !durationChosen, !spec.allowedDurations(for: resolution).contains(duration) {
            duration = spec.defaultDuration
        }
    }

    /// Whether any reference of any kind is given.
    public var hasReferences: Bool { !referenceImages.isEmpty || !referenceVideos.isEmpty || !referenceAudio.isEmpty }

    private enum CodingKeys: String, CodingKey {
        case model, prompt, promptOptimizer, duration, resolution, firstFrame, lastFrame, ratio
        case referenceImages, referenceVideos, referenceAudio
    }

    /// Reads parameters written by any hailuo version: fields added later default to "none".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        model = try c.decode(ModelID.self, forKey: .model)
        prompt = try c.decode(String.self, forKey: .prompt)
        promptOptimizer = try c.decode(Bool.self, forKey: .promptOptimizer)
        duration = try c.decode(Int.self, forKey: .duration)
        resolution = try c.decode(Resolution.self, forKey: .resolution)
        firstFrame = try c.decodeIfPresent(String.self, forKey: .firstFrame)
        lastFrame = try c.decodeIfPresent(String.self, forKey: .lastFrame)
        ratio = try c.decodeIfPresent(AspectRatio.self, forKey: .ratio)
        referenceImages = try c.decodeIfPresent([String].self, forKey: .referenceImages) ?? []
        referenceVideos = try c.decodeIfPresent([String].self, forKey: .referenceVideos) ?? []
        referenceAudio = try c.decodeIfPresent([String].self, forKey: .referenceAudio) ?? []
    }

    /// Writes the parameters; fields a model does not use are left out when empty.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(model, forKey: .model)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(promptOptimizer, forKey: .promptOptimizer)
        try c.encode(duration, forKey: .duration)
        try c.encode(resolution, forKey: .resolution)
        try c.encodeIfPresent(firstFrame, forKey: .firstFrame)
        try c.encodeIfPresent(lastFrame, forKey: .lastFrame)
        try c.encodeIfPresent(ratio, forKey: .ratio)
        if !referenceImages.isEmpty { try c.encode(referenceImages, forKey: .referenceImages) }
        if !referenceVideos.isEmpty { try c.encode(referenceVideos, forKey: .referenceVideos) }
        if !referenceAudio.isEmpty { try c.encode(referenceAudio, forKey: .referenceAudio) }
    }
}
