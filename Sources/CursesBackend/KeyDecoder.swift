import TUIKit

/// One thing `wget_wch` returned, before decoding: the return code decides which case (OK is a
/// character, KEY_CODE_YES a key code: their values overlap, so the value alone cannot tell).
public enum RawInput: Sendable, Hashable {
    /// `wget_wch` returned OK: a Unicode scalar value (control bytes included).
    case character(UInt32)
    /// `wget_wch` returned KEY_CODE_YES: an ncurses key code (other than KEY_RESIZE).
    case keyCode(Int32)
    /// KEY_RESIZE, with the new size.
    case resize(Size)
}

/// What an ncurses key code means to the decoder.
public enum KeyCodeMeaning: Sendable, Hashable {
    case key(Key)
    /// The bracketed-paste start marker (`ESC [200~`, bound with `define_key`).
    case pasteStart
    /// The bracketed-paste end marker (`ESC [201~`).
    case pasteEnd
    /// A code to drop silently (mouse, keypad centre).
    case ignore
}

/// Turns what `wget_wch` returns into ``InputEvent``s. Pure: no terminal needed, so it can be
/// tested by feeding ``RawInput`` values.
///
/// - Control bytes 1...26 are `.ctrl(letter)`, except 8 and 127 (backspace), 9 (tab), 10 and 13
///   (enter); 0 is `.ctrl("@")`; 28...31 are `.ctrl("\\")`, `.ctrl("]")`, `.ctrl("^")`, `.ctrl("_")`.
/// - ESC followed at once by a character is `.alt(character)` (a control character stays raw:
///   Alt-Backspace is `.alt("\u{7F}")`); an ESC with nothing after it is `.escape`.
/// - `ESC [ ... final` and `ESC O x` sequences that terminfo did not bind are decoded here
///   (arrows with modifiers, Home/End, PageUp/PageDown, Insert/Delete, F1...F12, back-tab,
///   the paste markers); unknown ones are dropped, so they never type garbage. Ctrl, Alt or
///   Ctrl+Shift with an arrow give the `ctrl` arrows; Shift alone the `shift` arrows.
/// - Everything between the paste markers becomes ONE `.paste(String)`: CR and CRLF become
///   `"\n"`, tabs stay, other control characters are dropped.
public struct KeyDecoder: Sendable {
    private enum State: Sendable {
        case ground
        case escape
        case controlSequence(String)
        case singleShift
        case paste(String, afterCarriageReturn: Bool)
        case pasteEscape(String, marker: String)
    }

    private static let pasteEndMarker = "[201~"
    private static let maximumSequenceLength = 32

    private let keyCodes: [Int32: KeyCodeMeaning]
    private var state: State = .ground

    /// A decoder that maps ncurses key codes through `keyCodes` (built by the terminal from
    /// terminfo and `define_key`; tests pass their own).
    public init(keyCodes: [Int32: KeyCodeMeaning]) {
        self.keyCodes = keyCodes
    }

    /// Whether a bracketed paste has started and not yet ended.
    public var isPasting: Bool {
        switch state {
        case .paste, .pasteEscape: true
        default: false
        }
    }

    /// Decodes a whole burst: every input, then ``finish()``.
    public static func decode(_ inputs: [RawInput], keyCodes: [Int32: KeyCodeMeaning] = [:]) -> [InputEvent] {
        var decoder = KeyDecoder(keyCodes: keyCodes)
        var events: [InputEvent] = []
        for input in inputs { events += decoder.feed(input) }
        return events + decoder.finish()
    }

    /// Feeds one input; returns the events it completes.
    public mutating func feed(_ input: RawInput) -> [InputEvent] {
        var events: [InputEvent] = []
        feed(input, into: &events)
        return events
    }

    /// Call when no more input is waiting: a pending ESC becomes `.escape`, an unfinished
    /// sequence is given back as typed. A paste in progress stays open for the next burst.
    public mutating func finish() -> [InputEvent] {
        var events: [InputEvent] = []
        switch state {
        case .escape:
            events.append(.key(.escape))
            state = .ground
        case .controlSequence(let body):
            state = .ground
            events.append(.key(.alt("[")))
            for scalar in body.unicodeScalars { events.append(.key(Self.key(forCharacter: scalar.value))) }
        case .singleShift:
            state = .ground
            events.append(.key(.alt("O")))
        case .ground, .paste, .pasteEscape:
            break
        }
        return events
    }

    private mutating func feed(_ input: RawInput, into events: inout [InputEvent]) {
        switch state {
        case .ground:
            feedGround(input, into: &events)
        case .escape:
            feedAfterEscape(input, into: &events)
        case .controlSequence(let body):
            feedControlSequence(body, input, into: &events)
        case .singleShift:
            state = .ground
            if case .character(let value) = input, let key = Self.singleShiftKey(value) {
                events.append(.key(key))
            } else if case .character(let value) = input, (0x40...0x7E).contains(value) {
                return  // an SS3 key nobody named: drop it
            } else {
                events.append(.key(.alt("O")))
                feed(input, into: &events)
            }
        case .paste(let text, let afterCarriageReturn):
            feedPaste(text, afterCarriageReturn: afterCarriageReturn, input, into: &events)
        case .pasteEscape(let text, let marker):
            feedPasteEscape(text, marker: marker, input, into: &events)
        }
    }

    private mutating func feedGround(_ input: RawInput, into events: inout [InputEvent]) {
        switch input {
        case .character(27):
            state = .escape
        case .character(let value):
            events.append(.key(Self.key(forCharacter: value)))
        case .keyCode(let code):
            switch keyCodes[code] {
            case .key(let key)?: events.append(.key(key))
            case .pasteStart?: state = .paste("", afterCarriageReturn: false)
            case .pasteEnd?, .ignore?: break
            case nil: events.append(.key(.unknown(code)))
            }
        case .resize(let size):
            events.append(.resize(size))
        }
    }

    private mutating func feedAfterEscape(_ input: RawInput, into events: inout [InputEvent]) {
        guard case .character(let value) = input else {
            state = .ground
            events.append(.key(.escape))
            feedGround(input, into: &events)
            return
        }
        switch value {
        case 27:
            events.append(.key(.escape))  // the first ESC was alone; the second may start something
        case 0x5B:  // "["
            state = .controlSequence("")
        case 0x4F:  // "O"
            state = .singleShift
        default:
            state = .ground
            if let scalar = Unicode.Scalar(value) {
                events.append(.key(.alt(Character(scalar))))
            } else {
                events.append(.key(.unknown(Int32(bitPattern: value))))
            }
        }
    }

    private mutating func feedControlSequence(_ body: String, _ input: RawInput, into events: inout [InputEvent]) {
        guard case .character(let value) = input, value >= 0x20, value <= 0x7E,
            let scalar = Unicode.Scalar(value)
        else {
            // Not a sequence after all: give back what was typed, then this input.
            state = .controlSequence(body)
            events += finish()
            feed(input, into: &events)
            return
        }
        if value <= 0x3F {
            guard body.unicodeScalars.count < Self.maximumSequenceLength else {
                state = .ground  // runaway sequence: drop it
                return
            }
            state = .controlSequence(body + String(scalar))
            return
        }
        state = .ground
        switch ControlSequence.meaning(parameters: body, final: scalar) {
        case .key(let key)?: events.append(.key(key))
        case .pasteStart?: state = .paste("", afterCarriageReturn: false)
        case .pasteEnd?, .ignore?, nil: break
        }
    }

    private mutating func feedPaste(
        _ text: String, afterCarriageReturn: Bool, _ input: RawInput, into events: inout [InputEvent]
    ) {
        var text = text
        var afterCarriageReturn = afterCarriageReturn
        switch input {
        case .character(27):
            state = .pasteEscape(text, marker: "")
            return
        case .character(let value):
            Self.appendPasted(value, to: &text, afterCarriageReturn: &afterCarriageReturn)
        case .keyCode(let code):
            switch keyCodes[code] {
            case .pasteEnd?:
                state = .ground
                events.append(.paste(text))
                return
            case .key(.enter)?: Self.appendPasted(13, to: &text, afterCarriageReturn: &afterCarriageReturn)
            case .key(.tab)?: Self.appendPasted(9, to: &text, afterCarriageReturn: &afterCarriageReturn)
            default: break  // a key sequence inside pasted text: not text
            }
        case .resize(let size):
            events.append(.resize(size))
        }
        state = .paste(text, afterCarriageReturn: afterCarriageReturn)
    }

    private mutating func feedPasteEscape(
        _ text: String, marker: String, _ input: RawInput, into events: inout [InputEvent]
    ) {
        if case .character(let value) = input, let scalar = Unicode.Scalar(value) {
            let candidate = marker + String(scalar)
            if candidate == Self.pasteEndMarker {
                state = .ground
                events.append(.paste(text))
                return
            }
            if Self.pasteEndMarker.hasPrefix(candidate) {
                state = .pasteEscape(text, marker: candidate)
                return
            }
        }
        // Not the end marker: the ESC is dropped (a control character), the rest is text.
        var text = text
        var afterCarriageReturn = false
        for scalar in marker.unicodeScalars {
            Self.appendPasted(scalar.value, to: &text, afterCarriageReturn: &afterCarriageReturn)
        }
        state = .paste(text, afterCarriageReturn: afterCarriageReturn)
        feed(input, into: &events)
    }

    private static func appendPasted(_ value: UInt32, to text: inout String, afterCarriageReturn: inout Bool) {
        defer { afterCarriageReturn = value == 13 }
        switch value {
        case 13: text.append("\n")
        case 10: if !afterCarriageReturn { text.append("\n") }
        case 9: text.append("\t")
        case 0..<0x20, 0x7F..<0xA0: break
        default:
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
    }

    /// The key for one character `wget_wch` returned with OK (ESC is handled by the state machine).
    public static func key(forCharacter value: UInt32) -> Key {
        switch value {
        case 0: return .ctrl("@")
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80..<0xA0: return .unknown(Int32(value))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int32(bitPattern: value)) }
            return .character(Character(scalar))
        }
    }

    private static func singleShiftKey(_ value: UInt32) -> Key? {
        switch value {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        case 0x4D: .enter
        case 0x50...0x53: .function(Int(value) - 0x50 + 1)
        default: nil
        }
    }
}
