import HailuoCore
import HailuoEngine
import HailuoTUI
import HailuoTUIRuntime

extension PresetStore {
    /// The screen's presets in `file`, failures as their one sentence.
    init(file: PresetFile) {
        self.init(
            load: {
                do throws(PresetError) {
                    return .loaded(try file.load())
                } catch {
                    return .failed(error.description)
                }
            },
            save: { preset, replace in
                do throws(PresetError) {
                    let replaced = try file.save(preset, replace: replace)
                    return .saved(preset, replaced: replaced)
                } catch {
                    if case .exists = error { return .exists(preset) }
                    return .failed(error.description)
                }
            })
    }
}
