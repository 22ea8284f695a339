import HailuoCore
import HailuoEngine

extension SubmitCommand {
    /// The job's parameters: each flag given on the command line, else the preset's value (with
    /// `--preset`), else the config's default. `prompt` is the text of --prompt or --prompt-file.
    func parameters(prompt typed: String?, settings: Settings) throws -> GenerationParameters {
        var parameters = settings.defaultParameters
        if let preset {
            do {
                parameters = try settings.presetFile.preset(named: preset).parameters
            } catch {
                throw CLIFailure(.usage, "\(error.description) (nothing was sent)")
            }
        }
        if let typed {
            parameters.prompt = typed
        } else if let preset, parameters.prompt.isEmpty {
            // An empty prompt typed on the command line is the validator's to refuse, in its words.
            throw CLIFailure(
                .usage, "preset \(InertText.quoted(preset, limit: 70)) has no prompt; give --prompt or --prompt-file")
        }
        parameters.override(
            model: model, promptOptimizer: noPromptOptimizer ? false : (promptOptimizerOn ? true : nil),
            duration: duration, resolution: resolution, firstFrame: image, lastFrame: lastImage)
        inputs.apply(to: &parameters, durationGiven: duration != nil, resolutionGiven: resolution != nil)
        return parameters
    }
}

extension GenerationParameters {
    /// Each value given on the command line replaces the one held (from a preset or the config);
    /// an empty image text takes the image away.
    mutating func override(
        model: String?, promptOptimizer: Bool?, duration: Int?, resolution: String?, firstFrame: String?,
        lastFrame: String?
    ) {
        if let model { self.model = ModelID(model) }
        if let promptOptimizer { self.promptOptimizer = promptOptimizer }
        if let duration { self.duration = duration }
        if let chosen = resolution.flatMap({ Resolution(named: $0) }) { self.resolution = chosen }
        if let firstFrame { self.firstFrame = firstFrame.isEmpty ? nil : firstFrame }
        if let lastFrame { self.lastFrame = lastFrame.isEmpty ? nil : lastFrame }
    }
}
