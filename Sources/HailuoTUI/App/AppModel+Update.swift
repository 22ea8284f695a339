import Foundation
import HailuoCore
import TUIKit

extension AppModel {
    /// Applies one message and returns the work to do. Pure: no I/O, no clock, no globals.
    /// Keys go through ``KeyMap``; engine results go to the component they are about.
    public mutating func update(_ msg: Msg) -> [Command] {
        if case .tick(let date) = msg {
            // A tick only moves the clock (and lets a message expire): nothing the steps below look
            // at (selection, layout, toggles, pictures) can have changed. An idle screen ticks
            // every second or two, so it pays for none of them.
            advanceClock(to: date)
            return []
        }
        if case .input = msg { noteInteraction() }
        let shown = details.isOpen ? jobs.selected?.job : nil
        var commands = route(msg)
        // The selected row stays on screen whatever moved it.
        jobs.scrollToSelection(rows: layout.tableRows)
        // The details pane shows the selected job's history: read it when the pane opens, when
        // the selection moves, and when that job changes.
        if let request = details.historyRequest(shown: shown, selected: jobs.selected?.job) {
            commands.append(request)
        }
        // The composer's price follows its toggles.
        if let quote = composer.quoteRequest() { commands.append(quote) }
        // Pictures on screen are made once each, off the UI thread.
        if !isTooSmall { commands += pictures.commands(for: placedPictures(layout).compactMap(\.request)) }
        return commands
    }

    private mutating func route(_ msg: Msg) -> [Command] {
        switch msg {
        case .input(.key(let key)): return press(key)
        case .input(.paste(let text)): return isTooSmall ? [] : paste(text)
        case .input(.resize(let newSize)):
            resize(to: newSize)
            return []
        case .tick(let date):
            advanceClock(to: date)
            return []
        case .terminate:
            markQuitting()
            return [.quit]
        default:
            return receive(msg)
        }
    }

    // MARK: Keys

    /// The scopes whose keys apply now, the first winning.
    var activeScopes: [KeyScope] {
        if confirmation != nil, !isTooSmall { return [.confirmation] }
        if isTooSmall { return [.always] }  // below the minimum size nothing is shown to act on
        if let scopes = presetScopes { return scopes }
        if help.isOpen { return [.always, .help] }
        if compare != nil { return [.always, .compare] }
        if jobs.filterEditor != nil { return [.always, .filter] }
        return KeyMap.scopes(for: focus, cameraList: focus == .prompt && composer.shownCameraList != nil)
    }

    /// Looks `key` up in the map and does what it says; a key the map does not bind does nothing.
    private mutating func press(_ key: Key) -> [Command] {
        guard let resolved = KeyMap.resolve(key, in: activeScopes) else { return [] }
        if case .job(let action) = resolved.entry.action {
            guard let job = jobs.selected?.job else {
                show(
                    jobs.selectedGroupID == nil
                        ? "no job selected" : "a group row: Enter lists its jobs, C compares them, o shows only them")
                return []
            }
            if let refusal = resolved.entry.unavailable?(job) {
                show(refusal.text, error: refusal.isError)
                return []
            }
            return perform(action, on: job)
        }
        return perform(resolved.entry.action, key: key)
    }

    // MARK: Paste

    private mutating func paste(_ text: String) -> [Command] {
        // A question or the help is in front: the paste is not for them, and nothing behind them
        // should change unseen.
        guard confirmation == nil, !help.isOpen, compare == nil else { return [] }
        if presets.mode != nil {
            presets.pasteName(text)
            return []
        }
        if jobs.filterEditor != nil {
            jobs.pasteIntoFilter(text)
            return []
        }
        switch focus {
        case .prompt:
            return take(composer.pasteIntoPrompt(text))
        case .firstFrame, .lastFrame:
            guard let slot = focus.imageSlot else { return [] }
            return take(composer.pasteIntoField(slot, text))
        case .references:
            return take(composer.pasteIntoReferences(text))
        case .options, .jobs:
            // Pasting with the table focused is almost always meant for the prompt.
            moveFocus(to: .prompt)
            return take(composer.pasteIntoPrompt(text))
        }
    }
}
