import Foundation
import HailuoCore
import HailuoEngine
import TUIKit

/// A question the screen is waiting on (answered with y / n or Esc).
public enum Confirmation: Sendable, Equatable {
    /// The same prompt, parameters and image were submitted a moment ago.
    case duplicateSubmit(GenerationParameters)
    /// A submission is still on its way; quitting now is safe but the user may want to see it.
    case quitWhileSubmitting
    /// Resend an unconfirmed submission that may already be billed.
    case resubmit(jobID: String)
}

/// A short message at the bottom of the screen that fades after a few seconds.
public struct Flash: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case info
        case error
    }

    public var text: String
    public var kind: Kind
    /// When it disappears.
    public var until: Date

    public init(_ text: String, kind: Kind = .info, until: Date) {
        self.text = text
        self.kind = kind
        self.until = until
    }
}

/// Everything the screen shows. Changed only by ``update(_:_:)``; drawn only by ``view(_:)``.
public struct AppModel: Sendable, Equatable {
    public var environment: AppEnvironment
    public var size: Size
    /// The clock the screen shows (elapsed times, spinner, expiry); advanced by ticks.
    public var now: Date
    public var focus: Focus = .prompt
    public var composer: ComposerState
    public var jobs = JobListState()
    /// The details pane of the selected job is open.
    public var detailsOpen = false
    /// The status history of the job in the details pane, once read from the store.
    public var history: JobHistory?
    /// The help overlay is open.
    public var helpOpen = false
    /// Rows the help is scrolled by when it does not fit.
    public var helpScroll = 0
    /// The `/` filter is being typed.
    public var filterEditor: TextEditor?
    public var confirmation: Confirmation?
    public var connection: ConnectionState = .online
    public var flash: Flash?
    /// Submissions on their way to the provider.
    public var submissionsInFlight = 0
    /// The last submission's parameters and time, to ask before an accidental repeat.
    public var lastSubmitted: SubmittedRecord?
    public var downloads: [String: DownloadProgress] = [:]
    /// The loop ends after this update.
    public var quitting = false

    public init(environment: AppEnvironment, size: Size, now: Date) {
        self.environment = environment
        self.size = size
        self.now = now
        self.composer = ComposerState(defaults: environment.defaults)
    }

    /// How long a repeat of the same submission asks first.
    public static let duplicateWindow: TimeInterval = 120
    /// How long a flash message stays.
    public static let flashSeconds: TimeInterval = 5
    /// Below this the layout is replaced by a one-line "enlarge the window" message.
    public static let minimumSize = Size(width: 60, height: 18)

    /// Whether the window is too small for the layout.
    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }
}

/// A job's status history as read from the store, oldest first.
public struct JobHistory: Sendable, Equatable {
    public var jobID: String
    public var events: [JobEvent]

    public init(jobID: String, events: [JobEvent]) {
        self.jobID = jobID
        self.events = events
    }
}

/// What was last submitted, and when.
public struct SubmittedRecord: Sendable, Equatable {
    public var parameters: GenerationParameters
    public var at: Date

    public init(parameters: GenerationParameters, at: Date) {
        self.parameters = parameters
        self.at = at
    }
}
