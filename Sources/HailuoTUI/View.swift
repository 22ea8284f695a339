import Foundation
import TUIKit

extension AppModel {
    /// The screen for this model: a pure function of the model (its `now`, `environment`, `size`
    /// and ``layout`` included). Only the table rows on screen are built, so ten thousand jobs
    /// cost what one screenful costs.
    public func view() -> Canvas {
        var canvas = Canvas(size: size)
        let theme = Theme(environment: environment)
        if isTooSmall {
            drawTooSmall(into: &canvas, theme: theme)
            return canvas
        }
        let layout = self.layout
        let overlayOpen = helpOpen || confirmation != nil
        // Keys go to the filter while it is typed, so no composer editor shows a cursor then.
        let editorsActive = !overlayOpen && filterEditor == nil
        if layout.showsComposer {
            drawComposer(into: &canvas, theme: theme, layout: layout, active: editorsActive)
        }
        drawJobsTable(into: &canvas, theme: theme, rect: layout.table)
        if let details = layout.details {
            drawDetails(into: &canvas, theme: theme, rect: details)
        }
        drawHints(into: &canvas, theme: theme, rect: layout.hints, active: !overlayOpen)
        drawStatusBar(into: &canvas, theme: theme, rect: layout.statusBar)
        if helpOpen { drawHelp(into: &canvas, theme: theme) }
        if let confirmation { drawConfirmation(confirmation, into: &canvas, theme: theme) }
        if overlayOpen { canvas.cursor = nil }
        return canvas
    }

    /// The one line shown instead of the layout when the window is below ``minimumSize``: the
    /// longest wording that fits the width.
    var tooSmallMessage: String {
        let wordings = [
            "Enlarge the window to at least \(Self.minimumSize) (now \(size))",
            "Enlarge to at least \(Self.minimumSize) (now \(size))",
            "Enlarge to \(Self.minimumSize) (now \(size))",
            "Enlarge to \(Self.minimumSize)",
            "Need \(Self.minimumSize)",
        ]
        return wordings.first { $0.displayWidth <= size.width } ?? wordings[wordings.count - 1]
    }

    private func drawTooSmall(into canvas: inout Canvas, theme: Theme) {
        guard size.height > 0 else { return }
        let text = TextLayout.truncate(tooSmallMessage, width: size.width, ellipsis: theme.glyphs.ellipsis)
        let x = max(0, (size.width - text.displayWidth) / 2)
        canvas.draw(text, at: Point(x: x, y: (size.height - 1) / 2), style: theme.warning.bolded)
        canvas.cursor = nil
    }
}
