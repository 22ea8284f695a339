import TUIKit

/// Where each part of the screen goes at a given size: the one layout both
/// ``AppModel/update(_:)`` (for wrap widths and page sizes) and ``AppModel/view()`` use.
public struct ScreenLayout: Sendable, Equatable {
    /// The prompt editor's box, border included (empty while a narrow details pane covers it).
    public var promptBox: Rect
    /// The prompt editor's text area inside the box.
    public var promptText: Rect
    /// Right of the prompt box: the image fields' thumbnails (empty when there are none).
    public var thumbnails: Rect
    public var firstFrame: Rect
    public var lastFrame: Rect
    /// The references field (H3, H3 Max); empty for models that take none.
    public var references: Rect
    public var options: Rect
    /// One row under the options: a refused toggle's reason, or path candidates.
    public var note: Rect
    /// The jobs table, header row included.
    public var table: Rect
    /// The details pane, when open.
    public var details: Rect?
    /// Key hints or a flash message.
    public var hints: Rect
    public var statusBar: Rect

    /// Rows of jobs the table shows (its height minus the header).
    public var tableRows: Int { max(0, table.height - 1) }

    /// Whether the composer is on screen.
    public var showsComposer: Bool { !promptBox.isEmpty }

    /// Width at and above which the details pane sits to the right of the table.
    public static let sideBySideWidth = 110

    /// Rows of the prompt box, border included, at `size`.
    public static func promptBoxHeight(for size: Size) -> Int {
        (size.height >= 32 ? 6 : (size.height >= 24 ? 3 : 2)) + 2
    }

    /// The layout for `size`, with or without the details pane; `thumbnailColumns` (0 for none)
    /// are taken from the prompt box's right for the image fields' thumbnails; `referencesRow`
    /// adds the references field under the image fields.
    public init(size: Size, detailsOpen: Bool, thumbnailColumns: Int = 0, referencesRow: Bool = false) {
        let screen = Rect(size)
        let (body, statusBar) = screen.splitBottom(1)
        let (main, hints) = body.splitBottom(1)
        self.statusBar = statusBar
        self.hints = hints
        let promptBoxHeight = Self.promptBoxHeight(for: size)
        let composerHeight = promptBoxHeight + 4 + (referencesRow ? 1 : 0)
        let narrowDetails = detailsOpen && size.width < Self.sideBySideWidth
        if narrowDetails {
            let tableHeight = max(6, main.height / 3)
            let (top, table) = main.splitBottom(tableHeight)
            details = top
            self.table = table
            promptBox = Rect(x: 0, y: 0, width: 0, height: 0)
            promptText = promptBox
            thumbnails = promptBox
            firstFrame = promptBox
            lastFrame = promptBox
            references = promptBox
            options = promptBox
            note = promptBox
            return
        }
        let (composer, jobsArea) = main.splitTop(composerHeight)
        let (boxRow, fields) = composer.splitTop(promptBoxHeight)
        let columns = min(max(0, thumbnailColumns), max(0, boxRow.width - 40))
        let (box, panel) =
            columns > 0 ? boxRow.splitLeft(boxRow.width - columns - 1) : (boxRow, Rect(x: 0, y: 0, width: 0, height: 0))
        promptBox = box
        thumbnails =
            columns > 0 ? Rect(x: panel.maxX - columns, y: panel.y, width: columns, height: panel.height) : panel
        promptText = box.inset(by: 1)
        let (first, rest1) = fields.splitTop(1)
        let (last, rest2) = rest1.splitTop(1)
        let (references, rest3) = rest2.splitTop(referencesRow ? 1 : 0)
        let (options, note) = rest3.splitTop(1)
        firstFrame = first
        lastFrame = last
        self.references = references
        self.options = options
        self.note = note
        if detailsOpen {
            let detailsWidth = min(64, jobsArea.width * 45 / 100)
            let (table, details) = jobsArea.splitLeft(jobsArea.width - detailsWidth)
            self.table = table
            self.details = details
        } else {
            table = jobsArea
            details = nil
        }
    }
}
