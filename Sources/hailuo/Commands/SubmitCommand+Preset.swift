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
        if let model { parameters.model = ModelID(model) }
        if noPromptOptimizer { parameters.promptOptimizer = false }
        if promptOptimizerOn { parameters.promptOptimizer = true }
        if let duration { parameters.duration = duration }
        if let chosen = resolution.flatMap({ Resolution(rawValue: $0.uppercased()) }) { parameters.resolution = chosen }
        // An empty --image "" takes away the preset's image.
        if let image { parameters.firstFrame = image.isEmpty ? nil : image }
        if let lastImage { parameters.lastFrame = lastImage.isEmpty ? nil : lastImage }
        return parameters
    }
}
