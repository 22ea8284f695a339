/// Everything a user chooses for one clip, exactly as they chose it.
///
/// Images are kept as typed (a local path or an http(s) URL); they are turned into
/// request fields by ``ImagePreflight`` and ``RequestBuilder``.
public struct GenerationParameters: Sendable, Codable, Equatable, Hashable {
    /// Model id from ``ModelCatalog`` (for example `minimax/hailuo-02`).
    public var model: ModelID
    /// The text prompt; 1...2000 UTF-16 code units, not blank.
    public var prompt: String
    /// `prompt_optimizer` (vendor) / `enhance_prompt` (unified); `false` follows the prompt strictly.
    public var promptOptimizer: Bool
    /// Clip length in seconds (6 or 10).
    public var duration: Int
    /// Output resolution.
    public var resolution: Resolution
    /// First frame: a local path (`~` allowed) or an http(s) URL, or `nil`.
    public var firstFrame: String?
    /// Last frame: a local path or an http(s) URL, or `nil`.
    public var lastFrame: String?

    public init(
        model: ModelID = ModelCatalog.defaultModelID,
        prompt: String,
        promptOptimizer: Bool = true,
        duration: Int = 6,
        resolution: Resolution = .p768,
        firstFrame: String? = nil,
        lastFrame: String? = nil
    ) {
        self.model = model
        self.prompt = prompt
        self.promptOptimizer = promptOptimizer
        self.duration = duration
        self.resolution = resolution
        self.firstFrame = firstFrame
        self.lastFrame = lastFrame
    }
}
