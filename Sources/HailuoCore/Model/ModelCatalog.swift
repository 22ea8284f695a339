/// The table of models this client knows. Adding a model is adding a row to ``all``.
public enum ModelCatalog {
    /// Provider figures: a 6 s clip takes about 4-5 minutes, a 10 s clip about 8-9 minutes.
    private static let hailuoTimes: [Int: ClosedRange<Int>] = [6: 240...300, 10: 480...540]

    /// Every known model; the default first.
    public static let all: [VideoModel] = [
        VideoModel(
            id: "minimax/hailuo-02",
            summary: "Hailuo-02: 6 or 10 s, 768P or 1080P (1080P 6 s only), optional first and last frame",
            firstFrame: .optional, lastFrame: .optional,
            vendorFirstFrameField: "first_frame_image",
            durations: [6, 10], resolutions: [.p768, .p1080], durationLimits: [.p1080: [6]],
            typicalGenerationSeconds: hailuoTimes),
        VideoModel(
            id: "video-01",
            summary: "Video-01: 6 s clips from a prompt, optional first frame",
            firstFrame: .optional, lastFrame: .notAccepted,
            vendorFirstFrameField: "first_frame_image",
            takesDuration: false, durations: [6], takesResolution: false, resolutions: [.p768],
            typicalGenerationSeconds: hailuoTimes),
        VideoModel(
            id: "video-01-live2d",
            summary: "Video-01 Live2D: animates a first frame (required), 6 s clips",
            firstFrame: .required, lastFrame: .notAccepted,
            vendorFirstFrameField: "first_frame_image",
            takesDuration: false, durations: [6], takesResolution: false, resolutions: [.p768],
            typicalGenerationSeconds: hailuoTimes),
        VideoModel(
            id: "minimax/hailuo-2.3",
            summary: "Hailuo-2.3: 6 or 10 s, 768P or 1080P (1080P 6 s only), optional image",
            firstFrame: .optional, lastFrame: .notAccepted,
            vendorFirstFrameField: "image_url",
            durations: [6, 10], resolutions: [.p768, .p1080], durationLimits: [.p1080: [6]],
            typicalGenerationSeconds: hailuoTimes),
        VideoModel(
            id: "minimax/hailuo-2.3-fast",
            summary: "Hailuo-2.3 Fast: image to video (image required), 6 or 10 s, 768P or 1080P",
            firstFrame: .required, lastFrame: .notAccepted,
            vendorFirstFrameField: "image_url",
            durations: [6, 10], resolutions: [.p768, .p1080], durationLimits: [.p1080: [6]],
            typicalGenerationSeconds: hailuoTimes),
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
