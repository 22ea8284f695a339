import Foundation
import HailuoCore
import TUIKit

/// The look of every part of the screen, in colour or (without colours) with bold, dim,
/// underline and reverse only; and the symbols to draw with (Unicode or ASCII).
public struct Theme: Sendable {
    public let glyphs: Glyphs
    /// Whether the terminal shows colours.
    public let colors: Bool
    /// Whether symbols beyond ASCII may be drawn (arrows, dots, brackets, bars).
    public let unicode: Bool

    public let border: Style
    public let focusedBorder: Style
    public let title: Style
    public let focusedTitle: Style
    public let label: Style
    public let focusedLabel: Style
    public let text: Style
    /// The typing area of a one-line field.
    public let field: Style
    public let dim: Style
    public let error: Style
    public let warning: Style
    public let ok: Style
    /// A key name in hints (`Ctrl-S`, `n`).
    public let key: Style
    /// The chosen value of a toggle.
    public let chosen: Style
    /// The chosen value of the toggle the arrow keys are on.
    public let chosenFocused: Style
    /// A value the model forbids in the current combination.
    public let forbidden: Style
    public let header: Style
    public let selectedRow: Style
    public let statusBar: Style
    public let demoBadge: Style
    public let liveBadge: Style
    public let pausedBadge: Style
    public let filterBadge: Style
    /// Seconds each spinner frame shows: the screen's beat (``AppModel/beatSeconds(at:)``), so a
    /// slower beat still steps through every frame.
    public var spinnerSecondsPerFrame = 1

    /// The theme for an environment.
    public init(environment: AppEnvironment) {
        self.init(glyphs: environment.glyphs, colors: environment.colors)
    }

    public init(glyphs: Glyphs, colors: Bool) {
        self.glyphs = glyphs
        self.colors = colors
        unicode = glyphs != .ascii
        let plain = Style.plain
        text = plain
        field = plain.underlined
        dim = plain.dimmed
        key = plain.bolded
        forbidden = plain.dimmed
        statusBar = plain.reversed
        selectedRow = colors ? Style(foreground: .black, background: .cyan) : plain.reversed
        if colors {
            border = plain.foreground(.brightBlack)
            focusedBorder = plain.foreground(.cyan)
            title = plain
            focusedTitle = plain.foreground(.cyan).bolded
            label = plain
            focusedLabel = plain.foreground(.cyan).bolded
            error = plain.foreground(.red)
            warning = plain.foreground(.yellow)
            ok = plain.foreground(.green)
            chosen = plain.foreground(.cyan).bolded
            chosenFocused = plain.foreground(.black).background(.cyan).bolded
            header = plain.bolded.underlined
            demoBadge = Style(foreground: .black, background: .yellow, bold: true)
            liveBadge = Style(foreground: .brightWhite, background: .red, bold: true)
            pausedBadge = Style(foreground: .black, background: .yellow, bold: true)
            filterBadge = plain.foreground(.yellow)
        } else {
            border = plain
            focusedBorder = plain.bolded
            title = plain
            focusedTitle = plain.bolded.underlined
            label = plain
            focusedLabel = plain.bolded.underlined
            error = plain.bolded
            warning = plain.bolded
            ok = plain
            chosen = plain.bolded.underlined
            chosenFocused = plain.reversed.bolded
            header = plain.bolded.underlined
            demoBadge = plain.bolded
            liveBadge = plain.bolded.underlined
            pausedBadge = plain.bolded
            filterBadge = plain.underlined
        }
    }

    /// The spinner's frame at `now` (one column wide), if the glyphs have one.
    public func spinnerFrame(at now: Date) -> String? {
        let frames = glyphs.spinner
        guard !frames.isEmpty else { return nil }
        let step = Int(now.timeIntervalSince1970.rounded(.down)) / max(1, spinnerSecondsPerFrame)
        let frame = frames[((step % frames.count) + frames.count) % frames.count]
        return frame.displayWidth == 1 ? frame : nil
    }

    /// How a job's status word looks.
    public func status(for job: Job) -> Style { status(phase: job.phase, providerStatus: job.providerStatus) }

    /// The colour of a status a job reached in its history.
    public func status(for event: JobEvent) -> Style {
        status(phase: event.phase, providerStatus: event.providerStatus)
    }

    /// The colour of a phase and, while pending, the provider's word.
    public func status(phase: JobPhase, providerStatus: String?) -> Style {
        if colors {
            switch phase {
            case .submitting: return Style(foreground: .cyan)
            case .pending:
                switch providerStatus ?? "queued" {
                case "queued": return Style(foreground: .blue)
                case "generating": return Style(foreground: .yellow)
                default: return Style(foreground: .magenta)
                }
            case .completed: return Style(foreground: .green)
            case .failed: return Style(foreground: .red)
            case .unconfirmed: return Style(foreground: .magenta, bold: true)
            case .waiting, .dismissed: return Style(dim: true)
            }
        }
        switch phase {
        case .submitting: return Style(dim: true)
        case .pending: return (providerStatus ?? "queued") == "queued" ? .plain : Style(underline: true)
        case .completed: return Style(bold: true)
        case .failed: return Style(bold: true, underline: true)
        case .unconfirmed: return Style(bold: true, reverse: true)
        case .waiting, .dismissed: return Style(dim: true)
        }
    }

    /// How the connection badge in the status bar looks (drawn on the reversed bar).
    public func connection(_ state: ConnectionState) -> Style {
        guard colors else {
            switch state {
            case .online: return statusBar
            default: return Style(bold: true)
            }
        }
        switch state {
        case .online: return Style(foreground: .black, background: .green)
        case .offline, .unauthorized: return Style(foreground: .brightWhite, background: .red, bold: true)
        case .rateLimited: return Style(foreground: .black, background: .yellow, bold: true)
        }
    }

    /// The chosen-value brackets of a toggle: `‹6 s›`, or `[6 s]` in ASCII.
    public var chosenBrackets: (String, String) { unicode ? ("‹", "›") : ("[", "]") }

    /// The filled and empty cells of a progress bar.
    public var barCells: (String, String) { unicode ? ("█", "░") : ("#", "-") }

    /// The separator between short items (`·`, or `|` in ASCII).
    public var separator: String { unicode ? "·" : "|" }

    /// App-written text for the screen: unchanged with Unicode, else with its arrows, dots,
    /// dashes and ellipses spelled in ASCII.
    public func ascii(_ text: String) -> String {
        guard !unicode else { return text }
        var out = ""
        for character in text {
            switch character {
            case "·": out += "|"
            case "←": out += "<-"
            case "→": out += "->"
            case "↑": out += "^"
            case "↓": out += "v"
            case "—", "–": out += "-"
            case "…": out += "..."
            case "✓": out += "ok"
            case "✗": out += "x"
            case "‹": out += "["
            case "›": out += "]"
            case "◂": out += "<"
            case "▸": out += ">"
            case "≤": out += "<="
            default: out.append(character)
            }
        }
        return out
    }
}
