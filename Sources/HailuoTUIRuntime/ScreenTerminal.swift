import CursesBackend
import TUIKit

/// The terminal as the event loop uses it: the ncurses backend in the program, a scripted fake
/// in tests. All calls come from the loop's one thread.
public protocol ScreenTerminal: AnyObject {
    /// Whether the locale's codeset is UTF-8.
    var isUTF8: Bool { get }
    var supportsColor: Bool { get }
    /// The colours pictures are drawn in.
    var colorDepth: ColorDepth { get }
    var size: Size { get }
    /// Everything typed (and resizes) since the last call; never blocks.
    func readEvents() -> [InputEvent]
    /// Shows `canvas`, writing only what changed since the last frame.
    func draw(_ canvas: Canvas)
    /// Sleeps until input, a wake-up on `wakeFD`, the deadline, or a hang-up.
    func waitForInput(until deadline: ContinuousClock.Instant?, wakeFD: Int32) -> WaitResult
    /// Puts the terminal back as it was.
    func restore()
    /// Forgets the last frame, so the next draw repaints everything.
    func invalidate()
    func bell()
    /// Writes an escape sequence as is (clipboard, notifications).
    func writeRaw(_ sequence: String)
    /// Stops the process (Ctrl-Z) and repaints on return.
    func suspend()
}

extension CursesTerminal: ScreenTerminal {}

extension CursesTerminal {
    /// The colours pictures are drawn in: direct colour where terminfo says so (`xterm-direct`).
    public var colorDepth: ColorDepth { supportsColor ? ColorDepth(colors: colorCount) : .monochrome }
}
