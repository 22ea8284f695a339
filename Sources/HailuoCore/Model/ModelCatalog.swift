/// The table of models this client knows. Adding a model is adding a row to ``all``.
public enum ModelCatalog {
    /// Provider figures: a 6 s clip takes about 4-5 minutes, a 10 s clip about 8-9 minutes.
    private static let hailuoTimes: [Int: ClosedRange<Int>] = [6: 240...300, 10: 480...540]
    private static let hailuoTimesSource = "the provider's docs: about 4-5 min for 6 s, 8-9 min for 10 s"
    /// H3 and H3 Max have no published figure: Hailuo-02's, until finished jobs give one.
    private static let unknownTimesSource = "no provider figure: Hailuo-02's until this store's finished jobs give one"
    /// H3's and H3 Max's ratios, in the schema's order.
    private static let h3Ratios: [AspectRatio] = [.adaptive, .r21x9, .r16x9, .r4x3, .r1x1, .r3x4, .r9x16]

    /// Every known model; the default first.
    public static let all: [VideoModel] = [
        VideoModel(
            id: "minimax/hailuo-02",
            summary: "Hailuo-02: 6 or 10 s, 768P or 1080P (1080P 6 s only), optional first and last frame",
            firstFrame: .optional, lastFrame: .optional,
            vendorFirstFrameField: "first_frame_image",
            durations: [6, 10], resolutions: [.p768, .p1080], durationLimits: [.p1080: [6]],
            typicalGenerationSeconds: hailuoTimes, timesSource: hailuoTimesSource),
        VideoModel(
            id: "video-01",
            summary: "Video-01: 6 s clips from a prompt, optional first frame",
            firstFrame: .optional, lastFrame: .notAccepted,
            vendorFirstFrameField: "first_frame_image",
            takesDuration: false, durations: [6], takesResolution: false, resolutions: [.p768],
            typicalGenerationSeconds: hailuoTimes, timesSource: hailuoTimesSource),
        VideoModel(
            id: "video-01-live2d",
            summary: "Video-01 Live2D: animates a first frame (required), 6 s clips",
            firstFrame: .required, lastFrame: .notAccepted,
            vendorFirstFrameField: "first_frame_image",
            takesDuration: false, durations: [6], takesResolution: false, resolutions: [.p768],
            typicalGenerationSeconds: hailuoTimes, timesSource: hailuoTimesSource),
        VideoModel(
            id: "minimax/hailuo-2.3",
            summary: "Hailuo-2.3: 6 or 10 s, 768P or 1080P (1080P 6 s only), optional image",
            firstFrame: .optional, lastFrame: .notAccepted,
            vendorFirstFrameField: "image_url",
            durations: [6, 10], resolutions: [.p768, .p1080], durationLimits: [.p1080: [6]],
            typicalGenerationSeconds: [6: 75...105, 10: 125...175],
            timesSource: "the provider's docs: an example run took about 1.5 min"),
        VideoModel(
            id: "minimax/hailuo-2.3-fast",
            summary: "Hailuo-2.3 Fast: image to video (image required), 6 or 10 s, 768P or 1080P",
            firstFrame: .required, lastFrame: .notAccepted,
            vendorFirstFrameField: "image_url",
            durations: [6, 10], resolutions: [.p768, .p1080], durationLimits: [.p1080: [6]],
            typicalGenerationSeconds: [6: 50...70, 10: 85...115],
            timesSource: "the provider's docs: an example run took about 1 min"),
        VideoModel(
            id: "minimax/h3",
            summary: "H3: 4 to 15 s native 2K with audio; frames, ratio, reference images, videos and audio",
            firstFrame: .optional, lastFrame: .optional,
            vendorFirstFrameField: "image_url", takesPromptOptimizer: false,
            durations: Array(4...15), resolutions: [.k2],
            typicalGenerationSeconds: hailuoTimes, timesSource: unknownTimesSource,
            families: [.unified], maxPromptLength: 7000, defaultDuration: 6,
            ratios: h3Ratios, references: ReferenceLimits(images: 9, videos: 3, audio: 3)),
        VideoModel(
            id: "minimax/h3-max",
            summary: "H3 Max: 5 to 15 s at 480p or 768p with audio; frames, ratio, references (12 at most)",
            firstFrame: .optional, lastFrame: .optional,
            vendorFirstFrameField: "image_url", takesPromptOptimizer: false,
            durations: Array(5...15), resolutions: [.p768, .p480],
            typicalGenerationSeconds: hailuoTimes, timesSource: unknownTimesSource,
            families: [.unified], maxPromptLength: 50_000, defaultDuration: 5,
            wireResolutions: [.p480: "480p", .p768: "768p"],
            ratios: h3Ratios, references: ReferenceLimits(images: 9, videos: 3, audio: 3, total: 12)),
    ]

    /// The model used when none is chosen.
    public static let defaultModelID: ModelID = "minimax/hailuo-02"

    /// The default model's row.
    public static var defaultModel: VideoModel {
        guard let row = model(defaultModelID) else { preconditionFailure("default model missing from the catalog") }
        return row
    }

    /// Every model id, in table order.
    public static var ids: [ModelID] { all.map(\.id) }

    /// The row for `id` (exact match), or `nil` when the id is unknown.
    public static func model(_ id: ModelID) -> VideoModel? {
        all.first { $0.id == id }
    }
}
