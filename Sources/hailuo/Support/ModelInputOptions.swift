import ArgumentParser
import HailuoCore

/// The inputs only some models take (H3, H3 Max): `ratio` and reference images, videos and audio.
/// Shared by `submit` and the commands that build one request from flags.
struct ModelInputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Aspect ratio (H3, H3 Max): adaptive, 21:9, 16:9, 4:3, 1:1, 3:4 or 9:16. adaptive follows the "
                + "frames or references, so it needs one.", valueName: "ratio"))
    var ratio: String?

    @Option(
        name: .customLong("reference-image"),
        help: ArgumentHelp(
            "A reference image (H3: up to 9): a PNG/JPEG path or an http(s) URL. Repeat for more.",
            valueName: "path|url"))
    var referenceImages: [String] = []

    @Option(
        name: .customLong("reference-video"),
        help: ArgumentHelp("A reference video (H3: up to 3), as an http(s) URL. Repeat for more.", valueName: "url"))
    var referenceVideos: [String] = []

    @Option(
        name: .customLong("reference-audio"),
        help: ArgumentHelp(
            "A reference audio clip (H3: up to 3), as an http(s) URL; never the only reference. Repeat for more.",
            valueName: "url"))
    var referenceAudio: [String] = []

    func validate() throws {
        if let ratio, AspectRatio(named: ratio) == nil {
            throw ValidationError(
                "--ratio must be one of \(AspectRatio.allCases.map(\.rawValue).joined(separator: ", ")) "
                    + "(got \(InertText.oneLine(ratio)))")
        }
    }

    /// Puts the flags given into `parameters` (a preset's values stay where no flag is given), and moves a duration or resolution that came from the
    /// config (not from a flag) to the model's own default when the model does not allow it, so
    /// `--model minimax/h3` alone asks for a 2K clip of 6 s.
    func apply(to parameters: inout GenerationParameters, durationGiven: Bool, resolutionGiven: Bool) {
        if let ratio { parameters.ratio = AspectRatio(named: ratio) }
        if !referenceImages.isEmpty { parameters.referenceImages = referenceImages }
        if !referenceVideos.isEmpty { parameters.referenceVideos = referenceVideos }
        if !referenceAudio.isEmpty { parameters.referenceAudio = referenceAudio }
        parameters.adoptModelDefaults(resolutionChosen: resolutionGiven, durationChosen: durationGiven)
    }
}
