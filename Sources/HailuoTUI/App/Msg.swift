import Foundation
import HailuoCore
import TUIKit

/// How a submission ended, as the screen needs to know it.
public enum SubmitOutcome: Sendable, Equatable {
    /// The job exists (accepted, unconfirmed, or failed upstream).
    case stored(JobEntry)
    /// Validation refused it; nothing was sent.
    case invalid([ValidationIssue])
    /// A local problem; nothing was sent.
    case failed(String)
}

/// How a submission of variants ended, as the screen needs to know it.
public enum VariantsOutcome: Sendable, Equatable {
    case stored(JobGroup, [JobEntry])
    case invalid([ValidationIssue])
    case failed(String)
}

/// Everything that can change the model: keys, time, and finished work.
public enum Msg: Sendable, Equatable {
    case input(InputEvent)
    /// The clock: elapsed times and spinners move on.
    case tick(Date)
    /// A full list of jobs from the store (start, another process changed it, filter on hidden).
    case jobsLoaded([JobEntry])
    /// A job changed or is new (this process's engine, or another process through the store).
    case jobChanged(JobEntry)
    /// Several jobs changed at once (another process's burst): applied together, re-sorted once.
    case jobsChanged([JobEntry])
    /// A job's status history, oldest first.
    case historyLoaded(jobID: String, [JobEvent])
    case connection(ConnectionState)
    /// What the clip of these parameters costs.
    case priceQuoted(GenerationParameters, PriceQuote)
    /// Which models the provider still lists (at start): the composer skips the others.
    case rosterLoaded(ModelRoster)
    /// The account's balance in USD, when the provider told it (`nil`: unknown).
    case balance(Double?)
    case downloadProgress(DownloadProgress)
    case downloadFailed(jobID: String, message: String)
    case submitFinished(parameters: GenerationParameters, outcome: SubmitOutcome)
    /// An action on a job finished; the text says what happened (or why it did not).
    case actionFinished(text: String, isError: Bool)
    case imageChecked(ImageSlot, ImageVerdict)
    /// The groups of jobs (batches, variants) from the store.
    case groupsLoaded([JobGroup])
    /// Variants sent with one Ctrl-S: their group and jobs, or why nothing was sent.
    case variantsFinished(parameters: GenerationParameters, outcome: VariantsOutcome)
    /// A picture asked for by ``Command/makePicture(_:)``.
    case pictureMade(PictureRequest, PictureOutcome)
    /// The last frame of a job's clip is at `path`: open a new draft from it.
    case lastFrameExtracted(jobID: String, path: String)
    case pathCompletions(ImageSlot, typed: String, candidates: [String])
    /// The presets file was read (F7).
    case presetsLoaded(PresetsLoad)
    /// A preset was saved, or why not (F8).
    case presetSaved(PresetSaveOutcome)
    /// SIGHUP, SIGTERM, or the terminal went away: save and leave.
    case terminate
}
