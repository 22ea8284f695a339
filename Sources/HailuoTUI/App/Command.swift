import Foundation
import HailuoCore

/// Work ``AppModel/update(_:)`` asks the runtime to do; results come back as ``Msg``s.
public enum Command: Sendable, Equatable {
    case submit(GenerationParameters)
    /// Price the clip these parameters would make (the catalogue, cached; never blocks the screen).
    case quote(GenerationParameters)
    /// Run the preflight on an image field's text.
    case checkImage(ImageSlot, String)
    /// List path candidates for what is typed in an image field.
    case completePath(ImageSlot, String)
    /// Send `count` jobs of one request as a group of variants.
    case submitVariants(GenerationParameters, count: Int)
    /// Store a job's favourite flag.
    case setFavourite(jobID: String, Bool)
    /// Make a picture (decode, scale, cell art; frames from a clip) off the UI thread.
    case makePicture(PictureRequest)
    /// Write the last frame of a downloaded clip to a PNG beside it, for a new draft.
    case continueFromLastFrame(jobID: String, video: String)
    /// Read a job's status history from the store (for the details pane).
    case loadHistory(jobID: String)
    case pollNow(jobID: String)
    case download(jobID: String)
    /// A new job with the same parameters.
    case retry(jobID: String)
    /// Resend an unconfirmed or failed job (explicit user action).
    case resubmit(jobID: String)
    case dismiss(jobID: String)
    case setHidden(jobID: String, Bool)
    /// Read the presets file (answered with ``Msg/presetsLoaded(_:)``).
    case loadPresets
    /// Save `parameters` as the preset `name`; with `replace` false an existing one is kept
    /// (answered with ``Msg/presetSaved(_:)``).
    case savePreset(name: String, GenerationParameters, replace: Bool)
    /// Put text on the clipboard through OSC 52 (wrapped for tmux).
    case copy(String)
    /// Announce a finished job (bell or desktop notification, as configured).
    case notify(title: String, body: String)
    /// Repaint the whole screen (Ctrl-L, after noise from another program).
    case redraw
    /// Stop the process with Ctrl-Z (the terminal is restored and repainted on return).
    case suspend
    /// Save, stop polling, restore the terminal, exit.
    case quit
}
