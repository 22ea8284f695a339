import Foundation
import HailuoCore
import TUIKit

extension Confirmation {
    /// The question in words; `lastSubmitted` says how long ago the same request went out.
    func question(lastSubmitted: SubmittedRecord?, now: Date, isDemo: Bool) -> String {
        switch self {
        case .duplicateSubmit(let parameters):
            let ago = lastSubmitted.map { "\(Formatting.span(now.timeIntervalSince($0.at))) ago" } ?? "a moment ago"
            let what =
                parameters.firstFrame != nil || parameters.lastFrame != nil
                ? "prompt, parameters and image" : "prompt and parameters"
            let cost = isDemo ? "(DEMO: nothing is billed.)" : "It is billed again."
            return "You submitted this same \(what) \(ago). Submit again? \(cost)"
        case .quitWhileSubmitting:
            return "A submission is still on its way. Quit anyway? It will be kept and resumed."
        case .resubmit(let jobID, let notFoundUpstream):
            let why =
                notFoundUpstream
                ? "The provider's request logs show it never arrived." : "It may already be billed upstream."
            return "Resend job \(Formatting.oneLine(jobID, limit: 16))? \(why)"
        case .variants(_, let count, let each):
            let total: String
            switch each {
            case .known(let usd, _)?:
                total = "\(PriceQuote.dollars(usd * Double(count))) in all (\(PriceQuote.dollars(usd)) each)"
            case .unknown?, nil: total = "at a price not known yet"
            }
            let billing = isDemo ? " (DEMO: nothing is billed.)" : ""
            return "Send \(count) jobs of this request as one group, for \(total)?\(billing)"
        }
    }

    /// A small centred box with the question and `y / n`.
    func draw(into canvas: inout Canvas, theme: Theme, size: Size, question: String) {
        let area = Rect(x: 0, y: 0, width: size.width, height: size.height - 1)
        let width = min(64, area.width - 4)
        guard width >= 20 else { return }
        let lines = TextLayout.wrap(question, width: width - 4)
        let height = min(area.height, lines.count + 4)
        let box = Rect(x: (area.width - width) / 2, y: (area.height - height) / 2, width: width, height: height)
        canvas.fill(box)
        Paint.box(box, on: &canvas, style: theme.warning.bolded, glyphs: theme.glyphs)
        Paint.borderText(
            [Span(" Confirm ", theme.warning.bolded)], on: &canvas, rect: box, top: true,
            ellipsis: theme.glyphs.ellipsis)
        let room = box.height - 4
        for (offset, line) in lines.prefix(max(0, room)).enumerated() {
            canvas.draw(line, at: Point(x: box.x + 2, y: box.y + 1 + offset), style: theme.text, maxWidth: width - 4)
        }
        let answers = [
            Span("y", theme.key), Span(" yes", theme.text), Span(" \(theme.separator) ", theme.dim),
            Span("n", theme.key), Span(" or ", theme.text), Span("Esc", theme.key), Span(" no", theme.text),
        ]
        Paint.spans(
            answers, on: &canvas, at: Point(x: box.x + 2, y: box.maxY - 2), width: width - 4,
            ellipsis: theme.glyphs.ellipsis)
    }
}
