import Foundation
import HailuoCore
import TUIKit

extension AppModel {
    /// Does what a key bound to `action` does; `key` goes to the focused editor for ``KeyAction/edit``.
    mutating func perform(_ action: KeyAction, key: Key) -> [Command] {
        switch action {
        case .submit: return requestSubmit()
        case .openHelp: help.open()
        case .toggle(let option): composer.toggle(option)
        case .focusNext: moveFocus(to: step(focus, forward: true))
        case .focusPrevious: moveFocus(to: step(focus, forward: false))
        case .back: back()
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .quit: return requestQuit()
        case .edit: return edit(key)
        case .recallOlderPrompt, .recallNewerPrompt:
            return take(composer.recallPrompt(older: action == .recallOlderPrompt, history: promptHistory))
        case .moveCameraChoice, .insertCameraCommand, .closeCameraList: return camera(action)
        case .completePath:
            guard let slot = focus.imageSlot else {
                moveFocus(to: step(focus, forward: true))
                return []
            }
            return take(composer.completePath(slot))
        case .nextField: moveFocus(to: step(focus, forward: true))
        case .previousField: moveFocus(to: step(focus, forward: false))
        case .previousOption: composer.selectOption(by: -1)
        case .nextOption: composer.selectOption(by: 1)
        case .changeOption: composer.toggle(composer.selectedOption)
        case .stepOption(let step): composer.stepSelectedOption(by: step)
        case .moveSelection(let move): jobs.moveSelection(by: rows(for: move))
        case .toggleDetails:
            if let group = jobs.selectedGroupID {
                jobs.toggleExpanded(group)
            } else {
                details.toggle()
            }
        case .toggleGroupFilter: toggleGroupFilter()
        case .openCompare: openCompare()
        case .compareMove(let step):
            let count = compareJobs.count
            compare?.move(by: step, count: count)
        case .compareOpenDetails: return openComparedInDetails()
        case .compareFavourite:
            guard let job = comparedJob else { return [] }
            return perform(.toggleFavourite, on: job)
        case .closeCompare: compare = nil
        case .startFilter: jobs.startFilter()
        case .cycleStatusFilter:
            jobs.cycleStatusFilter()
            show("showing \(jobs.statusFilter.rawValue) jobs")
        case .cycleSort:
            jobs.cycleSort()
            show("sorted by \(jobs.sort.rawValue)")
        case .togglePause:
            show(jobs.togglePause() ? "updates paused (p resumes); jobs still run" : "updates resumed")
        case .toggleShowHidden:
            jobs.toggleShowHidden()
            show(jobs.showHidden ? "hidden jobs are shown" : "hidden jobs are not shown")
        case .job(let action):
            guard let job = jobs.selected?.job else { return [] }
            return perform(action, on: job)
        case .closeHelp: help.close()
        case .scrollHelp(let move): help.scroll(move, size: size, focus: focus, theme: theme)
        case .keepFilter:
            jobs.keepFilter()
            show(jobs.textFilter.isEmpty ? "filter cleared" : "\(jobs.visible.count) jobs match")
        case .clearFilter: jobs.clearFilter()
        case .answer(let yes): return answer(yes)
        case .saveAsPreset, .openPresets, .editPresetName, .confirmPresetName, .closePresets, .presetMove,
            .loadPreset:
            return performPresetAction(action, key: key)
        }
        return []
    }

    /// A key for the focused text field's editor.
    private mutating func edit(_ key: Key) -> [Command] {
        if jobs.filterEditor != nil {
            jobs.editFilter(key)
            return []
        }
        let layout = self.layout
        if let slot = focus.imageSlot {
            return take(composer.editField(slot, key, width: max(1, layout.firstFrame.width)))
        }
        if focus == .references {
            return take(composer.editReferences(key, width: max(1, layout.references.width)))
        }
        return take(composer.editPrompt(key, width: max(1, layout.promptText.width)))
    }

    /// Esc: closes the candidate list, else the details pane, else goes to the table.
    private mutating func back() {
        if composer.closeCompletions() { return }
        if details.isOpen {
            details.close()
        } else if focus != .jobs {
            moveFocus(to: .jobs)
        }
    }

    /// Rows a selection move covers in the table (a page is one row less than the table).
    private func rows(for move: SelectionMove) -> Int {
        let page = max(1, layout.tableRows - 1)
        switch move {
        case .up: return -1
        case .down: return 1
        case .pageUp: return -page
        case .pageDown: return page
        case .first: return -jobs.visible.count
        case .last: return jobs.visible.count
        }
    }

    /// Ctrl-C, or q in the table: quit at once, or ask first while a submission is on its way.
    mutating func requestQuit() -> [Command] {
        if submissions.inFlight > 0 {
            confirmation = .quitWhileSubmitting
            return []
        }
        markQuitting()
        return [.quit]
    }

    private mutating func answer(_ yes: Bool) -> [Command] {
        if presets.isAskingToReplace { return take(presets.answerReplace(yes)) }
        guard let question = confirmation else { return [] }
        confirmation = nil
        guard yes else { return [] }
        if case .variants(let parameters, let count, _) = question { return submitVariants(parameters, count: count) }
        let (commands, quit) = question.accepted { submit($0) }
        if quit { markQuitting() }
        return commands
    }

    // MARK: Submit

    /// Ctrl-S: validate (nothing is sent when anything is wrong), ask before a quick repeat, send.
    mutating func requestSubmit() -> [Command] {
        composer.clearOptionNote()
        let parameters = composer.parameters
        let issues = Validator.issues(for: parameters)
        if !issues.isEmpty {
            showIssues(issues)
            return []
        }
        for slot in ImageSlot.allCases {
            if let verdict = composer.refusingVerdict(slot) {
                composer.setIssue(verdict.summary, for: slot.field)
                moveFocus(to: slot.focus)
                show("not sent: \(slot.label.lowercased()): \(verdict.summary)", error: true)
                return []
            }
        }
        if composer.variants > 1 {
            confirmation = .variants(parameters, count: composer.variants, each: composer.currentQuote)
            return []
        }
        if submissions.isRepeat(parameters, now: now) {
            confirmation = .duplicateSubmit(parameters)
            return []
        }
        return submit(parameters)
    }

    /// Sends `count` jobs of `parameters` as one group.
    mutating func submitVariants(_ parameters: GenerationParameters, count: Int) -> [Command] {
        submissions.began(parameters, at: now)
        composer.clearIssues()
        show("submitting \(count) variants\(environment.glyphs.ellipsis)")
        return [.submitVariants(parameters, count: count)]
    }

    private mutating func submit(_ parameters: GenerationParameters) -> [Command] {
        submissions.began(parameters, at: now)
        composer.clearIssues()
        show("submitting…")
        return [.submit(parameters)]
    }

    /// Puts each issue next to its field, moves to the first, and says that nothing was sent.
    mutating func showIssues(_ issues: [ValidationIssue]) {
        composer.show(issues)
        guard let first = issues.first else { return }
        switch first.field {
        case .prompt: moveFocus(to: .prompt)
        case .firstFrame: moveFocus(to: .firstFrame)
        case .lastFrame: moveFocus(to: .lastFrame)
        case .referenceImages, .referenceVideos, .referenceAudio: moveFocus(to: .references)
        case .model, .duration, .resolution, .promptOptimizer, .ratio: moveFocus(to: .options)
        }
        let more = issues.count > 1 ? " (+\(issues.count - 1) more)" : ""
        show("not sent: \(first.message)\(more)", error: true)
    }

    /// Earlier prompts, newest first, without repeats: from every job in the store.
    var promptHistory: [String] {
        var seen = Set<String>()
        return jobs.entries.values
            .sorted { $0.job.createdAt > $1.job.createdAt }
            .map(\.job.parameters.prompt)
            .filter { seen.insert($0).inserted }
    }
}

extension AppModel {
    /// The part Tab (or Shift-Tab) moves to from `focus`, past the references field when the
    /// model takes none.
    func step(_ focus: Focus, forward: Bool) -> Focus {
        let next = forward ? focus.next : focus.previous
        guard next == .references, !composer.takesReferences else { return next }
        return forward ? next.next : next.previous
    }
}
