import TUIKit

/// The meaning of `ESC [ parameters final` sequences (xterm, rxvt, VT220, the Linux console):
/// the fallback for keys terminfo did not bind, so a TERM that does not match the real terminal
/// (vt100 inside a modern terminal) still gets its arrows and never types garbage.
enum ControlSequence {
    static func meaning(parameters: String, final: Unicode.Scalar) -> KeyCodeMeaning? {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first.flatMap { $0 }
        let modifier = numbers.count > 1 ? (numbers[1] ?? 1) : 1
        switch final {
        case "A": return .key(arrow(.up, modifier: modifier))
        case "B": return .key(arrow(.down, modifier: modifier))
        case "C": return .key(arrow(.right, modifier: modifier))
        case "D": return .key(arrow(.left, modifier: modifier))
        case "a": return .key(.shiftUp)  // rxvt
        case "b": return .key(.shiftDown)
        case "c": return .key(.shiftRight)
        case "d": return .key(.shiftLeft)
        case "H": return .key(.home)
        case "F": return .key(.end)
        case "Z": return .key(.backTab)
        case "P", "Q", "R", "S": return .key(.function(Int(final.value) - 0x50 + 1))
        case "~", "^", "$", "@": return tilde(first)
        default: return nil  // focus reports, mouse, cursor reports: not keys
        }
    }

    /// xterm's modifier parameter is 1 + (Shift 1, Alt 2, Ctrl 4).
    static func arrow(_ base: Key, modifier: Int) -> Key {
        let bits = max(0, modifier - 1)
        let control = bits & 4 != 0 || bits & 2 != 0
        let shift = bits & 1 != 0
        switch base {
        case .up: return control ? .ctrlUp : shift ? .shiftUp : .up
        case .down: return control ? .ctrlDown : shift ? .shiftDown : .down
        case .left: return control ? .ctrlLeft : shift ? .shiftLeft : .left
        case .right: return control ? .ctrlRight : shift ? .shiftRight : .right
        default: return base
        }
    }

    private static func tilde(_ number: Int?) -> KeyCodeMeaning? {
        switch number {
        case 1?, 7?: .key(.home)
        case 2?: .key(.insert)
        case 3?: .key(.delete)
        case 4?, 8?: .key(.end)
        case 5?: .key(.pageUp)
        case 6?: .key(.pageDown)
        case let n? where (11...15).contains(n): .key(.function(n - 10))
        case let n? where (17...21).contains(n): .key(.function(n - 11))
        case 23?: .key(.function(11))
        case 24?: .key(.function(12))
        case 200?: .pasteStart
        case 201?: .pasteEnd
        default: nil
        }
    }
}
