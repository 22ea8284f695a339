import Synchronization
import TUIKit

/// What ``AppModel/view()`` keeps from one frame for the next, so the parts of a frame drawn from
/// nothing that changed are copied rather than drawn again: on a clock tick, the composer and
/// every table row but the ticking ones.
///
/// Only a speed-up. Each entry is keyed by everything its part is drawn from, so a frame is the
/// same with the memo or without it (``AppModel/freshView()``; a test compares the two over a run
/// of changes). Copies of a model share one memo; it never takes part in the model's equality.
final class ViewMemo: Sendable, Equatable {
    /// Everything the composer is drawn from (the theme and the demo badge come from `environment`).
    struct ComposerKey: Equatable {
        var size: Size
        var composer: Composer
        var environment: AppEnvironment
        var layout: ScreenLayout
        var focus: Focus
        var active: Bool
    }

    /// Everything one line of the table is drawn from, and where.
    struct RowKey: Equatable {
        /// What the line shows.
        enum Content: Equatable {
            /// The header, with its badges.
            case header(badges: [[Span]])
            /// A row, selected or not.
            case row(JobsTableRow, selected: Bool)
        }

        var content: Content
        var columns: [JobColumn]
        var rect: Rect
        var y: Int
        var focused: Bool
    }

    private struct Rows {
        var environment: AppEnvironment?
        var cells: [Int: (key: RowKey, cells: [Cell])] = [:]
        /// What the clock showed on each job line of the last frame (`nil` for a group's line).
        var clocks: [Int: RowClock?] = [:]
    }

    /// A memo that keeps nothing: the one a kept model carries, so the memo never holds itself.
    static let inert = ViewMemo()

    private let composerFrame = Mutex<(key: ComposerKey, canvas: Canvas)?>(nil)
    private let frame = Mutex<(model: AppModel, canvas: Canvas)?>(nil)

    /// The last frame kept, if it was drawn for a model equal to `model` (both ``AppModel/clockFree()``).
    func lastFrame(of model: AppModel) -> Canvas? {
        guard self !== Self.inert, let kept = frame.withLock({ $0 }), kept.model == model else { return nil }
        return kept.canvas
    }

    /// Keeps `canvas`, the frame drawn for `model` (``AppModel/clockFree()``).
    func keepFrame(_ canvas: Canvas, of model: AppModel) {
        guard self !== Self.inert else { return }
        frame.withLock { $0 = (model, canvas) }
    }
    private let rows = Mutex(Rows())

    /// The canvas with only the composer drawn: the one kept for `key`, or `draw()`'s, then kept.
    func composerCanvas(_ key: ComposerKey, draw: () -> Canvas) -> Canvas {
        if let kept = composerFrame.withLock({ $0 }), kept.key == key { return kept.canvas }
        let canvas = draw()
        composerFrame.withLock { $0 = (key, canvas) }
        return canvas
    }

    /// Starts a table drawn in `environment` (its theme): the lines kept for another are dropped.
    func beginTable(in environment: AppEnvironment) {
        rows.withLock { rows in
            guard rows.environment != environment else { return }
            rows.cells.removeAll()
            rows.clocks.removeAll()
            rows.environment = environment
        }
    }

    /// The cells of the table line drawn for `key` on line `key.y`, if kept (after ``beginTable(in:)``).
    func rowCells(_ key: RowKey) -> [Cell]? {
        rows.withLock { rows in
            guard let kept = rows.cells[key.y], kept.key == key else { return nil }
            return kept.cells
        }
    }

    /// What the clock showed on table line `y` of the last frame (`.some(nil)`: a group's line;
    /// `nil`: not known).
    func clock(y: Int) -> RowClock?? {
        rows.withLock { $0.clocks[y] }
    }

    /// Keeps what the clock shows on table line `y`.
    func keepClock(_ clock: RowClock?, y: Int) {
        rows.withLock { $0.clocks[y] = .some(clock) }
    }

    /// Keeps the cells drawn for `key`.
    func keepRow(_ key: RowKey, cells: [Cell]) {
        rows.withLock { $0.cells[key.y] = (key, cells) }
    }

    static func == (lhs: ViewMemo, rhs: ViewMemo) -> Bool { true }
}
