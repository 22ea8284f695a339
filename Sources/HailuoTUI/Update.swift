import Foundation
import HailuoCore
import HailuoEngine
import TUIKit

extension AppModel {
    /// Applies one message and returns the work to do. Pure: no I/O, no clock, no globals.
    public mutating func update(_ msg: Msg) -> [Command] {
        let shown = detailsOpen ? jobs.selected?.job : nil
        var commands = apply(msg)
        // The details pane shows the selected job's history: read it when the pane opens, when
        // the selection moves, and when that job changes.
        if detailsOpen, let job = jobs.selected?.job, job.id != shown?.id || job.updatedAt != shown?.updatedAt {
            commands.append(.loadHistory(jobID: job.id))
        }
        return commands
    }

    private mutating func apply(_ msg: Msg) -> [Command] {
        switch msg {
        case .input(.key(let key)): return handleKey(key)
        case .input(.paste(let text)): return isTooSmall ? [] : handlePaste(text)
        case .input(.resize(let newSize)):
            size = newSize
            keepSelectionVisible()
            return []
        case .tick(let date):
            now = date
            if let flash, flash.until <= date { self.flash = nil }
            return []
        case .terminate:
            quitting = true
            return [.quit]
        default:
            return handleEngineMessage(msg)
        }
    }

    /// The layout at the current size.
    public var layout: ScreenLayout { ScreenLayout(size: size, detailsOpen: detailsOpen) }

    /// Shows a message at the bottom for a few seconds.
    mutating func show(_ text: String, error: Bool = false) {
        flash = Flash(text, kind: error ? .error : .info, until: now.addingTimeInterval(Self.flashSeconds))
    }

    mutating func keepSelectionVisible() {
        jobs.scrollToSelection(rows: layout.tableRows)
    }

    // MARK: Keys

    private mutating func handleKey(_ key: Key) -> [Command] {
        if let confirmation, !isTooSmall { return answer(confirmation, key) }
        // Quit, suspend and redraw work in every mode, the help and the `/` filter included.
        switch key {
        case .ctrl("c"): return requestQuit()
        case .ctrl("z"): return [.suspend]
        case .ctrl("l"): return [.redraw]
        default: break
        }
        if isTooSmall { return [] }  // below the minimum size nothing is shown to act on
        if helpOpen {
            handleHelpKey(key)
            return []
        }
        if filterEditor != nil { return handleFilterKey(key) }
        if let commands = handleGlobalKey(key) { return commands }
        switch focus {
        case .prompt: return handlePromptKey(key)
        case .firstFrame: return handleImageKey(key, slot: .first)
        case .lastFrame: return handleImageKey(key, slot: .last)
        case .options: return handleOptionsKey(key)
        case .jobs: return handleJobsKey(key)
        }
    }

    /// Esc, ?, F1 and q close the help; arrows, j/k, PgUp/PgDn, Home/End scroll it.
    private mutating func handleHelpKey(_ key: Key) {
        let page = max(1, size.height - 6)
        switch key {
        case .escape, .character("?"), .function(1), .character("q"):
            helpOpen = false
            helpScroll = 0
        case .up, .character("k"): helpScroll -= 1
        case .down, .character("j"): helpScroll += 1
        case .pageUp: helpScroll -= page
        case .pageDown, .character(" "): helpScroll += page
        case .home, .character("g"): helpScroll = 0
        case .end, .character("G"): helpScroll = helpMaxScroll
        default: break
        }
        helpScroll = min(max(0, helpScroll), helpMaxScroll)
    }

    /// Keys that mean the same everywhere; `nil` when the key is not one of them.
    private mutating func handleGlobalKey(_ key: Key) -> [Command]? {
        switch key {
        case .ctrl("s"): return requestSubmit()
        case .function(1):
            helpOpen = true
            return []
        case .character("?") where !focus.isTextField:
            helpOpen = true
            return []
        case .function(2): return toggle(.model)
        case .function(3): return toggle(.duration)
        case .function(4): return toggle(.resolution)
        case .function(5): return toggle(.promptOptimizer)
        case .tab where focus != .firstFrame && focus != .lastFrame:
            moveFocus(to: focus.next)
            return []
        case .backTab:
            moveFocus(to: focus.previous)
            return []
        case .escape:
            if composer.completions != nil {
                composer.completions = nil
            } else if detailsOpen {
                detailsOpen = false
            } else if focus != .jobs {
                moveFocus(to: .jobs)
            }
            return []
        default: return nil
        }
    }

    mutating func moveFocus(to target: Focus) {
        focus = target
        composer.completions = nil
        if target != .jobs, detailsOpen, size.width < ScreenLayout.sideBySideWidth {
            detailsOpen = false
        }
    }

    /// Ctrl-C, or q in the table: quit at once, or ask first while a submission is on its way.
    mutating func requestQuit() -> [Command] {
        if submissionsInFlight > 0 {
            confirmation = .quitWhileSubmitting
            return []
        }
        quitting = true
        return [.quit]
    }

    private mutating func answer(_ confirmation: Confirmation, _ key: Key) -> [Command] {
        let yes = key == .character("y") || key == .character("Y")
        let no = key == .character("n") || key == .character("N") || key == .escape || key == .ctrl("c")
        guard yes || no else { return [] }
        self.confirmation = nil
        guard yes else { return [] }
        switch confirmation {
        case .duplicateSubmit(let parameters): return submit(parameters)
        case .quitWhileSubmitting:
            quitting = true
            return [.quit]
        case .resubmit(let jobID): return [.resubmit(jobID: jobID)]
        }
    }

    // MARK: Paste

    private mutating func handlePaste(_ text: String) -> [Command] {
        // A question or the help is in front: the paste is not for them, and nothing behind them
        // should change unseen.
        guard confirmation == nil, !helpOpen else { return [] }
        if var filter = filterEditor {
            _ = filter.insert(text)
            filterEditor = filter
            applyTextFilter(filter.text)
            return []
        }
        switch focus {
        case .prompt:
            return report(composer.prompt.insert(text), field: .prompt)
        case .firstFrame, .lastFrame:
            let slot: ImageSlot = focus == .firstFrame ? .first : .last
            var editor = composer.field(slot)
            let result = editor.insert(text)
            composer.setField(slot, editor)
            return imageFieldEdited(slot, result)
        case .options, .jobs:
            // Pasting with the table focused is almost always meant for the prompt.
            moveFocus(to: .prompt)
            return report(composer.prompt.insert(text), field: .prompt)
        }
    }

    /// Turns an edit result into feedback: a refused edit says why, an edit clears the field's error.
    mutating func report(_ result: TextEditor.EditResult, field: ValidationIssue.Field) -> [Command] {
        switch result {
        case .refused(let reason): show(reason, error: true)
        case .changed:
            composer.issues[field] = nil
            if field == .prompt { composer.historyIndex = nil }
        default: break
        }
        return []
    }
}
