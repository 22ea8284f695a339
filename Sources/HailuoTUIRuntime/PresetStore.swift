import Foundation
import HailuoCore
import HailuoTUI

/// Where the screen reads and writes its presets. The program passes the presets file's two
/// operations (`PresetFile` lives in the engine, which the runtime does not see); each answers
/// in the screen's terms, failures as one sentence.
public struct PresetStore: Sendable {
    /// Every preset, sorted by name, or why the file cannot be used.
    public var load: @Sendable () -> PresetsLoad
    /// Saves a preset; with `replace` false an existing one of the same name is kept and reported.
    public var save: @Sendable (_ preset: Preset, _ replace: Bool) -> PresetSaveOutcome

    public init(
        load: @escaping @Sendable () -> PresetsLoad,
        save: @escaping @Sendable (_ preset: Preset, _ replace: Bool) -> PresetSaveOutcome
    ) {
        self.load = load
        self.save = save
    }

    /// A store that keeps presets in memory only (tests, and a screen started without a file).
    public static func inMemory(_ presets: [Preset] = []) -> PresetStore {
        let kept = LockedPresets(presets)
        return PresetStore(
            load: { .loaded(kept.all) },
            save: { preset, replace in kept.save(preset, replace: replace) })
    }
}

/// The presets of ``PresetStore/inMemory(_:)``, behind a lock.
private final class LockedPresets: @unchecked Sendable {
    private let lock = NSLock()
    private var presets: [Preset]

    init(_ presets: [Preset]) { self.presets = presets }

    var all: [Preset] { lock.withLock { presets.sorted { $0.name < $1.name } } }

    func save(_ preset: Preset, replace: Bool) -> PresetSaveOutcome {
        lock.withLock {
            let existed = presets.contains { $0.name == preset.name }
            if existed, !replace { return .exists(preset) }
            presets.removeAll { $0.name == preset.name }
            presets.append(preset)
            return .saved(preset, replaced: existed)
        }
    }
}
