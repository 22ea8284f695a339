import CNCursesW
import TUIKit

/// The key-code table for ``KeyDecoder``: ncurses' named keys, plus sequences terminfo may lack
/// (bracketed-paste markers, Ctrl/Shift/Alt arrows) bound with `define_key`. A sequence the
/// terminal already binds keeps ncurses' code (`key_defined`), so both routes decode the same.
enum KeyBindings {
    /// Codes for our own `define_key` bindings: far above KEY_MAX and ncurses' extended codes, and
    /// below 65536 (ncurses stores key codes in an unsigned short).
    private static let firstCustomCode: Int32 = 0x4000

    /// Binds the extra sequences and returns the whole table. Call once, after `newterm`.
    static func install() -> [Int32: KeyCodeMeaning] {
        var table = namedKeys()
        var nextCode = firstCustomCode
        for (sequence, meaning) in extraSequences() {
            let existing = key_defined(sequence)
            if existing > 0 {
                table[existing] = meaning
            } else if define_key(sequence, nextCode) == hailuo_ok() {
                table[nextCode] = meaning
                nextCode += 1
            }
        }
        return table
    }

    private static func namedKeys() -> [Int32: KeyCodeMeaning] {
        var table: [Int32: KeyCodeMeaning] = [
            hailuo_key_up(): .key(.up), hailuo_key_down(): .key(.down),
            hailuo_key_left(): .key(.left), hailuo_key_right(): .key(.right),
            hailuo_key_home(): .key(.home), hailuo_key_end(): .key(.end),
            hailuo_key_ppage(): .key(.pageUp), hailuo_key_npage(): .key(.pageDown),
            hailuo_key_dc(): .key(.delete), hailuo_key_ic(): .key(.insert),
            hailuo_key_btab(): .key(.backTab), hailuo_key_backspace(): .key(.backspace),
            hailuo_key_enter(): .key(.enter),
            hailuo_key_sr(): .key(.shiftUp), hailuo_key_sf(): .key(.shiftDown),
            hailuo_key_sleft(): .key(.shiftLeft), hailuo_key_sright(): .key(.shiftRight),
            hailuo_key_shome(): .key(.home), hailuo_key_send(): .key(.end), hailuo_key_sdc(): .key(.delete),
            hailuo_key_a1(): .key(.home), hailuo_key_c1(): .key(.end),
            hailuo_key_a3(): .key(.pageUp), hailuo_key_c3(): .key(.pageDown),
            hailuo_key_beg(): .ignore, hailuo_key_mouse(): .ignore,
        ]
        for number in 1...12 { table[hailuo_key_f(Int32(number))] = .key(.function(number)) }
        return table
    }

    private static func extraSequences() -> [(String, KeyCodeMeaning)] {
        var sequences: [(String, KeyCodeMeaning)] = [
            ("\u{1B}[200~", .pasteStart), ("\u{1B}[201~", .pasteEnd),
        ]
        let arrows: [(Character, Key)] = [("A", .up), ("B", .down), ("C", .right), ("D", .left)]
        for (final, base) in arrows {
            for modifier in 2...8 {
                sequences.append(
                    ("\u{1B}[1;\(modifier)\(final)", .key(ControlSequence.arrow(base, modifier: modifier))))
            }
            let lower = Character(final.lowercased())
            sequences.append(("\u{1B}O\(lower)", .key(ControlSequence.arrow(base, modifier: 5))))  // rxvt Ctrl
            sequences.append(("\u{1B}[\(lower)", .key(ControlSequence.arrow(base, modifier: 2))))  // rxvt Shift
        }
        for (final, key) in [("H", Key.home), ("F", Key.end)] {
            for modifier in 2...8 { sequences.append(("\u{1B}[1;\(modifier)\(final)", .key(key))) }
        }
        return sequences
    }
}
