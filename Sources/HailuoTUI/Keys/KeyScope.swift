/// Where a key binding applies: the part of the screen that has the keys at the moment.
public enum KeyScope: Sendable, Hashable, CaseIterable {
    /// Every mode: over the help and the filter, and below the minimum size.
    case always
    /// The composer and the table, when no overlay or filter is open.
    case everywhere
    case prompt
    /// The prompt while its camera command list is shown (ahead of the prompt's own keys).
    case cameraList
    case imageField
    case options
    /// The jobs table and the details pane of its selected job.
    case table
    /// The help overlay.
    case help
    /// The `/` filter being typed.
    case filter
    /// A yes/no question.
    case confirmation
    /// The compare view of a group's results.
    case compare
    /// A preset's name being typed (F8).
    case presetName
    /// The list of presets (F7).
    case presetList

    /// The scope of the focused part.
    static func focused(_ focus: Focus) -> KeyScope {
        switch focus {
        case .prompt: .prompt
        case .firstFrame, .lastFrame, .references: .imageField
        case .options: .options
        case .jobs: .table
        }
    }
}
