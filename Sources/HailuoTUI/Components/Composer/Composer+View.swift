import Foundation
import HailuoCore
import TUIKit

extension Composer {
    /// The prompt box, the two image fields, the options row and the note row. `focus` is the
    /// screen's; `active` is false while an overlay or the filter has the keys (no cursor then).
    func draw(
        into canvas: inout Canvas, theme: Theme, layout: ScreenLayout, focus: Focus, active: Bool, demo: Bool
    ) {
        drawPromptBox(into: &canvas, theme: theme, layout: layout, focused: focus == .prompt, active: active)
        drawImageField(.first, into: &canvas, theme: theme, rect: layout.firstFrame, focus: focus, active: active)
        drawImageField(.last, into: &canvas, theme: theme, rect: layout.lastFrame, focus: focus, active: active)
        drawReferences(
            into: &canvas, theme: theme, rect: layout.references, focused: focus == .references, active: active)
        drawOptions(into: &canvas, theme: theme, rect: layout.options, focus: focus, demo: demo)
        drawNote(into: &canvas, theme: theme, layout: layout, focus: focus)
    }

    /// The placeholder of the empty prompt editor.
    static let promptPlaceholder = "Describe the video… (Enter: new line, Ctrl-S: submit)"

    private func drawPromptBox(
        into canvas: inout Canvas, theme: Theme, layout: ScreenLayout, focused: Bool, active: Bool
    ) {
        let box = layout.promptBox
        Paint.box(box, on: &canvas, style: focused ? theme.focusedBorder : theme.border, glyphs: theme.glyphs)
        let count = prompt.utf16Count
        let limit = Validator.maxPromptLength(for: model)
        let counterStyle: Style =
            count >= limit ? theme.error.bolded : (count >= limit * 9 / 10 ? theme.warning.bolded : theme.label)
        let counter = " \(count)/\(limit) "
        let used = Paint.borderText(
            [Span(" Prompt ", focused ? theme.focusedTitle : theme.title)], on: &canvas, rect: box, top: true,
            reserve: counter.displayWidth + 1, ellipsis: theme.glyphs.ellipsis)
        Paint.borderText(
            [Span(counter, counterStyle)], on: &canvas, rect: box, top: true, alignRight: true, reserve: used + 1,
            ellipsis: theme.glyphs.ellipsis)
        let scroll = promptScrollMarks(theme: theme, rect: layout.promptText)
        let marks = Paint.borderText(
            scroll, on: &canvas, rect: box, top: false, alignRight: true, ellipsis: theme.glyphs.ellipsis)
        if let issue = issues[.prompt] {
            let text = " \(theme.glyphs.cross) \(theme.ascii(Self.withoutLabel(Formatting.oneLine(issue), .prompt))) "
            Paint.borderText(
                [Span(text, theme.error)], on: &canvas, rect: box, top: false, reserve: marks + 1,
                ellipsis: theme.glyphs.ellipsis)
        } else {
            drawCameraNote(into: &canvas, theme: theme, box: box, reserve: marks + 1)
        }
        prompt.render(
            into: &canvas, rect: layout.promptText, style: theme.text,
            placeholder: theme.ascii(Self.promptPlaceholder), placeholderStyle: theme.dim,
            focused: focused && active)
    }

    /// `↑2 ↓1` in the prompt box's bottom border when the text has rows above or below the
    /// visible ones (the editor scrolls to keep the cursor's row in view).
    func promptScrollMarks(theme: Theme, rect: Rect) -> [Span] {
        guard rect.width > 0, rect.height > 0, !prompt.isEmpty else { return [] }
        let layout = prompt.layout(width: rect.width)
        let firstRow = max(0, layout.cursorRow - rect.height + 1)
        let below = max(0, layout.lines.count - firstRow - rect.height)
        var parts: [String] = []
        if firstRow > 0 { parts.append("\(theme.glyphs.arrowUp)\(firstRow)") }
        if below > 0 { parts.append("\(theme.glyphs.arrowDown)\(below)") }
        guard !parts.isEmpty else { return [] }
        return [Span(" \(parts.joined(separator: " ")) more lines ", theme.dim)]
    }

    /// An issue's message without its leading field name (`first frame: `), for showing it next
    /// to that field.
    static func withoutLabel(_ message: String, _ field: ValidationIssue.Field) -> String {
        let prefix = field.label + ": "
        guard message.lowercased().hasPrefix(prefix) else { return message }
        return String(message.dropFirst(prefix.count))
    }

    /// Columns before an image field's editor: a focus marker, the label and a space.
    static let fieldLabelWidth = 14

    private func drawImageField(
        _ slot: ImageSlot, into canvas: inout Canvas, theme: Theme, rect: Rect, focus: Focus, active: Bool
    ) {
        guard !rect.isEmpty else { return }
        let focused = focus == slot.focus
        if focused { canvas.draw(theme.glyphs.pointer, at: Point(x: rect.x, y: rect.y), style: theme.focusedLabel) }
        canvas.draw(
            slot.label, at: Point(x: rect.x + 2, y: rect.y), style: focused ? theme.focusedLabel : theme.label,
            maxWidth: Self.fieldLabelWidth - 2)
        let note = fieldNote(slot, theme: theme)
        let editorX = rect.x + Self.fieldLabelWidth
        let available = rect.maxX - editorX
        let noteWidth = min(note.displayWidth, Self.fieldNoteRoom(fieldWidth: rect.width))
        let editorWidth = max(1, available - (noteWidth > 0 ? noteWidth + 2 : 1))
        let editorRect = Rect(x: editorX, y: rect.y, width: editorWidth, height: 1)
        canvas.fill(editorRect, style: theme.field)
        field(slot).render(
            into: &canvas, rect: editorRect, style: theme.field, placeholder: "path or URL (Tab completes)",
            placeholderStyle: theme.field.dimmed, focused: focused && active)
        if noteWidth > 0 {
            Paint.spans(
                note, on: &canvas, at: Point(x: rect.maxX - noteWidth, y: rect.y), width: noteWidth,
                ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// The references field: the same shape as an image field, with what it holds by kind.
    private func drawReferences(into canvas: inout Canvas, theme: Theme, rect: Rect, focused: Bool, active: Bool) {
        guard !rect.isEmpty else { return }
        if focused { canvas.draw(theme.glyphs.pointer, at: Point(x: rect.x, y: rect.y), style: theme.focusedLabel) }
        canvas.draw(
            "References", at: Point(x: rect.x + 2, y: rect.y), style: focused ? theme.focusedLabel : theme.label,
            maxWidth: Self.fieldLabelWidth - 2)
        let note = referencesNote(theme: theme)
        let editorX = rect.x + Self.fieldLabelWidth
        let noteWidth = min(note.displayWidth, Self.fieldNoteRoom(fieldWidth: rect.width))
        let editorWidth = max(1, rect.maxX - editorX - (noteWidth > 0 ? noteWidth + 2 : 1))
        let editorRect = Rect(x: editorX, y: rect.y, width: editorWidth, height: 1)
        canvas.fill(editorRect, style: theme.field)
        references.render(
            into: &canvas, rect: editorRect, style: theme.field,
            placeholder: "images, video:URL, audio:URL (space between)", placeholderStyle: theme.field.dimmed,
            focused: focused && active)
        if noteWidth > 0 {
            Paint.spans(
                note, on: &canvas, at: Point(x: rect.maxX - noteWidth, y: rect.y), width: noteWidth,
                ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// Right of the references field: its issue, else what it holds by kind, else the limits.
    func referencesNote(theme: Theme) -> [Span] {
        for field in [ValidationIssue.Field.referenceImages, .referenceVideos, .referenceAudio] {
            if let issue = issues[field] {
                return [Span("\(theme.glyphs.cross) \(theme.ascii(Formatting.oneLine(issue)))", theme.error)]
            }
        }
        let found = ReferenceText.parse(references.text)
        let summary = ReferenceText.summary(found, separator: theme.ascii("·"))
        guard !summary.isEmpty, let limits = modelSpec?.references else {
            guard let limits = modelSpec?.references else { return [] }
            let text = "(optional: ≤\(limits.images) images, \(limits.videos) videos, \(limits.audio) audio)"
            return [Span(theme.ascii(text), theme.dim)]
        }
        let over = ReferenceKind.allCases.contains { (found[$0]?.count ?? 0) > (modelSpec?.referenceLimit($0) ?? 0) }
        let total = found.values.reduce(0) { $0 + $1.count }
        let overTotal = limits.total.map { total > $0 } ?? false
        return [Span(theme.ascii(summary), over || overTotal ? theme.warning : theme.ok)]
    }

    /// Columns right of an image field for its note: the editor keeps at least half the room
    /// (and 22 columns), the note gets the rest.
    static func fieldNoteRoom(fieldWidth: Int) -> Int {
        let available = fieldWidth - fieldLabelWidth
        return max(0, available - max(22, available / 2))
    }

    /// What shows right of an image field: its issue, else the preflight verdict, else whether
    /// the model wants an image there.
    func fieldNote(_ slot: ImageSlot, theme: Theme) -> [Span] {
        let field = slot.field
        if let issue = issues[field] {
            let text = theme.ascii(Self.withoutLabel(Formatting.oneLine(issue), field))
            return [Span("\(theme.glyphs.cross) \(text)", theme.error)]
        }
        let typed = reference(slot)
        guard let model = modelSpec else {
            // A model the table does not know (from an old job or the config): no rule to show.
            return typed.isEmpty ? [] : verdictNote(slot, typed: typed, theme: theme)
        }
        let rule = slot == .first ? model.firstFrame : model.lastFrame
        let name = Formatting.shortModel(model.id.rawValue)
        if typed.isEmpty {
            switch rule {
            case .optional: return [Span("(optional)", theme.dim)]
            case .required: return [Span("(required by \(name))", theme.warning)]
            case .notAccepted: return [Span("(not used by \(name))", theme.dim)]
            }
        }
        if rule == .notAccepted {
            return [Span("\(name) takes no \(slot.label.lowercased())", theme.warning)]
        }
        return verdictNote(slot, typed: typed, theme: theme)
    }

    /// The preflight's verdict on what is typed in an image field, or `checking…` until it comes.
    private func verdictNote(_ slot: ImageSlot, typed: String, theme: Theme) -> [Span] {
        guard let verdict = verdicts[slot], verdict.reference == typed else {
            return [Span(theme.ascii("checking…"), theme.dim)]
        }
        let summary = theme.ascii(Formatting.oneLine(verdict.summary))
        return verdict.isUsable
            ? [Span(summary, theme.ok)] : [Span("\(theme.glyphs.cross) \(summary)", theme.error)]
    }

    // MARK: Options

    private func drawOptions(into canvas: inout Canvas, theme: Theme, rect: Rect, focus: Focus, demo: Bool) {
        guard !rect.isEmpty else { return }
        let focused = focus == .options
        if focused { canvas.draw(theme.glyphs.pointer, at: Point(x: rect.x, y: rect.y), style: theme.focusedLabel) }
        let room = rect.width - 2
        let variants = [
            optionSpans(theme: theme, focused: focused, functionKeys: true, shortLabels: false),
            optionSpans(theme: theme, focused: focused, functionKeys: false, shortLabels: false),
            optionSpans(theme: theme, focused: focused, functionKeys: false, shortLabels: true),
            optionSpans(theme: theme, focused: focused, functionKeys: false, shortLabels: true, chosenOnly: true),
        ]
        // The price of exactly what Ctrl-S would send sits at the right end, in the longest
        // wording that fits beside the fullest toggles.
        let prices = priceWordings(demo: demo)
        for spans in variants {
            for price in prices where spans.displayWidth + 2 + price.displayWidth <= room {
                Paint.spans(
                    spans, on: &canvas, at: Point(x: rect.x + 2, y: rect.y), width: room,
                    ellipsis: theme.glyphs.ellipsis)
                let style = currentQuote?.usd == nil ? theme.dim : theme.label.bolded
                canvas.draw(theme.ascii(price), at: Point(x: rect.maxX - price.displayWidth, y: rect.y), style: style)
                return
            }
        }
        let spans = variants.first { $0.displayWidth <= room } ?? variants[variants.count - 1]
        Paint.spans(
            spans, on: &canvas, at: Point(x: rect.x + 2, y: rect.y), width: room, ellipsis: theme.glyphs.ellipsis)
    }

    /// The price line's wordings, longest first: `$0.29 a clip (catalogue)` … `$0.29`; nothing
    /// while the quote is on its way.
    func priceWordings(demo: Bool) -> [String] {
        switch currentQuote {
        case nil: return []
        case .known(let usd, let source)? where variants > 1:
            let figure = "\(PriceQuote.dollars(usd * Double(variants))) for \(variants)"
            if demo { return ["\(figure) (DEMO, not billed)", "\(figure) DEMO", figure] }
            return ["\(figure) (\(source.label))", figure]
        case .known(let usd, let source)?:
            let figure = PriceQuote.dollars(usd)
            if demo { return ["\(figure) a clip (DEMO, not billed)", "\(figure) a clip DEMO", "\(figure) DEMO"] }
            return ["\(figure) a clip (\(source.label))", "\(figure) a clip", figure]
        case .unknown(let reason)?:
            return ["price unknown: \(Formatting.oneLine(reason, limit: 40))", "price unknown", "$?"]
        }
    }

    /// One value of a toggle as drawn.
    private enum ValueState {
        case chosen
        case available
        case forbidden
        /// The one value of a range, stepped with + and - (drawn `◂6 s▸`).
        case stepper
    }

    /// The options row: each toggle's label and values, the chosen one bracketed.
    func optionSpans(theme: Theme, focused: Bool, functionKeys: Bool, shortLabels: Bool, chosenOnly: Bool = false)
        -> [Span]
    {
        let modelValues: [(String, ValueState)] = [(Formatting.shortModel(self.model.rawValue), .chosen)]
        let known = modelSpec != nil
        // A model the table does not know has no rules to offer: only the chosen values show.
        let durationValues = modelSpec?.durations ?? [duration]
        let resolutionValues = modelSpec?.resolutions ?? [resolution]
        let takesOptimizer = modelSpec?.takesPromptOptimizer ?? false
        let durations: [(String, ValueState)] = durationValues.map { duration in
            guard let model = modelSpec else { return ("\(duration) s", .chosen) }
            let allowed = model.takesDuration && model.allowedDurations(for: self.resolution).contains(duration)
            return ("\(duration) s", duration == self.duration ? .chosen : (allowed ? .available : .forbidden))
        }
        let resolutions: [(String, ValueState)] = resolutionValues.map { resolution in
            guard let model = modelSpec else { return (resolution.rawValue, .chosen) }
            let allowed = model.takesResolution && model.allowedResolutions(for: self.duration).contains(resolution)
            return (
                resolution.rawValue, resolution == self.resolution ? .chosen : (allowed ? .available : .forbidden)
            )
        }
        let durationsShown: [(String, ValueState)] =
            modelSpec?.durationIsRange == true
            ? [("\(duration) s", .stepper)] : durations
        let ratioChoices: [AspectRatio?] = [nil] + (modelSpec?.ratios ?? []).map(Optional.some)
        let ratios: [(String, ValueState)] = ratioChoices.map { value in
            (value?.rawValue ?? "auto", value == ratio ? .chosen : .available)
        }
        let optimizer: [(String, ValueState)] = [true, false].map { value in
            let state: ValueState =
                value == self.promptOptimizer ? .chosen : (takesOptimizer ? .available : .forbidden)
            return (value ? "on" : "off", state)
        }
        let variantValues: [(String, ValueState)] = (1...Self.maxVariants).map {
            ("×\($0)", $0 == variants ? .chosen : .available)
        }
        let shown = shownOptions
        let groups: [(OptionField, String, String, String, [(String, ValueState)], ValidationIssue.Field?)] = [
            (.model, "F2", "Model", "Model", modelValues, .model),
            (.duration, "F3", "Duration", "Dur", durationsShown, .duration),
            (.resolution, "F4", "Resolution", "Res", resolutions, .resolution),
            (.promptOptimizer, "F5", "Optimizer", "Opt", optimizer, .promptOptimizer),
            (.ratio, "", "Ratio", "Ratio", ratios, .ratio),
            (.variants, "F6", "Variants", "Var", variantValues, nil),
        ].filter { shown.contains($0.0) }
        let (open, close) = theme.chosenBrackets
        var spans: [Span] = []
        for (index, group) in groups.enumerated() {
            let (option, functionKey, label, shortLabel, values, field) = group
            if index > 0 { spans.append(Span("  ")) }
            let selected = focused && selectedOption == option
            let hasIssue = field.map { issues[$0] != nil } ?? false || (option == .model && !known)
            if functionKeys, !functionKey.isEmpty { spans.append(Span("\(functionKey) ", theme.dim)) }
            var labelStyle = hasIssue ? theme.error.bolded : theme.label
            if selected { labelStyle = labelStyle.reversed.bolded }
            spans.append(Span(shortLabels ? shortLabel : label, labelStyle))
            spans.append(Span(" "))
            // Every value is two columns wider than its text (brackets or spaces), so choosing
            // another one moves nothing.
            for (text, state) in values where !chosenOnly || state == .chosen || state == .stepper {
                switch state {
                case .stepper:
                    let style = selected ? theme.chosenFocused : (hasIssue ? theme.error.bolded : theme.chosen)
                    spans.append(Span(theme.ascii("◂") + text + theme.ascii("▸"), style))
                case .chosen:
                    let style = selected ? theme.chosenFocused : (hasIssue ? theme.error.bolded : theme.chosen)
                    spans.append(Span(open + text + close, style))
                case .available: spans.append(Span(" \(text) ", theme.text))
                case .forbidden: spans.append(Span(" \(text) ", theme.forbidden))
                }
            }
        }
        return spans
    }

    // MARK: Note row

    private func drawNote(into canvas: inout Canvas, theme: Theme, layout: ScreenLayout, focus: Focus) {
        let rect = layout.note
        guard !rect.isEmpty else { return }
        let spans = noteSpans(theme: theme, focus: focus, fieldWidth: layout.firstFrame.width)
        Paint.spans(
            spans, on: &canvas, at: Point(x: rect.x + 2, y: rect.y), width: rect.width - 2,
            ellipsis: theme.glyphs.ellipsis)
    }

    /// Path candidates while completing, else why a toggle was refused, else an options issue,
    /// else the focused image field's note in full when it is cut short beside the field.
    func noteSpans(theme: Theme, focus: Focus, fieldWidth: Int) -> [Span] {
        if focus == .prompt, let camera = cameraListSpans(theme: theme, width: fieldWidth - 2) { return camera }
        if let completions = completions, !completions.candidates.isEmpty {
            return candidateSpans(completions.candidates, theme: theme, width: fieldWidth - 2)
        }
        if let note = optionNote {
            return [Span(theme.ascii(Formatting.oneLine(note)), theme.warning)]
        }
        for field in [ValidationIssue.Field.model, .duration, .resolution, .promptOptimizer, .ratio] {
            if let issue = issues[field] {
                return [Span("\(theme.glyphs.cross) \(theme.ascii(Formatting.oneLine(issue)))", theme.error)]
            }
        }
        for slot in ImageSlot.allCases where focus == slot.focus {
            let note = fieldNote(slot, theme: theme)
            if note.displayWidth > Self.fieldNoteRoom(fieldWidth: fieldWidth) { return note }
        }
        if focus == .references {
            let note = referencesNote(theme: theme)
            if note.displayWidth > Self.fieldNoteRoom(fieldWidth: fieldWidth) { return note }
        }
        return []
    }

    /// As many candidates as fit, then `+N more`.
    private func candidateSpans(_ candidates: [String], theme: Theme, width: Int) -> [Span] {
        var spans = [Span("Tab:", theme.dim)]
        var used = spans.displayWidth
        for (index, candidate) in candidates.enumerated() {
            let isDirectory = candidate.hasSuffix("/")
            let name = Formatting.oneLine(Formatting.fileName(candidate), limit: 80) + (isDirectory ? "/" : "")
            let left = candidates.count - index - 1
            let moreWidth = left > 0 ? " +\(left) more".displayWidth : 0
            let gap = index == 0 ? 1 : 2
            if used + gap + name.displayWidth + moreWidth > width {
                spans.append(Span(" +\(candidates.count - index) more", theme.dim))
                return spans
            }
            spans.append(Span(String(repeating: " ", count: gap)))
            spans.append(Span(name, isDirectory ? theme.label.bolded : theme.text))
            used += gap + name.displayWidth
        }
        return spans
    }
}
