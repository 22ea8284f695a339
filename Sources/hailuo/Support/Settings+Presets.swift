import HailuoCore
import HailuoEngine

extension Settings {
    /// The config's defaults for a new job (no prompt, no images).
    var defaultParameters: GenerationParameters {
        GenerationParameters(
            model: defaultModel, prompt: "", promptOptimizer: defaultPromptOptimizer, duration: defaultDuration,
            resolution: defaultResolution)
    }

    /// The presets file, read with the config's defaults for the keys a preset leaves out.
    var presetFile: PresetFile { PresetFile(url: paths.presetsFile, defaults: defaultParameters) }
}
