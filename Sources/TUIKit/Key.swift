/// One key press, decoded from the terminal.
public enum Key: Sendable, Hashable {
    /// A printable character (already composed: CJK, emoji, accented letters).
    case character(Character)
    /// Ctrl plus a letter (`ctrl("a")`), sent as the control byte 1...26 and a few others.
    case ctrl(Character)
    /// Alt (Meta) plus a character, sent as ESC followed by it.
    case alt(Character)
    case enter
    case tab
    case backTab
    case backspace
    case delete
    case escape
    case up, down, left, right
    case ctrlUp, ctrlDown, ctrlLeft, ctrlRight
    case shiftUp, shiftDown, shiftLeft, shiftRight
    case home, end, pageUp, pageDown, insert
    /// F1...F12.
    case function(Int)
    /// A key code the decoder does not name (kept so it can be logged, never acted on).
    case unknown(Int32)
}

/// What the terminal delivers to the application.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    /// Text pasted with bracketed paste: inserted as is, newlines included, never submitted.
    case paste(String)
    /// The window changed size.
    case resize(Size)
}
