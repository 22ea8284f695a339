import TUIKit

extension Key {
    /// How the key is written in the help, the hint line and the details pane: `Ctrl-S`, `F2`,
    /// `Shift-Tab`, `←`, `PgDn`, `Space`, `q`.
    public var name: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .ctrl(let character): "Ctrl-" + String(character).uppercased()
        case .alt("\u{7F}"), .alt("\u{08}"): "Alt-Backspace"
        case .alt(let character): "Alt-" + String(character).uppercased()
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .escape: "Esc"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .ctrlUp: "Ctrl-↑"
        case .ctrlDown: "Ctrl-↓"
        case .ctrlLeft: "Ctrl-←"
        case .ctrlRight: "Ctrl-→"
        case .shiftUp: "Shift-↑"
        case .shiftDown: "Shift-↓"
        case .shiftLeft: "Shift-←"
        case .shiftRight: "Shift-→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Insert"
        case .function(let number): "F\(number)"
        case .unknown(let code): "key \(code)"
        }
    }
}
