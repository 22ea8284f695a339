import HailuoCore
import TUIKit

/// Every key the screen answers to, each declared once. ``AppModel/update(_:)`` dispatches
/// through ``resolve(_:in:)``; the help lists ``bindings``; the hint line and the details pane's
/// key lines are built from them too.
public enum KeyMap {
    /// Every binding, in the help's order within each section.
    public static let bindings: [KeyBinding] =
        everywhere + promptEditor + cameraCommands + imageFields + options + table + overlays

    /// A binding's entry as dispatch sees it: where it applies, resolved.
    public struct Resolved: Sendable {
        public var binding: KeyBinding
        public var entry: KeyBinding.Entry
        public var scope: KeyScope
    }

    /// The entry `key` triggers when `scopes` are active, the first scope winning; an exact key
    /// wins over a pattern in the same scope. `nil`: the key does nothing there.
    public static func resolve(_ key: Key, in scopes: [KeyScope]) -> Resolved? {
        for scope in scopes {
            var fallback: Resolved?
            for binding in bindings {
                for entry in binding.entries where effectiveScopes(entry, of: binding).contains(scope) {
                    guard entry.pattern.matches(key) else { continue }
                    let found = Resolved(binding: binding, entry: entry, scope: scope)
                    if case .key = entry.pattern { return found }
                    if fallback == nil { fallback = found }
                }
            }
            if let fallback { return fallback }
        }
        return nil
    }

    /// Where `entry` applies: its own scopes, else its section's.
    static func effectiveScopes(_ entry: KeyBinding.Entry, of binding: KeyBinding) -> Set<KeyScope> {
        entry.scopes.isEmpty ? [binding.section.scope] : entry.scopes
    }

    /// The bindings of a help section, in order.
    public static func bindings(in section: KeySection) -> [KeyBinding] {
        bindings.filter { $0.section == section }
    }

    // MARK: Everywhere

    static let everywhere: [KeyBinding] = [
        KeyBinding(.everywhere, "Ctrl-S", "submit the composer", [.on(.ctrl("s"), .submit)]),
        KeyBinding(
            .everywhere, "Tab / Shift-Tab", "next / previous part (Tab completes in image fields)",
            [.on(.tab, .focusNext, in: [.prompt, .options, .table]), .on(.backTab, .focusPrevious)]),
        KeyBinding(
            .everywhere, "F1, ? (outside text)", "this help",
            [.on(.function(1), .openHelp), .on(.character("?"), .openHelp, in: [.options, .table])]),
        KeyBinding(
            .everywhere, "F2 F3 F4 F5 F6", "model, duration, resolution, prompt optimizer, variants ×1-×4",
            [
                .on(.function(2), .toggle(.model)), .on(.function(3), .toggle(.duration)),
                .on(.function(4), .toggle(.resolution)), .on(.function(5), .toggle(.promptOptimizer)),
                .on(.function(6), .toggle(.variants)),
            ]),
        KeyBinding(
            .everywhere, "F7 / F8", "recall / save a preset (prompt and parameters)",
            [.on(.function(7), .openPresets), .on(.function(8), .saveAsPreset)]),
        KeyBinding(
            .everywhere, "Esc", "close help, details, filter, candidates; then go to the jobs table",
            [.on(.escape, .back)]),
        KeyBinding(.everywhere, "Ctrl-L", "redraw the screen", [.on(.ctrl("l"), .redraw, in: [.always])]),
        KeyBinding(.everywhere, "Ctrl-Z", "suspend (fg to return)", [.on(.ctrl("z"), .suspend, in: [.always])]),
        KeyBinding(
            .everywhere, "Ctrl-C, q (in the table)", "quit; jobs go on and resume at the next start",
            [.on(.ctrl("c"), .quit, in: [.always]), .on(.character("q"), .quit, in: [.table])]),
    ]

    // MARK: Text fields

    /// Keys every text field's editor handles (the prompt adds Enter and ↑ ↓).
    static let lineEditing: [KeyBinding.Entry] =
        [.matching(.anyCharacter, .edit, in: [.prompt, .imageField])]
        + KeyBinding.Entry.each(
            [
                .backspace, .delete, .left, .right, .home, .end, .ctrl("a"), .ctrl("e"), .ctrlLeft, .ctrlRight,
                .alt("b"), .alt("f"), .ctrl("w"), .alt("\u{7F}"), .alt("\u{08}"), .alt("d"), .ctrl("k"), .ctrl("u"),
                .ctrl("_"), .alt("u"), .alt("r"),
            ], .edit, in: [.prompt, .imageField])

    static let promptEditor: [KeyBinding] = [
        KeyBinding(.prompt, "Enter", "new line (Ctrl-S submits)", [.on(.enter, .edit)]),
        KeyBinding(
            .prompt, "← → ↑ ↓ Home End", "move (Ctrl-A / Ctrl-E: line start / end)",
            [.on(.up, .edit), .on(.down, .edit)]),
        KeyBinding(.prompt, "Ctrl-← Ctrl-→, Alt-B Alt-F", "word left / right", []),
        KeyBinding(.prompt, "Backspace / Delete", "delete the character before / after", []),
        KeyBinding(.prompt, "Ctrl-W, Alt-Backspace / Alt-D", "delete word before / after", []),
        KeyBinding(.prompt, "Ctrl-K / Ctrl-U", "delete to line end / start", []),
        KeyBinding(.prompt, "Ctrl-_ or Alt-U / Alt-R", "undo / redo", lineEditing),
        KeyBinding(
            .prompt, "Ctrl-P / Ctrl-N", "earlier / later prompt",
            [.on(.ctrl("p"), .recallOlderPrompt), .on(.ctrl("n"), .recallNewerPrompt)]),
    ]

    static let imageFields: [KeyBinding] = [
        KeyBinding(
            .imageField, "Tab", "complete the path (~ works); again to list candidates", [.on(.tab, .completePath)]),
        KeyBinding(
            .imageField, "Enter, ↓ / ↑", "next / previous field",
            [.on(.enter, .nextField), .on(.down, .nextField), .on(.up, .previousField)]),
        KeyBinding(.imageField, "Ctrl-U", "clear the field (other keys edit as in the prompt)", []),
    ]

    static let options: [KeyBinding] = [
        KeyBinding(
            .options, "← → h l", "choose a toggle",
            [
                .on(.left, .previousOption), .on(.character("h"), .previousOption), .on(.right, .nextOption),
                .on(.character("l"), .nextOption),
            ]),
        KeyBinding(
            .options, "Space, Enter", "change it (forbidden combinations say why)",
            [.on(.character(" "), .changeOption), .on(.enter, .changeOption)]),
        KeyBinding(
            .options, "+ = / -", "next / previous value; a duration range steps a second up / down",
            [
                .on(.character("+"), .stepOption(1)), .on(.character("="), .stepOption(1)),
                .on(.character("-"), .stepOption(-1)),
            ]),
        KeyBinding(
            .options, "↑ ↓", "previous / next part", [.on(.up, .focusPrevious), .on(.down, .focusNext)]),
    ]
}
