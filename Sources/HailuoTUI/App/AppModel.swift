import Foundation
import HailuoCore
import TUIKit

/// Everything the screen shows: the session's environment, the size and clock, the focus, and
/// one value per component. Changed only by ``update(_:)``; drawn only by ``view()``.
public struct AppModel: Sendable, Equatable {
    public internal(set) var environment: AppEnvironment
    public private(set) var size: Size
    /// The clock the screen shows (elapsed times, spinner, expiry); advanced by ticks.
    public private(set) var now: Date
    /// When a key, a paste or a resize last came, by ``now``: a screen left alone beats slower
    /// (``beatSeconds(at:)``).
    public private(set) var lastInteraction: Date
    public internal(set) var focus: Focus = .prompt
    public internal(set) var composer: Composer
    public internal(set) var jobs = JobsTable()
    public internal(set) var details = Details()
    public internal(set) var help = Help()
    public internal(set) var statusBar = StatusBar()
    public internal(set) var confirmation: Confirmation?
    /// The compare view of a group's results, when open.
    public internal(set) var compare: Compare?
    /// Saving (F8) and recalling (F7) presets, when open.
    public internal(set) var presets = Presets()
    public internal(set) var submissions = Submissions()
    /// Thumbnails and clip frames made so far.
    public internal(set) var pictures: Pictures
    /// The loop ends after this update.
    public private(set) var quitting = false
    /// Parts of the last frame that the next may copy (never part of the model's equality).
    private(set) var memo = ViewMemo()

    public init(environment: AppEnvironment, size: Size, now: Date) {
        self.environment = environment
        self.size = size
        self.now = now
        self.lastInteraction = now
        self.composer = Composer(defaults: environment.defaults)
        self.pictures = Pictures(
            depth: environment.colorDepth, symbols: environment.glyphs == .ascii ? .ascii : .unicode)
    }

    /// Below this the layout is replaced by a one-line "enlarge the window" message.
    public static let minimumSize = Size(width: 60, height: 18)

    /// Whether the window is too small for the layout.
    public var isTooSmall: Bool {
        size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
    }

    /// The layout at the current size.
    public var layout: ScreenLayout {
        let columns =
            environment.showsPictures
            ? composer.thumbnailColumns(rows: ScreenLayout.promptBoxHeight(for: size), screenWidth: size.width) : 0
        return ScreenLayout(
            size: size, detailsOpen: details.isOpen, thumbnailColumns: columns, referencesRow: composer.takesReferences)
    }

    /// The look of this session's screen.
    var theme: Theme {
        var theme = Theme(environment: environment)
        theme.spinnerSecondsPerFrame = beatSeconds(at: now)
        return theme
    }

    // MARK: Changes every part may ask for

    /// Shows a message at the bottom for a few seconds.
    mutating func show(_ text: String, error: Bool = false) {
        statusBar.show(text, error: error, now: now)
    }

    /// Gives the keys to `target`; a narrow details pane (which covers the composer) closes
    /// when the focus leaves the table.
    mutating func moveFocus(to target: Focus) {
        // The references field is there only for models that take references.
        focus = target == .references && !composer.takesReferences ? .options : target
        _ = composer.closeCompletions()
        if target != .jobs, details.isOpen, size.width < ScreenLayout.sideBySideWidth {
            details.close()
        }
    }

    /// Takes what a component's update handed back: its focus move and message; returns its work.
    mutating func take(_ reply: Reply) -> [Command] {
        if let target = reply.focus { moveFocus(to: target) }
        if let message = reply.message { show(message.text, error: message.isError) }
        return reply.commands
    }

    mutating func resize(to newSize: Size) { size = newSize }

    mutating func advanceClock(to date: Date) {
        now = date
        statusBar.expire(at: date)
    }

    mutating func markQuitting() { quitting = true }

    /// Notes that the user touched the screen (a key, a paste, a resize).
    mutating func noteInteraction() { lastInteraction = now }

    /// This model without what a clock tick changes (the clock, and the status bar a tick may
    /// clear), without when the user last touched it (which sets only the spinners' pace), and
    /// without the memo (which keeps it): equal for two models that draw the same frame but for
    /// the clock's cells and the status bar.
    func clockFree() -> AppModel {
        var copy = self
        copy.now = Date(timeIntervalSince1970: 0)
        copy.lastInteraction = copy.now
        copy.statusBar = StatusBar()
        copy.memo = ViewMemo.inert
        return copy
    }
}
