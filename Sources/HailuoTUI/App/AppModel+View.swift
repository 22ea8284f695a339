import Foundation
import HailuoCore
import TUIKit

extension AppModel {
    /// The screen for this model: a pure function of the model (its `now`, `environment`, `size`
    /// and ``layout`` included). The root lays out the regions; each component draws its own.
    /// Only the table rows on screen are built, so ten thousand jobs cost what one screenful costs.
    public func view() -> Canvas { view(memo: memo) }

    /// ``view()`` drawn from nothing, every part drawn again: the same frame, for tests and the
    /// benchmark's cost of a frame.
    public func freshView() -> Canvas { view(memo: nil) }

    private func view(memo: ViewMemo?) -> Canvas {
        guard let memo else { return fullView(memo: nil) }
        if let frame = clockTickView(memo) { return frame }
        let frame = fullView(memo: memo)
        memo.keepFrame(frame, of: clockFree())
        return frame
    }

    /// The frame when nothing but the clock (and the status bar) changed since the memo's last
    /// frame: that frame with the table lines whose text moved, the details pane, the hint line
    /// and the status bar drawn again, each on blanked cells as a fresh frame has them. `nil` when
    /// more changed, or an overlay or the filter is up (they are drawn over everything).
    private func clockTickView(_ memo: ViewMemo) -> Canvas? {
        guard !isTooSmall, !help.isOpen, confirmation == nil, compare == nil, presets.mode == nil,
            jobs.filterEditor == nil
        else { return nil }
        let unchanged = clockFree()
        guard var canvas = memo.lastFrame(of: unchanged) else { return nil }
        let theme = self.theme
        let layout = self.layout
        memo.beginTable(in: environment)
        jobs.draw(
            into: &canvas, theme: theme, rect: layout.table, now: now, focused: focus == .jobs,
            memo: memo, overLastFrame: true)
        if let rect = layout.details {
            let detailsPictures = self.detailsPictures(layout)
            canvas.fill(rect)
            details.draw(
                jobs.selected, into: &canvas, theme: theme, rect: rect, now: now, focused: focus == .jobs,
                downloads: jobs.downloads, pictureRows: Details.pictureRows(detailsPictures))
            for placed in composerPictures(layout) + detailsPictures {
                pictures.draw(placed, into: &canvas, theme: theme)
            }
        }
        canvas.fill(layout.hints)
        canvas.fill(layout.statusBar)
        drawBottomLines(into: &canvas, theme: theme, layout: layout, overlayOpen: false)
        memo.keepFrame(canvas, of: unchanged)
        return canvas
    }

    private func fullView(memo: ViewMemo?) -> Canvas {
        var canvas = Canvas(size: size)
        let theme = self.theme
        if isTooSmall {
            drawTooSmall(into: &canvas, theme: theme)
            return canvas
        }
        let layout = self.layout
        let overlayOpen = help.isOpen || confirmation != nil || compare != nil || presets.mode != nil
        let composerPictures = self.composerPictures(layout)
        let detailsPictures = self.detailsPictures(layout)
        // Keys go to the filter while it is typed, so no composer editor shows a cursor then.
        let editorsActive = !overlayOpen && jobs.filterEditor == nil
        if layout.showsComposer {
            // The composer is drawn first, on a blank canvas: that canvas is kept and reused while
            // nothing it is drawn from changes.
            let draw = { [self] in
                var blank = canvas
                composer.draw(
                    into: &blank, theme: theme, layout: layout, focus: focus, active: editorsActive,
                    demo: environment.isDemo)
                return blank
            }
            if let memo {
                let key = ViewMemo.ComposerKey(
                    size: size, composer: composer, environment: environment, layout: layout, focus: focus,
                    active: editorsActive)
                canvas = memo.composerCanvas(key, draw: draw)
            } else {
                canvas = draw()
            }
        }
        memo?.beginTable(in: environment)
        jobs.draw(
            into: &canvas, theme: theme, rect: layout.table, now: now, focused: focus == .jobs,
            memo: memo)
        if let rect = layout.details {
            details.draw(
                jobs.selected, into: &canvas, theme: theme, rect: rect, now: now, focused: focus == .jobs,
                downloads: jobs.downloads, pictureRows: Details.pictureRows(detailsPictures))
        }
        for placed in composerPictures + detailsPictures { pictures.draw(placed, into: &canvas, theme: theme) }
        drawBottomLines(into: &canvas, theme: theme, layout: layout, overlayOpen: overlayOpen)
        if let compare {
            compare.draw(
                compareJobs, name: jobs.groupName(compare.groupID), into: &canvas, theme: theme, size: size,
                pictures: pictures)
        }
        if help.isOpen { help.draw(into: &canvas, theme: theme, size: size, focus: focus) }
        presets.draw(into: &canvas, theme: theme, size: size)
        if let confirmation {
            let question = confirmation.question(lastSubmitted: submissions.last, now: now, isDemo: environment.isDemo)
            confirmation.draw(into: &canvas, theme: theme, size: size, question: question)
        }
        if overlayOpen, !presets.isNaming { canvas.cursor = nil }
        return canvas
    }

    /// The hint line and the status bar.
    private func drawBottomLines(into canvas: inout Canvas, theme: Theme, layout: ScreenLayout, overlayOpen: Bool) {
        statusBar.drawHints(
            into: &canvas, theme: theme, rect: layout.hints, focus: focus, filter: jobs.filterEditor,
            matches: jobs.visible.count, firstRun: environment.firstRun && jobs.entries.isEmpty, active: !overlayOpen)
        statusBar.draw(
            into: &canvas, theme: theme, rect: layout.statusBar, environment: environment, counts: jobs.counts,
            spentToday: jobs.spend.isEmpty ? nil : jobs.spend.spent(on: now), now: now, focus: focus)
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
