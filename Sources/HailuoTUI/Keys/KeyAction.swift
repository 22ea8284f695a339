/// What a key does: the update performs one of these for each key the map resolves.
public enum KeyAction: Sendable, Hashable {
    // Everywhere
    case submit
    case openHelp
    case toggle(OptionField)
    case focusNext
    case focusPrevious
    /// Esc: close candidates or details, else go to the table.
    case back
    case redraw
    case suspend
    case quit

    /// The focused text field's editor takes the key (typing, moving, deleting, undo).
    case edit

    // Prompt
    case recallOlderPrompt
    case recallNewerPrompt

    // Camera command list
    /// ↑ / ↓: another command.
    case moveCameraChoice(Int)
    /// Tab / Enter: the chosen command, and `]`.
    case insertCameraCommand
    /// Esc: close the list.
    case closeCameraList

    // Image fields
    case completePath
    case nextField
    case previousField

    // Options
    case previousOption
    case nextOption
    case changeOption
    /// `+` / `-`: the selected toggle's next or previous value (a duration range: one second).
    case stepOption(Int)

    // Table
    case moveSelection(SelectionMove)
    case toggleDetails
    case startFilter
    case cycleStatusFilter
    case cycleSort
    case togglePause
    case toggleShowHidden
    /// Only the selected group's jobs, or every job again.
    case toggleGroupFilter
    /// The compare view of the selected group (or the selected job's group).
    case openCompare
    case job(JobAction)

    // Compare view
    case compareMove(Int)
    case compareOpenDetails
    case compareFavourite
    case closeCompare

    // Help
    case closeHelp
    case scrollHelp(SelectionMove)

    // Filter
    case keepFilter
    case clearFilter

    // Questions
    case answer(Bool)

    // Presets
    /// F8: save the composer's prompt and parameters under a name.
    case saveAsPreset
    /// F7: the list of presets.
    case openPresets
    /// A key for the preset name being typed.
    case editPresetName
    /// Enter: save under the typed name.
    case confirmPresetName
    /// Esc: close the name entry or the list.
    case closePresets
    /// ↑ / ↓ in the list.
    case presetMove(Int)
    /// Enter in the list: load the preset into the composer.
    case loadPreset
}

/// A move of the table's selection or of the help's scroll position.
public enum SelectionMove: Sendable, Hashable {
    case up
    case down
    case pageUp
    case pageDown
    case first
    case last
}

/// An action on the selected job.
public enum JobAction: Sendable, Hashable, CaseIterable {
    case pollNow
    case download
    case retry
    case editAsNew
    case continueFromLastFrame
    case toggleFavourite
    case resubmit
    case dismiss
    case toggleHidden
    case copyID
    case copyURL
    case copyPath
    case copySCPLine
}
