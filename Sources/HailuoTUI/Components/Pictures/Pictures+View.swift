import Foundation
import HailuoCore
import TUIKit

extension Pictures {
    /// Draws `placed`: its picture centred in its rect (frames of a strip side by side), a quiet
    /// ellipsis while it is being made, or the reason there is none; then its caption (for a
    /// strip: the clip's duration, size and codec as read from the file).
    func draw(_ placed: PlacedPicture, into canvas: inout Canvas, theme: Theme) {
        let rect = placed.rect
        guard !rect.isEmpty else { return }
        var caption = placed.caption
        switch placed.content {
        case .note(let text):
            Self.drawWords(theme.ascii(text), in: rect, on: &canvas, style: theme.dim)
        case .picture(let request):
            switch state(of: request) {
            case nil, .loading?:
                Paint.centered(
                    theme.glyphs.ellipsis, on: &canvas, rect: rect, y: rect.y + rect.height / 2, style: theme.dim,
                    ellipsis: theme.glyphs.ellipsis)
            case .ready(.unavailable(let reason))?:
                Self.drawWords(theme.ascii(reason), in: rect, on: &canvas, style: theme.dim)
                if case .clipStrip = request.source { caption = nil }
            case .ready(.pictures(let frames, let clip))?:
                Self.drawFrames(frames, slot: request.box, in: rect, on: &canvas)
                if let clip, case .clipStrip = request.source { caption = Self.facts(clip, separator: theme.separator) }
            }
        }
        if let caption, rect.maxY < canvas.height {
            Paint.centered(
                theme.ascii(caption), on: &canvas, rect: Rect(x: rect.x, y: rect.maxY, width: rect.width, height: 1),
                y: rect.maxY, style: theme.dim, ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// `3.0 s · 320x180 · h264 (from the file)`.
    static func facts(_ clip: ClipInfo, separator: String) -> String {
        let seconds = String(format: "%.1f s", clip.durationSeconds)
        return "\(seconds) \(separator) \(clip.width)x\(clip.height) \(separator) \(clip.codec) (read from the file)"
    }

    /// Pictures left to right, each centred in a slot of `slot` cells, one column apart; the row
    /// of slots is centred in `rect`.
    private static func drawFrames(_ frames: [CellPicture], slot: Size, in rect: Rect, on canvas: inout Canvas) {
        guard !frames.isEmpty else { return }
        let slotWidth = frames.count == 1 ? rect.width : slot.width
        let total = frames.count * slotWidth + (frames.count - 1)
        var x = rect.x + max(0, (rect.width - total) / 2)
        for frame in frames {
            let origin = Point(
                x: x + max(0, (slotWidth - frame.size.width) / 2),
                y: rect.y + max(0, (rect.height - frame.size.height) / 2))
            canvas.draw(frame, at: origin, clip: rect)
            x += slotWidth + 1
        }
    }

    /// Words wrapped into `rect`, vertically centred.
    private static func drawWords(_ text: String, in rect: Rect, on canvas: inout Canvas, style: Style) {
        let lines = Array(TextLayout.wrap(Formatting.oneLine(text, limit: 200), width: rect.width).prefix(rect.height))
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            Paint.centered(line, on: &canvas, rect: rect, y: top + index, style: style, ellipsis: "")
        }
    }
}
